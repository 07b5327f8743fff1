import type { IDataObject } from 'n8n-workflow';

import { startEmulator } from '../../../emulator';
import type { RunningEmulator } from '../../../emulator';
import {
	forResource,
	groupRef,
	newAccount,
	phonesApi,
	runAs,
	smscApi,
} from '../../../support/accounts';

// Each test runs whole workflows through n8n-core; a busy CI machine can take seconds for one.
jest.setTimeout(30_000);

let emu: RunningEmulator;
beforeAll(async () => (emu = await startEmulator({ demoAccount: false })));
afterAll(async () => emu.close());

const contact = forResource('contact');

async function seedGroup(login: string, name: string): Promise<number> {
	return (await phonesApi(emu, login, { add_group: 1, name })).id;
}

async function seedContact(
	login: string,
	phone: string,
	extra: Record<string, string | number> = {},
): Promise<number> {
	return (await phonesApi(emu, login, { add: 1, phone, ...extra })).id;
}

/** `count` contacts C0, C1, … with phones 7997…; twelve at a time, since SMSC (and the emulator)
 * refuse a fifteenth concurrent request per login. */
async function seedContacts(login: string, count: number): Promise<void> {
	for (let start = 0; start < count; start += 12) {
		const ids = await Promise.all(
			Array.from({ length: Math.min(12, count - start) }, (_, k) =>
				seedContact(login, `7997${String(start + k).padStart(7, '0')}`, { name: `C${start + k}` }),
			),
		);
		expect(ids.every((id) => typeof id === 'number')).toBe(true);
	}
}

describe('Contact: Create', () => {
	it('sends every field under its phones.php name and outputs the new contact', async () => {
		const login = newAccount(emu);
		const vip = await seedGroup(login, 'VIP');
		const news = await seedGroup(login, 'News');
		const { json, requests, result } = await runAs(
			emu,
			login,
			'phones',
			contact('create', {
				phone: '+7 (999) 123-45-67',
				name: 'Anna Petrova',
				additionalFields: {
					birthday: '1990-05-17T00:00:00',
					comment: 'met at the fair',
					firstName: 'Anna',
					lastName: 'Petrova',
					middleName: 'Ivanovna',
					groups: [vip, String(news)],
					myId: 'crm-42',
					otherPhones: '+79990000001; 79990000002',
					tags: 'lead,fair',
				},
			}),
		);
		expect(result.error).toBeUndefined();
		expect(requests).toEqual([
			{
				add: '1',
				phone: '+79991234567',
				name: 'Anna Petrova',
				fnm: 'Anna',
				lnm: 'Petrova',
				mnm: 'Ivanovna',
				myid: 'crm-42',
				cmt: 'met at the fair',
				tags: 'lead,fair',
				bd: '17.05.1990',
				pho: '+79990000001,79990000002',
				grp: `${vip},${news}`,
			},
		]);
		expect(json).toEqual([
			{
				id: expect.any(Number),
				phone: '+79991234567',
				name: 'Anna Petrova',
				firstName: 'Anna',
				lastName: 'Petrova',
				middleName: 'Ivanovna',
				myId: 'crm-42',
				comment: 'met at the fair',
				tags: 'lead,fair',
				birthday: '1990-05-17',
				otherPhones: '+79990000001,79990000002',
				groups: [vip, news],
			},
		]);
		const [stored] = await phonesApi(emu, login, { get: 1, phone: '79991234567' });
		expect(stored).toMatchObject({
			name: 'Anna Petrova',
			birthday: '17.05.1990',
			group: `${vip},${news}`,
			int_id: json[0].id,
		});
	});

	it('creates one contact per input item, with several numbers in one field', async () => {
		const login = newAccount(emu);
		const { json, requests } = await runAs(
			emu,
			login,
			'phones',
			contact('create', { phone: '={{ $json.phone }}', name: '={{ $json.name }}' }),
			{
				items: [
					{ phone: '+79991110001, +79991110002', name: 'Two numbers' },
					{ phone: '+79991110003', name: 'One' },
				],
			},
		);
		expect(requests).toEqual([
			{ add: '1', phone: '+79991110001,+79991110002', name: 'Two numbers' },
			{ add: '1', phone: '+79991110003', name: 'One' },
		]);
		expect(json.map((item) => item.phone)).toEqual(['+79991110001,+79991110002', '+79991110003']);
		expect(new Set(json.map((item) => item.id)).size).toBe(2);
	});

	it('refuses a malformed phone or birthday before any request', async () => {
		const login = newAccount(emu);
		const badPhone = await runAs(emu, login, 'phones', contact('create', { phone: '12-ab' }));
		expect(badPhone.result.error?.errorName).toBe('NodeOperationError');
		expect(badPhone.result.error?.message).toMatch(
			/The Phone "12-ab" is not a phone number in international format/,
		);
		const badDate = await runAs(
			emu,
			login,
			'phones',
			contact('create', { phone: '+79991234567', additionalFields: { birthday: '31.02.1990' } }),
		);
		expect(badDate.result.error?.message).toMatch(/The Birthday "31.02.1990" is not a valid date/);
		expect([...badPhone.requests, ...badDate.requests]).toEqual([]);
	});

	it('fails on an existing number, or with continueOnFail outputs the error and goes on', async () => {
		const login = newAccount(emu);
		await seedContact(login, '79992220001');
		const items = [{ phone: '+79992220001' }, { phone: '+79992220002' }];
		const stopped = await runAs(
			emu,
			login,
			'phones',
			contact('create', { phone: '={{ $json.phone }}' }),
			{ items },
		);
		expect(stopped.result.error?.errorName).toBe('NodeApiError');
		expect(stopped.result.error?.message).toMatch(
			/could not carry out the contact operation \(error 5\).*\[item 0\]/,
		);
		expect(stopped.requests).toHaveLength(1);

		const login2 = newAccount(emu);
		await seedContact(login2, '79992220001');
		const continued = await runAs(
			emu,
			login2,
			'phones',
			contact('create', { phone: '={{ $json.phone }}' }),
			{
				items,
				continueOnFail: true,
			},
		);
		expect(continued.result.error).toBeUndefined();
		expect(continued.json).toEqual([
			{ error: expect.stringMatching(/error 5/), itemIndex: 0 },
			{ id: expect.any(Number), phone: '+79992220002' },
		]);
		expect(continued.result.output('SMSC').map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
		]);
	});
});

describe('Contact: Update', () => {
	it('changes the details and the number of the contact found by phone', async () => {
		const login = newAccount(emu);
		await seedContact(login, '79993330001', { name: 'Old' });
		const { json, requests, result } = await runAs(
			emu,
			login,
			'phones',
			contact('update', {
				phone: '+79993330001',
				updateFields: {
					name: 'New',
					newPhone: '+7 999 333-00-02',
					birthday: '2001-01-09',
					tags: 'moved',
				},
			}),
		);
		expect(result.error).toBeUndefined();
		expect(requests).toEqual([
			{
				chg: '1',
				phone: '+79993330001',
				name: 'New',
				tags: 'moved',
				bd: '09.01.2001',
				new_phone: '+79993330002',
			},
		]);
		expect(json).toEqual([
			{
				success: true,
				phone: '+79993330001',
				name: 'New',
				tags: 'moved',
				birthday: '2001-01-09',
				newPhone: '+79993330002',
			},
		]);
		const [stored] = await phonesApi(emu, login, { get: 1, phone: '79993330002' });
		expect(stored).toMatchObject({
			phone: '79993330002',
			name: 'New',
			birthday: '09.01.2001',
			tags: 'moved',
		});
	});

	it('refuses an update without fields before any request', async () => {
		const login = newAccount(emu);
		const { result, requests } = await runAs(
			emu,
			login,
			'phones',
			contact('update', { phone: '+79993330001', updateFields: {} }),
		);
		expect(result.error?.errorName).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(/Nothing to update/);
		expect(requests).toEqual([]);
	});

	it('names the missing contact, or with continueOnFail outputs that error', async () => {
		const login = newAccount(emu);
		const parameters = contact('update', {
			phone: '+79993339999',
			updateFields: { name: 'Nobody' },
		});
		const stopped = await runAs(emu, login, 'phones', parameters);
		expect(stopped.result.error?.errorName).toBe('NodeApiError');
		expect(stopped.result.error?.message).toMatch(
			/SMSC has no contact with phone \+79993339999 \(SMSC error 3\)/,
		);
		const continued = await runAs(emu, login, 'phones', parameters, { continueOnFail: true });
		expect(continued.json).toEqual([
			{ error: expect.stringMatching(/no contact with phone \+79993339999/), itemIndex: 0 },
		]);
		expect(continued.requests).toEqual([{ chg: '1', phone: '+79993339999', name: 'Nobody' }]);
	});
});

describe('Contact: Delete', () => {
	it('deletes the contact with this number', async () => {
		const login = newAccount(emu);
		await seedContact(login, '79994440001');
		await seedContact(login, '79994440002');
		const { json, requests } = await runAs(
			emu,
			login,
			'phones',
			contact('delete', { phone: '+79994440001' }),
		);
		expect(requests).toEqual([{ del: '1', phone: '+79994440001' }]);
		expect(json).toEqual([{ success: true, phone: '+79994440001' }]);
		const left = await phonesApi(emu, login, { get: 1 });
		expect(left.map((row: { phone: string }) => row.phone)).toEqual(['79994440002']);
	});

	it('names the missing contact, or with continueOnFail outputs that error', async () => {
		const login = newAccount(emu);
		await seedContact(login, '79994440001');
		const items = [{ phone: '+79994449999' }, { phone: '+79994440001' }];
		const stopped = await runAs(
			emu,
			login,
			'phones',
			contact('delete', { phone: '={{ $json.phone }}' }),
			{ items },
		);
		expect(stopped.result.error?.message).toMatch(
			/SMSC has no contact with phone \+79994449999.*\[item 0\]/,
		);
		expect(stopped.requests).toHaveLength(1);
		const continued = await runAs(
			emu,
			login,
			'phones',
			contact('delete', { phone: '={{ $json.phone }}' }),
			{
				items,
				continueOnFail: true,
			},
		);
		expect(continued.json).toEqual([
			{ error: expect.stringMatching(/no contact with phone \+79994449999/), itemIndex: 0 },
			{ success: true, phone: '+79994440001' },
		]);
	});
});

describe('Contact: Get', () => {
	it('outputs the contact with readable field names', async () => {
		const login = newAccount(emu);
		const group = await seedGroup(login, 'Friends');
		const id = await seedContact(login, '79995550001', {
			name: 'Ivan',
			fnm: 'Ivan',
			lnm: 'Sidorov',
			bd: '02.03.1985',
			myid: 'x-1',
			cmt: 'note',
			tags: 't1',
			pho: '79995550009',
			grp: group,
		});
		const { json, requests } = await runAs(
			emu,
			login,
			'phones',
			contact('get', { phone: '+7 999 555 00 01' }),
		);
		expect(requests).toEqual([{ get: '1', phone: '+79995550001' }]);
		expect(json).toEqual([
			{
				id,
				phone: '79995550001',
				name: 'Ivan',
				groups: [group],
				firstName: 'Ivan',
				lastName: 'Sidorov',
				middleName: '',
				birthday: '1985-03-02',
				myId: 'x-1',
				comment: 'note',
				tags: 't1',
				otherPhones: '79995550009',
			},
		]);
	});

	it('finds a contact by any of its numbers', async () => {
		const login = newAccount(emu);
		await seedContact(login, '79995550011,79995550012', { name: 'Two numbers' });
		const { json, requests } = await runAs(
			emu,
			login,
			'phones',
			contact('get', { phone: '89995550012' }),
		);
		expect(requests).toEqual([{ get: '1', phone: '89995550012' }]);
		expect(json).toEqual([
			expect.objectContaining({ phone: '79995550011,79995550012', name: 'Two numbers' }),
		]);
	});

	it('fails clearly for a number without a contact, or with continueOnFail outputs that error', async () => {
		const login = newAccount(emu);
		await seedContact(login, '79995550001', { name: 'Ivan' });
		const items = [{ phone: '+79995550001' }, { phone: '+79995559999' }];
		const stopped = await runAs(
			emu,
			login,
			'phones',
			contact('get', { phone: '={{ $json.phone }}' }),
			{ items },
		);
		expect(stopped.result.error?.errorName).toBe('NodeApiError');
		expect(stopped.result.error?.message).toMatch(
			/SMSC has no contact with phone \+79995559999.*\[item 1\]/,
		);
		const continued = await runAs(
			emu,
			login,
			'phones',
			contact('get', { phone: '={{ $json.phone }}' }),
			{
				items,
				continueOnFail: true,
			},
		);
		expect(continued.json).toEqual([
			expect.objectContaining({ phone: '79995550001', name: 'Ivan' }),
			{ error: expect.stringMatching(/no contact with phone \+79995559999/), itemIndex: 1 },
		]);
	});
});

describe('Contact: Get Many', () => {
	it('applies the filters and the limit in one request', async () => {
		const login = newAccount(emu);
		const group = await seedGroup(login, 'Clients');
		for (let n = 1; n <= 4; n++)
			await seedContact(login, `7996666000${n}`, {
				name: `Client ${n}`,
				lnm: 'Orlova',
				grp: group,
			});
		await seedContact(login, '79966660009', { name: 'Outsider', lnm: 'Orlova' });
		const { json, requests } = await runAs(
			emu,
			login,
			'phones',
			contact('getAll', { limit: 3, filters: { group, personName: 'orlova', search: 'client' } }),
		);
		expect(requests).toEqual([
			{ get: '1', grp: String(group), fio: 'orlova', search: 'client', cnt: '3' },
		]);
		expect(json.map((item) => item.name)).toEqual(['Client 1', 'Client 2', 'Client 3']);
		expect(json[0]).toMatchObject({
			phone: '79966660001',
			groups: [group],
			lastName: 'Orlova',
			id: expect.any(Number),
		});
	});

	it('returns all contacts page by page with after_id', async () => {
		const login = newAccount(emu);
		const total = 1003;
		await seedContacts(login, total);
		const { json, requests } = await runAs(
			emu,
			login,
			'phones',
			contact('getAll', { returnAll: true }),
		);
		expect(json).toHaveLength(total);
		expect(new Set(json.map((item) => item.id)).size).toBe(total);
		const lastOfFirstPage = [...json.slice(0, 1000)]
			.map((item) => item.id as number)
			.sort((a, b) => a - b)[999];
		expect(requests).toEqual([
			{ get: '1', cnt: '1000' },
			{ get: '1', cnt: '1000', after_id: String(lastOfFirstPage) },
		]);
	}, 60_000);

	it('outputs nothing for an empty phone book (SMSC error 3 is an empty list)', async () => {
		const login = newAccount(emu);
		const { json, result, requests } = await runAs(
			emu,
			login,
			'phones',
			contact('getAll', { returnAll: true }),
		);
		expect(result.error).toBeUndefined();
		expect(json).toEqual([]);
		expect(requests).toEqual([{ get: '1', cnt: '1000' }]);
	});

	it('fails on a rejected login, or with continueOnFail outputs the error', async () => {
		const login = newAccount(emu);
		emu.updateAccount({ login, psw: 'changed-elsewhere' });
		const stopped = await runAs(emu, login, 'phones', contact('getAll', { limit: 5 }));
		expect(stopped.result.error?.message).toMatch(
			/rejected the login and password or the API key \(error 2\)/,
		);
		const continued = await runAs(emu, login, 'phones', contact('getAll', { limit: 5 }), {
			continueOnFail: true,
		});
		expect(continued.json).toEqual([{ error: expect.stringMatching(/error 2/), itemIndex: 0 }]);
	});
});

describe('Contact: group membership', () => {
	async function memberOf(login: string, phone: string): Promise<string> {
		const [row] = await phonesApi(emu, login, { get: 1, phone });
		return String(row.group);
	}

	/** A new account with groups A and B. */
	async function twoGroups(): Promise<{ login: string; a: number; b: number }> {
		const login = newAccount(emu);
		const a = await seedGroup(login, 'A');
		const b = await seedGroup(login, 'B');
		return { login, a, b };
	}

	/** Runs one membership operation and checks the phones.php request and the item it returns. */
	async function expectMembershipChange(
		login: string,
		operation: string,
		phone: string,
		group: IDataObject,
		id: number,
		mode: number,
	) {
		const { json, requests } = await runAs(
			emu,
			login,
			'phones',
			contact(operation, { phone, group }),
		);
		expect(requests).toEqual([{ move_group: String(mode), grp: String(id), phone }]);
		expect(json).toEqual([{ success: true, phone, group: id }]);
	}

	it('Add to Group keeps the other groups (move_group=2)', async () => {
		const { login, a, b } = await twoGroups();
		await seedContact(login, '79998880001', { grp: a });
		await expectMembershipChange(login, 'addToGroup', '+79998880001', groupRef(b), b, 2);
		expect(await memberOf(login, '79998880001')).toBe(`${a},${b}`);
	});

	it('Move to Group leaves only the new group (move_group=1), by ID too', async () => {
		const { login, a, b } = await twoGroups();
		await seedContact(login, '79998880002', { grp: a });
		await expectMembershipChange(
			login,
			'moveToGroup',
			'+79998880002',
			groupRef(` ${b} `, 'id'),
			b,
			1,
		);
		expect(await memberOf(login, '79998880002')).toBe(String(b));
	});

	it('Remove from Group takes out only that group (move_group=3)', async () => {
		const { login, a, b } = await twoGroups();
		await seedContact(login, '79998880003', { grp: `${a},${b}` });
		await expectMembershipChange(login, 'removeFromGroup', '+79998880003', groupRef(a), a, 3);
		expect(await memberOf(login, '79998880003')).toBe(String(b));
	});

	it('names what is missing, or with continueOnFail outputs that error', async () => {
		const login = newAccount(emu);
		const a = await seedGroup(login, 'A');
		await seedContact(login, '79998880004');
		const parameters = contact('removeFromGroup', { phone: '+79998880004', group: groupRef(a) });
		const stopped = await runAs(emu, login, 'phones', parameters);
		expect(stopped.result.error?.message).toMatch(
			new RegExp(`SMSC has no contact with phone \\+79998880004 in group ${a}, or no such group`),
		);
		const continued = await runAs(emu, login, 'phones', parameters, { continueOnFail: true });
		expect(continued.json).toEqual([
			{ error: expect.stringMatching(/no contact with phone/), itemIndex: 0 },
		]);
	});

	it('refuses a group ID that is not a number before any request', async () => {
		const login = newAccount(emu);
		const { result, requests } = await runAs(
			emu,
			login,
			'phones',
			// An expression gets past the field's own check in the editor, so the node must check the value itself.
			contact('addToGroup', { phone: '+79998880005', group: groupRef('={{ $json.group }}', 'id') }),
			{ continueOnFail: true, items: [{ group: 'vip' }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.json('SMSC')).toEqual([
			{
				error: expect.stringMatching(/The group ID "vip" is not a positive whole number/),
				itemIndex: 0,
			},
		]);
		expect(requests).toEqual([]);
	});
});

describe("Contact: Get Many without int_id (the shape of SMSC's own contact example)", () => {
	it('a full page is an error that says so, never a silent stop at 1000; a Limit of 1000 still works', async () => {
		const login = newAccount(emu, { contactIntId: false });
		await seedContacts(login, 1001);
		const { json, result } = await runAs(
			emu,
			login,
			'phones',
			contact('getAll', { returnAll: true }),
		);
		expect(json).toEqual([]);
		expect(result.error?.message).toMatch(
			/SMSC returned 1000 contacts without their server IDs \(int_id\), so the rest cannot be requested/,
		);
		const limited = await runAs(
			emu,
			login,
			'phones',
			contact('getAll', { returnAll: false, limit: 1000 }),
		);
		expect(limited.json).toHaveLength(1000);
	}, 60_000);
});

describe('Contact: the e-mail address book (mails.php)', () => {
	const mailsApi = (login: string, params: Record<string, string | number>) =>
		smscApi(emu, login, 'mails', params);
	const mails = (operation: string, parameters: Record<string, unknown> = {}) =>
		contact(operation, { addressBook: 'mails', ...parameters });

	it('creates, gets, updates, groups and deletes an e-mail contact through mails.php, apart from the phone book', async () => {
		const login = newAccount(emu);
		const group = (await mailsApi(login, { add_group: 1, name: 'Newsletter', type: 1 }))
			.id as number;
		const created = await runAs(
			emu,
			login,
			'mails',
			mails('create', {
				mail: 'Anna@Example.com',
				name: 'Anna',
				additionalFields: { groups: [group] },
			}),
		);
		expect(created.result.error).toBeUndefined();
		expect(created.requests).toEqual([
			{ add: '1', mail: 'anna@example.com', name: 'Anna', grp: String(group) },
		]);
		expect(created.json).toEqual([
			{ id: expect.any(Number), mail: 'anna@example.com', name: 'Anna', groups: [group] },
		]);
		expect(await phonesApi(emu, login, { get: 1 })).toMatchObject({ error_code: 3 });

		const got = await runAs(emu, login, 'mails', mails('get', { mail: 'anna@example.com' }));
		expect(got.json).toEqual([
			expect.objectContaining({
				id: created.json[0].id,
				mail: 'anna@example.com',
				name: 'Anna',
				groups: [group],
				otherMails: '',
			}),
		]);

		const updated = await runAs(
			emu,
			login,
			'mails',
			mails('update', {
				mail: 'anna@example.com',
				updateFields: { newMail: 'anna@shop.example', firstName: 'Anna' },
			}),
		);
		expect(updated.requests).toEqual([
			{ chg: '1', mail: 'anna@example.com', new_mail: 'anna@shop.example', fnm: 'Anna' },
		]);
		expect(updated.json).toEqual([
			{ success: true, mail: 'anna@example.com', newMail: 'anna@shop.example', firstName: 'Anna' },
		]);

		const removed = await runAs(
			emu,
			login,
			'mails',
			mails('removeFromGroup', { mail: 'anna@shop.example', group: groupRef(group) }),
		);
		expect(removed.requests).toEqual([
			{ move_group: '3', grp: String(group), mail: 'anna@shop.example' },
		]);

		const many = await runAs(emu, login, 'mails', mails('getAll', { returnAll: true }));
		expect(many.json).toEqual([expect.objectContaining({ mail: 'anna@shop.example', groups: [] })]);

		const deleted = await runAs(
			emu,
			login,
			'mails',
			mails('delete', { mail: 'anna@shop.example' }),
		);
		expect(deleted.json).toEqual([{ success: true, mail: 'anna@shop.example' }]);
		expect(await mailsApi(login, { get: 1 })).toMatchObject({ error_code: 3 });
	});

	it('refuses a malformed address before any request, and names the address when SMSC has no such contact', async () => {
		const login = newAccount(emu);
		const bad = await runAs(emu, login, 'mails', mails('create', { mail: 'not-an-address' }));
		expect(bad.result.error?.message).toMatch(
			/The Email "not-an-address" is not an e-mail address/,
		);
		expect(bad.requests).toEqual([]);
		const missing = await runAs(
			emu,
			login,
			'mails',
			mails('delete', { mail: 'nobody@example.com' }),
		);
		expect(missing.result.error?.message).toMatch(
			/SMSC has no contact with e-mail address nobody@example.com/,
		);
	});
});

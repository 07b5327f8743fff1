import { startEmulator } from '../../../emulator';
import type { RunningEmulator } from '../../../emulator';
import { groupRef, newAccount, phonesApi, runAs } from '../../../support/accounts';

// Each test runs whole workflows through n8n-core; a busy CI machine can take seconds for one.
jest.setTimeout(30_000);

let emu: RunningEmulator;
beforeAll(async () => (emu = await startEmulator({ demoAccount: false })));
afterAll(async () => emu.close());

const group = (operation: string, parameters: Record<string, unknown> = {}) => ({
	resource: 'group',
	operation,
	...parameters,
});

async function groupsOf(login: string): Promise<Array<Record<string, unknown>>> {
	const answer = await phonesApi(emu, login, { get_group: 1 });
	return Array.isArray(answer) ? answer : [];
}

describe('Group: Create', () => {
	it('creates a phone group by default, and an e-mail group with a number', async () => {
		const login = newAccount(emu);
		const phone = await runAs(emu, login, 'phones', group('create', { name: 'Customers' }));
		const mail = await runAs(
			emu,
			login,
			'phones',
			group('create', { name: 'Newsletter', additionalFields: { type: 'email', number: 77 } }),
		);
		expect([phone.result.error, mail.result.error]).toEqual([undefined, undefined]);
		expect([...phone.requests, ...mail.requests]).toEqual([
			{ add_group: '1', name: 'Customers', type: '0' },
			{ add_group: '1', name: 'Newsletter', num: '77', type: '1' },
		]);
		const json = [...phone.json, ...mail.json];
		expect(json).toEqual([
			{ id: expect.any(Number), name: 'Customers', type: 'phone' },
			{ id: expect.any(Number), name: 'Newsletter', type: 'email', number: 77 },
		]);
		expect(await groupsOf(login)).toEqual([
			{ id: json[0].id, name: 'Customers', number: json[0].id, cnt: '0' },
			{ id: json[1].id, name: 'Newsletter', number: 77, cnt: '0' },
		]);
	});

	it('refuses an empty name or a bad number before any request, or with continueOnFail outputs the errors', async () => {
		const login = newAccount(emu);
		const items = [{ name: ' ' }, { name: 'Ok', number: 2.5 }, { name: 'Fine' }];
		const parameters = group('create', {
			name: '={{ $json.name }}',
			additionalFields: { number: '={{ $json.number }}' },
		});
		const stopped = await runAs(emu, login, 'phones', parameters, { items });
		expect(stopped.result.error?.errorName).toBe('NodeOperationError');
		expect(stopped.result.error?.message).toMatch(/The group Name is empty.*\[item 0\]/);
		const continued = await runAs(emu, login, 'phones', parameters, {
			items,
			continueOnFail: true,
		});
		expect(continued.json).toEqual([
			{ error: expect.stringMatching(/Name is empty/), itemIndex: 0 },
			{
				error: expect.stringMatching(/The group Number "2.5" is not a positive whole number/),
				itemIndex: 1,
			},
			{ id: expect.any(Number), name: 'Fine', type: 'phone' },
		]);
		expect([...stopped.requests, ...continued.requests]).toEqual([
			{ add_group: '1', name: 'Fine', type: '0' },
		]);
	});
});

describe('Group: Update', () => {
	it('renames a group and changes its number (chg_group)', async () => {
		const login = newAccount(emu);
		const { id } = await phonesApi(emu, login, { add_group: 1, name: 'Old' });
		const { json, requests } = await runAs(
			emu,
			login,
			'phones',
			group('update', { group: groupRef(id), updateFields: { name: 'New', number: 12 } }),
		);
		expect(requests).toEqual([{ chg_group: '1', grp: String(id), name: 'New', num: '12' }]);
		expect(json).toEqual([{ success: true, id, name: 'New', number: 12 }]);
		expect(await groupsOf(login)).toEqual([{ id, name: 'New', number: 12, cnt: '0' }]);
	});

	it('refuses an update without fields before any request', async () => {
		const login = newAccount(emu);
		const { result, requests } = await runAs(
			emu,
			login,
			'phones',
			group('update', { group: groupRef(5, 'id'), updateFields: {} }),
		);
		expect(result.error?.message).toMatch(/Nothing to update/);
		expect(requests).toEqual([]);
	});

	it('names a missing group, or with continueOnFail outputs that error', async () => {
		const login = newAccount(emu);
		const parameters = group('update', { group: groupRef(404, 'id'), updateFields: { name: 'X' } });
		const stopped = await runAs(emu, login, 'phones', parameters);
		expect(stopped.result.error?.errorName).toBe('NodeApiError');
		expect(stopped.result.error?.message).toMatch(/SMSC has no group with ID 404 \(SMSC error 3\)/);
		const continued = await runAs(emu, login, 'phones', parameters, { continueOnFail: true });
		expect(continued.json).toEqual([
			{ error: expect.stringMatching(/no group with ID 404/), itemIndex: 0 },
		]);
		expect(continued.requests).toEqual([{ chg_group: '1', grp: '404', name: 'X' }]);
	});
});

describe('Group: Delete', () => {
	it('deletes the group and keeps its contacts', async () => {
		const login = newAccount(emu);
		const { id } = await phonesApi(emu, login, { add_group: 1, name: 'Gone' });
		await phonesApi(emu, login, { add: 1, phone: '79990001111', grp: id });
		const { json, requests } = await runAs(
			emu,
			login,
			'phones',
			group('delete', { group: groupRef(id) }),
		);
		expect(requests).toEqual([{ del_group: '1', grp: String(id) }]);
		expect(json).toEqual([{ success: true, id }]);
		expect(await groupsOf(login)).toEqual([]);
		const [kept] = await phonesApi(emu, login, { get: 1, phone: '79990001111' });
		expect(kept).toMatchObject({ phone: '79990001111', group: 0 });
	});

	it('names a missing group, or with continueOnFail outputs that error', async () => {
		const login = newAccount(emu);
		const { id } = await phonesApi(emu, login, { add_group: 1, name: 'Real' });
		const items = [{ id: 999 }, { id }];
		const parameters = group('delete', { group: groupRef('={{ $json.id }}', 'id') });
		const stopped = await runAs(emu, login, 'phones', parameters, { items });
		expect(stopped.result.error?.message).toMatch(/SMSC has no group with ID 999.*\[item 0\]/);
		const continued = await runAs(emu, login, 'phones', parameters, {
			items,
			continueOnFail: true,
		});
		expect(continued.json).toEqual([
			{ error: expect.stringMatching(/no group with ID 999/), itemIndex: 0 },
			{ success: true, id },
		]);
	});
});

describe('Group: Get', () => {
	it('outputs the group of each item from one get_group request, and names a missing group', async () => {
		const login = newAccount(emu);
		const a = (await phonesApi(emu, login, { add_group: 1, name: 'A', num: 5 })).id;
		const b = (await phonesApi(emu, login, { add_group: 1, name: 'B' })).id;
		await phonesApi(emu, login, { add: 1, phone: '79990002222', grp: a });
		const items = [{ id: b }, { id: a }, { id: 999 }, { id: a }, { id: b }];
		const parameters = group('get', { group: groupRef('={{ $json.id }}', 'id') });

		const continued = await runAs(emu, login, 'phones', parameters, {
			items,
			continueOnFail: true,
		});
		// five items, one request: SMSC refuses the fourth identical phones.php request in a minute (error 9)
		expect(continued.requests).toEqual([{ get_group: '1' }]);
		expect(continued.json).toEqual([
			{ id: b, name: 'B', number: b, contactCount: 0 },
			{ id: a, name: 'A', number: 5, contactCount: 1 },
			{ error: 'SMSC has no group with ID 999. [item 2]', itemIndex: 2 },
			{ id: a, name: 'A', number: 5, contactCount: 1 },
			{ id: b, name: 'B', number: b, contactCount: 0 },
		]);
		expect(continued.result.output('SMSC').map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3, 4].map((item) => ({ item })),
		);

		const stopped = await runAs(emu, login, 'phones', parameters, { items });
		expect(stopped.result.error?.message).toBe('SMSC has no group with ID 999. [item 2]');
	});
});

describe('Group: Get Many', () => {
	it('outputs one item per group with numbers as numbers, filtered by type and limited', async () => {
		const login = newAccount(emu);
		const a = (await phonesApi(emu, login, { add_group: 1, name: 'A', num: 5 })).id;
		const b = (await phonesApi(emu, login, { add_group: 1, name: 'B' })).id;
		await phonesApi(emu, login, { add_group: 1, name: 'Mail', type: 1 });
		await phonesApi(emu, login, { add: 1, phone: '79990002222', grp: a });

		const phoneGroups = await runAs(
			emu,
			login,
			'phones',
			group('getAll', { returnAll: true, filters: { type: 'phone' } }),
		);
		expect(phoneGroups.requests).toEqual([{ get_group: '1', type: '0' }]);
		expect(phoneGroups.json).toEqual([
			{ id: a, name: 'A', number: 5, contactCount: 1 },
			{ id: b, name: 'B', number: b, contactCount: 0 },
		]);

		const limited = await runAs(emu, login, 'phones', group('getAll', { limit: 2 }));
		expect(limited.requests).toEqual([{ get_group: '1' }]);
		expect(limited.json.map((item) => item.name)).toEqual(['A', 'B']);
	});

	it('outputs nothing for an account without groups', async () => {
		const login = newAccount(emu);
		const { json, result } = await runAs(
			emu,
			login,
			'phones',
			group('getAll', { returnAll: true }),
		);
		expect(result.error).toBeUndefined();
		expect(json).toEqual([]);
	});

	it('fails on a rejected login, or with continueOnFail outputs the error', async () => {
		const login = newAccount(emu);
		emu.updateAccount({ login, psw: 'changed-elsewhere' });
		const stopped = await runAs(emu, login, 'phones', group('getAll', { returnAll: true }));
		expect(stopped.result.error?.errorName).toBe('NodeApiError');
		expect(stopped.result.error?.message).toMatch(/error 2/);
		const continued = await runAs(emu, login, 'phones', group('getAll', { returnAll: true }), {
			continueOnFail: true,
		});
		expect(continued.json).toEqual([{ error: expect.stringMatching(/error 2/), itemIndex: 0 }]);
	});
});

describe('Group: the e-mail address book (mails.php)', () => {
	it('creates, lists, renames and deletes a group of e-mail addresses through mails.php; the phone book does not see it', async () => {
		const login = newAccount(emu);
		const created = await runAs(
			emu,
			login,
			'mails',
			group('create', {
				addressBook: 'mails',
				name: 'Newsletter',
				additionalFields: { number: 7 },
			}),
		);
		expect(created.result.error).toBeUndefined();
		expect(created.requests).toEqual([{ add_group: '1', name: 'Newsletter', num: '7', type: '1' }]);
		const id = created.json[0].id as number;
		const listed = await runAs(
			emu,
			login,
			'mails',
			group('getAll', { addressBook: 'mails', returnAll: true }),
		);
		expect(listed.json).toEqual([expect.objectContaining({ id, name: 'Newsletter', number: 7 })]);
		expect(await groupsOf(login)).toEqual([]);
		const renamed = await runAs(
			emu,
			login,
			'mails',
			group('update', {
				addressBook: 'mails',
				group: groupRef(id),
				updateFields: { name: 'News' },
			}),
		);
		expect(renamed.requests).toEqual([{ chg_group: '1', grp: String(id), name: 'News' }]);
		const deleted = await runAs(
			emu,
			login,
			'mails',
			group('delete', { addressBook: 'mails', group: groupRef(id, 'id') }),
		);
		expect(deleted.json).toEqual([{ success: true, id }]);
	});
});

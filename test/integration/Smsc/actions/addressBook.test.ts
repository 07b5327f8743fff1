/**
 * actions/addressBook.ts: Contact Delete and Blacklist Remove (removeAddress), and Contact and Group
 * in the e-mail address book (mails.php), apart from the phone book.
 */
import { useEmulator } from '../../../support/emulator';
import {
	forResource,
	groupRef,
	newAccount,
	phonesApi,
	runAs,
	smscApi,
} from '../../../support/accounts';
import { phoneBook } from '../../../support/resources';

const emu = useEmulator();

const contact = forResource('contact');
const group = forResource('group');
const book = phoneBook(emu);
const { groupsOf } = book;

describe('Contact: Delete and Blacklist: Remove, one command on one address (removeAddress)', () => {
	const removals = [
		['Contact: Delete', book.contact, 'delete', book.seedContact, 'del', 'get'],
		['Blacklist: Remove', book.blacklist, 'remove', book.seedBlocked, 'del_black', 'get_black'],
	] as const;
	it.each(removals)(
		'%s removes that number and leaves the other',
		async (_name, runs, operation, seed, command, list) => {
			const login = newAccount(emu);
			await seed(login, '79994440001');
			await seed(login, '79994440002');
			const { json, requests } = await runs.run(login, operation, { phone: '+79994440001' });
			expect(requests).toEqual([{ [command]: '1', phone: '+79994440001' }]);
			expect(json).toEqual([{ success: true, phone: '+79994440001' }]);
			const left = await phonesApi(emu, login, { [list]: 1 });
			expect(left.map((row: { phone: string }) => row.phone)).toEqual(['79994440002']);
		},
	);
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

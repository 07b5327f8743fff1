import { newAccount } from '../../../../support/accounts';
import { usePhoneBook } from '../../../../support/resources';

const { emu, contact, seedGroup, seedContact, seedContacts, expectTwoPages } = usePhoneBook();

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
		const { json, requests } = await contact.run(login, 'getAll', {
			limit: 3,
			filters: { group, personName: 'orlova', search: 'client' },
		});
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
		await expectTwoPages(contact, seedContacts, 1003, { get: '1' }, 'after_id');
	}, 60_000);

	it('outputs nothing for an empty phone book (SMSC error 3 is an empty list)', async () => {
		const { requests } = await contact.expectNothingListed('getAll', { returnAll: true });
		expect(requests).toEqual([{ get: '1', cnt: '1000' }]);
	});

	it('fails on a rejected login, or with continueOnFail outputs the error', async () => {
		await contact.expectRejectedLogin('getAll', { limit: 5 });
	});
});

describe("Contact: Get Many without int_id (the shape of SMSC's own contact example)", () => {
	it('a full page is an error that says so, never a silent stop at 1000; a Limit of 1000 still works', async () => {
		const login = newAccount(emu, { contactIntId: false });
		await seedContacts(login, 1001);
		const { json, result } = await contact.run(login, 'getAll', { returnAll: true });
		expect(json).toEqual([]);
		expect(result.error?.message).toMatch(
			/SMSC returned 1000 contacts without their server IDs \(int_id\), so the rest cannot be requested/,
		);
		const limited = await contact.run(login, 'getAll', { returnAll: false, limit: 1000 });
		expect(limited.json).toHaveLength(1000);
	}, 60_000);
});

import { expectRefused, groupRef, newAccount } from '../../../../support/accounts';
import { usePhoneBook } from '../../../../support/resources';

const { emu, group, groupsOf, seedGroup } = usePhoneBook();

describe('Group: Update', () => {
	it('renames a group and changes its number (chg_group)', async () => {
		const login = newAccount(emu);
		const id = await seedGroup(login, 'Old');
		const { json, requests } = await group.run(login, 'update', {
			group: groupRef(id),
			updateFields: { name: 'New', number: 12 },
		});
		expect(requests).toEqual([{ chg_group: '1', grp: String(id), name: 'New', num: '12' }]);
		expect(json).toEqual([{ success: true, id, name: 'New', number: 12 }]);
		expect(await groupsOf(login)).toEqual([{ id, name: 'New', number: 12, cnt: '0' }]);
	});

	it('takes a Number of only spaces from an expression as no number: only the name changes', async () => {
		const login = newAccount(emu);
		const id = await seedGroup(login, 'Old');
		const { requests } = await group.run(login, 'update', {
			group: groupRef(id),
			updateFields: { name: 'New', number: '={{ "  " }}' },
		});
		expect(requests).toEqual([{ chg_group: '1', grp: String(id), name: 'New' }]);
	});

	it('refuses an update without fields before any request', async () => {
		const login = newAccount(emu);
		expectRefused(
			await group.run(login, 'update', { group: groupRef(5, 'id'), updateFields: {} }),
			/Nothing to update/,
		);
	});

	it('names a missing group, or with continueOnFail outputs that error', async () => {
		const login = newAccount(emu);
		const { continued } = await group.expectItemFails(login, 'update', {
			fields: { group: groupRef(404, 'id'), updateFields: { name: 'X' } },
			error: 'NodeApiError',
			message: /SMSC has no group with ID 404 \(SMSC error 3\)/,
		});
		expect(continued.requests).toEqual([{ chg_group: '1', grp: '404', name: 'X' }]);
	});
});

import { groupRef, newAccount, phonesApi } from '../../../../support/accounts';
import { usePhoneBook } from '../../../../support/resources';

const { emu, group, groupsOf, seedGroup, seedContact } = usePhoneBook();

describe('Group: Delete', () => {
	it('deletes the group and keeps its contacts', async () => {
		const login = newAccount(emu);
		const id = await seedGroup(login, 'Gone');
		await seedContact(login, '79990001111', { grp: id });
		const { json, requests } = await group.run(login, 'delete', { group: groupRef(id) });
		expect(requests).toEqual([{ del_group: '1', grp: String(id) }]);
		expect(json).toEqual([{ success: true, id }]);
		expect(await groupsOf(login)).toEqual([]);
		const [kept] = await phonesApi(emu, login, { get: 1, phone: '79990001111' });
		expect(kept).toMatchObject({ phone: '79990001111', group: 0 });
	});

	it('names a missing group, or with continueOnFail outputs that error', async () => {
		const login = newAccount(emu);
		const id = await seedGroup(login, 'Real');
		await group.expectItemFails(login, 'delete', {
			fields: { group: groupRef('={{ $json.id }}', 'id') },
			items: [{ id: 999 }, { id }],
			error: 'NodeApiError',
			message: /SMSC has no group with ID 999/,
			outputs: [{ success: true, id }],
		});
	});
});

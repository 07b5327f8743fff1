import { useEmulator } from '../../../../support/emulator';
import { groupRef, newAccount, phonesApi, resourceRuns, runAs } from '../../../../support/accounts';
import { phoneBook } from '../../../../support/resources';

const emu = useEmulator();

const group = resourceRuns(emu, 'group', 'phones');
const { groupsOf } = phoneBook(emu);

describe('Group: Delete', () => {
	it('deletes the group and keeps its contacts', async () => {
		const login = newAccount(emu);
		const { id } = await phonesApi(emu, login, { add_group: 1, name: 'Gone' });
		await phonesApi(emu, login, { add: 1, phone: '79990001111', grp: id });
		const { json, requests } = await group.run(login, 'delete', { group: groupRef(id) });
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

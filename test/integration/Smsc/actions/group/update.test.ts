import { useEmulator } from '../../../../support/emulator';
import { groupRef, newAccount, phonesApi, resourceRuns, runAs } from '../../../../support/accounts';
import { phoneBook } from '../../../../support/resources';

const emu = useEmulator();

const group = resourceRuns(emu, 'group', 'phones');
const { groupsOf } = phoneBook(emu);

describe('Group: Update', () => {
	it('renames a group and changes its number (chg_group)', async () => {
		const login = newAccount(emu);
		const { id } = await phonesApi(emu, login, { add_group: 1, name: 'Old' });
		const { json, requests } = await group.run(login, 'update', {
			group: groupRef(id),
			updateFields: { name: 'New', number: 12 },
		});
		expect(requests).toEqual([{ chg_group: '1', grp: String(id), name: 'New', num: '12' }]);
		expect(json).toEqual([{ success: true, id, name: 'New', number: 12 }]);
		expect(await groupsOf(login)).toEqual([{ id, name: 'New', number: 12, cnt: '0' }]);
	});

	it('refuses an update without fields before any request', async () => {
		const login = newAccount(emu);
		const { result, requests } = await group.run(login, 'update', {
			group: groupRef(5, 'id'),
			updateFields: {},
		});
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

import { useEmulator } from '../../../../support/emulator';
import { newAccount, phonesApi, resourceRuns } from '../../../../support/accounts';

const emu = useEmulator();

const group = resourceRuns(emu, 'group', 'phones');

describe('Group: Get Many', () => {
	it('outputs one item per group with numbers as numbers, filtered by type and limited', async () => {
		const login = newAccount(emu);
		const a = (await phonesApi(emu, login, { add_group: 1, name: 'A', num: 5 })).id;
		const b = (await phonesApi(emu, login, { add_group: 1, name: 'B' })).id;
		await phonesApi(emu, login, { add_group: 1, name: 'Mail', type: 1 });
		await phonesApi(emu, login, { add: 1, phone: '79990002222', grp: a });

		const phoneGroups = await group.run(login, 'getAll', {
			returnAll: true,
			filters: { type: 'phone' },
		});
		expect(phoneGroups.requests).toEqual([{ get_group: '1', type: '0' }]);
		expect(phoneGroups.json).toEqual([
			{ id: a, name: 'A', number: 5, contactCount: 1 },
			{ id: b, name: 'B', number: b, contactCount: 0 },
		]);

		const limited = await group.run(login, 'getAll', { limit: 2 });
		expect(limited.requests).toEqual([{ get_group: '1' }]);
		expect(limited.json.map((item) => item.name)).toEqual(['A', 'B']);
	});

	it('outputs nothing for an account without groups', async () => {
		const login = newAccount(emu);
		const { json, result } = await group.run(login, 'getAll', { returnAll: true });
		expect(result.error).toBeUndefined();
		expect(json).toEqual([]);
	});

	it('fails on a rejected login, or with continueOnFail outputs the error', async () => {
		const login = newAccount(emu);
		emu.updateAccount({ login, psw: 'changed-elsewhere' });
		const stopped = await group.run(login, 'getAll', { returnAll: true });
		expect(stopped.result.error?.errorName).toBe('NodeApiError');
		expect(stopped.result.error?.message).toMatch(/error 2/);
		const continued = await group.run(
			login,
			'getAll',
			{ returnAll: true },
			{
				continueOnFail: true,
			},
		);
		expect(continued.json).toEqual([{ error: expect.stringMatching(/error 2/), itemIndex: 0 }]);
	});
});

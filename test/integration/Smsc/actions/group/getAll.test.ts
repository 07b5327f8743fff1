import { usePhoneBook } from '../../../../support/resources';

const { group, twoGroups, seedGroup, seedContact } = usePhoneBook();

describe('Group: Get Many', () => {
	it('outputs one item per group with numbers as numbers, filtered by type and limited', async () => {
		const { login, a, b } = await twoGroups({ num: 5 });
		await seedGroup(login, 'Mail', { type: 1 });
		await seedContact(login, '79990002222', { grp: a });

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
		await group.expectNothingListed('getAll', { returnAll: true });
	});

	it('fails on a rejected login, or with continueOnFail outputs the error', async () => {
		await group.expectRejectedLogin('getAll', { returnAll: true });
	});
});

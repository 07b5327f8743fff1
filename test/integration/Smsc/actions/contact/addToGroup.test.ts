import { useEmulator } from '../../../../support/emulator';
import { groupRef, newAccount, resourceRuns, runAs } from '../../../../support/accounts';
import { phoneBook } from '../../../../support/resources';

const emu = useEmulator();

const contact = resourceRuns(emu, 'contact', 'phones');
const { seedContact, memberOf, twoGroups, expectMembershipChange } = phoneBook(emu);

describe('Contact: Add to Group', () => {
	it('Add to Group keeps the other groups (move_group=2)', async () => {
		const { login, a, b } = await twoGroups();
		await seedContact(login, '79998880001', { grp: a });
		await expectMembershipChange(login, 'addToGroup', '+79998880001', groupRef(b), b, 2);
		expect(await memberOf(login, '79998880001')).toBe(`${a},${b}`);
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

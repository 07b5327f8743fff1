import { useEmulator } from '../../../../support/emulator';
import { groupRef } from '../../../../support/accounts';
import { phoneBook } from '../../../../support/resources';

const emu = useEmulator();

const { seedContact, memberOf, twoGroups, expectMembershipChange } = phoneBook(emu);

describe('Contact: Move to Group', () => {
	it('Move to Group leaves only the new group (move_group=1), by ID too', async () => {
		const { login, a, b } = await twoGroups();
		await seedContact(login, '79998880002', { grp: a });
		await expectMembershipChange(
			login,
			'moveToGroup',
			'+79998880002',
			groupRef(` ${b} `, 'id'),
			b,
			1,
		);
		expect(await memberOf(login, '79998880002')).toBe(String(b));
	});
});

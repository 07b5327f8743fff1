import { useEmulator } from '../../../../support/emulator';
import { groupRef, newAccount, resourceRuns } from '../../../../support/accounts';
import { phoneBook } from '../../../../support/resources';

const emu = useEmulator();

const contact = resourceRuns(emu, 'contact', 'phones');
const { seedGroup, seedContact, memberOf, twoGroups, expectMembershipChange } = phoneBook(emu);

describe('Contact: Remove from Group', () => {
	it('Remove from Group takes out only that group (move_group=3)', async () => {
		const { login, a, b } = await twoGroups();
		await seedContact(login, '79998880003', { grp: `${a},${b}` });
		await expectMembershipChange(login, 'removeFromGroup', '+79998880003', groupRef(a), a, 3);
		expect(await memberOf(login, '79998880003')).toBe(String(b));
	});

	it('names what is missing, or with continueOnFail outputs that error', async () => {
		const login = newAccount(emu);
		const a = await seedGroup(login, 'A');
		await seedContact(login, '79998880004');
		await contact.expectItemFails(login, 'removeFromGroup', {
			fields: { phone: '+79998880004', group: groupRef(a) },
			error: 'NodeApiError',
			message: new RegExp(
				`SMSC has no contact with phone \\+79998880004 in group ${a}, or no such group`,
			),
		});
	});
});

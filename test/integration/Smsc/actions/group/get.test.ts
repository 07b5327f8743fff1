import { groupRef, newAccount, runAs, smscApi } from '../../../../support/accounts';
import { usePhoneBook } from '../../../../support/resources';

const { emu, group, twoGroups, seedContact } = usePhoneBook();

describe('Group: Get', () => {
	it('outputs the group of each item from one get_group request, and names a missing group', async () => {
		const { login, a, b } = await twoGroups({ num: 5 });
		await seedContact(login, '79990002222', { grp: a });
		const items = [{ id: b }, { id: a }, { id: 999 }, { id: a }, { id: b }];
		const parameters = { group: groupRef('={{ $json.id }}', 'id') };

		const continued = await group.run(login, 'get', parameters, { items, continueOnFail: true });
		// five items, one request: SMSC refuses the fourth identical phones.php request in a minute (error 9)
		expect(continued.requests).toEqual([{ get_group: '1' }]);
		expect(continued.json).toEqual([
			{ id: b, name: 'B', number: b, contactCount: 0 },
			{ id: a, name: 'A', number: 5, contactCount: 1 },
			{ error: 'SMSC has no group with ID 999. [item 2]', itemIndex: 2 },
			{ id: a, name: 'A', number: 5, contactCount: 1 },
			{ id: b, name: 'B', number: b, contactCount: 0 },
		]);
		expect(continued.result.output('SMSC').map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3, 4].map((item) => ({ item })),
		);

		const stopped = await group.run(login, 'get', parameters, { items });
		expect(stopped.result.error?.message).toBe('SMSC has no group with ID 999. [item 2]');
	});

	it('gets an e-mail group from mails.php when the Address Book is E-Mail Addresses', async () => {
		const login = newAccount(emu);
		const mailGroup = (await smscApi(emu, login, 'mails', { add_group: 1, name: 'Newsletter' })).id;
		const result = await runAs(
			emu,
			login,
			'mails',
			group('get', { addressBook: 'mails', group: groupRef(String(mailGroup), 'id') }),
		);
		expect(result.result.error).toBeUndefined();
		expect(result.requests).toEqual([{ get_group: '1' }]);
		expect(result.json).toEqual([expect.objectContaining({ id: mailGroup, name: 'Newsletter' })]);
		// the phone book does not have it
		const phones = await group.run(login, 'get', { group: groupRef(String(mailGroup), 'id') });
		expect(phones.result.error?.message).toMatch(/SMSC has no group with ID/);
	});
});

import { newAccount } from '../../../../support/accounts';
import { usePhoneBook } from '../../../../support/resources';

const { emu, group, groupsOf } = usePhoneBook();

describe('Group: Create', () => {
	it('creates a phone group by default, and an e-mail group with a number', async () => {
		const login = newAccount(emu);
		const phone = await group.run(login, 'create', { name: 'Customers' });
		const mail = await group.run(login, 'create', {
			name: 'Newsletter',
			additionalFields: { type: 'email', number: 77 },
		});
		expect([phone.result.error, mail.result.error]).toEqual([undefined, undefined]);
		expect([...phone.requests, ...mail.requests]).toEqual([
			{ add_group: '1', name: 'Customers', type: '0' },
			{ add_group: '1', name: 'Newsletter', num: '77', type: '1' },
		]);
		const json = [...phone.json, ...mail.json];
		expect(json).toEqual([
			{ id: expect.any(Number), name: 'Customers', type: 'phone' },
			{ id: expect.any(Number), name: 'Newsletter', type: 'email', number: 77 },
		]);
		expect(await groupsOf(login)).toEqual([
			{ id: json[0].id, name: 'Customers', number: json[0].id, cnt: '0' },
			{ id: json[1].id, name: 'Newsletter', number: 77, cnt: '0' },
		]);
	});

	it('takes a Number of only spaces from an expression as no number', async () => {
		const login = newAccount(emu);
		const spaces = await group.run(login, 'create', {
			name: 'Walk-ins',
			additionalFields: { number: '={{ "  " }}' },
		});
		expect(spaces.result.error).toBeUndefined();
		expect(spaces.requests).toEqual([{ add_group: '1', name: 'Walk-ins', type: '0' }]);
	});

	it('refuses an empty name or a bad number before any request, or with continueOnFail outputs the errors', async () => {
		const login = newAccount(emu);
		const { stopped, continued } = await group.expectItemFails(login, 'create', {
			fields: { name: '={{ $json.name }}', additionalFields: { number: '={{ $json.number }}' } },
			items: [{ name: ' ' }, { name: 'Ok', number: 2.5 }, { name: 'Fine' }],
			error: 'NodeOperationError',
			message: /^The Group Name is empty\./,
			outputs: [
				{
					error: expect.stringMatching(/^Group Number "2\.5" is not a whole number of 1 or more\./),
					itemIndex: 1,
				},
				{ id: expect.any(Number), name: 'Fine', type: 'phone' },
			],
		});
		expect([...stopped.requests, ...continued.requests]).toEqual([
			{ add_group: '1', name: 'Fine', type: '0' },
		]);
	});
});

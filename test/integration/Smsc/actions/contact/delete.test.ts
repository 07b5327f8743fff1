import { newAccount, phonesApi } from '../../../../support/accounts';
import { usePhoneBook } from '../../../../support/resources';

const { emu, contact, seedContact } = usePhoneBook();

describe('Contact: Delete', () => {
	it('deletes the contact with this number', async () => {
		const login = newAccount(emu);
		await seedContact(login, '79994440001');
		await seedContact(login, '79994440002');
		const { json, requests } = await contact.run(login, 'delete', { phone: '+79994440001' });
		expect(requests).toEqual([{ del: '1', phone: '+79994440001' }]);
		expect(json).toEqual([{ success: true, phone: '+79994440001' }]);
		const left = await phonesApi(emu, login, { get: 1 });
		expect(left.map((row: { phone: string }) => row.phone)).toEqual(['79994440002']);
	});

	it('names the missing contact, or with continueOnFail outputs that error', async () => {
		const login = newAccount(emu);
		await seedContact(login, '79994440001');
		const { stopped } = await contact.expectItemFails(login, 'delete', {
			fields: { phone: '={{ $json.phone }}' },
			items: [{ phone: '+79994449999' }, { phone: '+79994440001' }],
			error: 'NodeApiError',
			message: /SMSC has no contact with phone \+79994449999/,
			outputs: [{ success: true, phone: '+79994440001' }],
		});
		expect(stopped.requests).toHaveLength(1);
	});
});

import { newAccount } from '../../../../support/accounts';
import { usePhoneBook } from '../../../../support/resources';

const { emu, contact, seedContact } = usePhoneBook();

// Deleting a contact that exists: addressBook.test.ts, beside Blacklist: Remove (both removeAddress).
describe('Contact: Delete', () => {
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

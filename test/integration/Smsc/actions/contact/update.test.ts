import { expectRefused, expectRequests, newAccount, phonesApi } from '../../../../support/accounts';
import { usePhoneBook } from '../../../../support/resources';

const { emu, contact, seedContact } = usePhoneBook();

describe('Contact: Update', () => {
	it('changes the details and the number of the contact found by phone', async () => {
		const login = newAccount(emu);
		await seedContact(login, '79993330001', { name: 'Old' });
		const updated = await contact.run(login, 'update', {
			phone: '+79993330001',
			updateFields: {
				name: 'New',
				newPhone: '+7 999 333-00-02',
				birthday: '2001-01-09',
				tags: 'moved',
			},
		});
		expectRequests(updated, [
			{
				chg: '1',
				phone: '+79993330001',
				name: 'New',
				tags: 'moved',
				bd: '09.01.2001',
				new_phone: '+79993330002',
			},
		]);
		expect(updated.json).toEqual([
			{
				success: true,
				phone: '+79993330001',
				name: 'New',
				tags: 'moved',
				birthday: '2001-01-09',
				newPhone: '+79993330002',
			},
		]);
		const [stored] = await phonesApi(emu, login, { get: 1, phone: '79993330002' });
		expect(stored).toMatchObject({
			phone: '79993330002',
			name: 'New',
			birthday: '09.01.2001',
			tags: 'moved',
		});
	});

	it('refuses an update without fields before any request', async () => {
		const login = newAccount(emu);
		expectRefused(
			await contact.run(login, 'update', { phone: '+79993330001', updateFields: {} }),
			/Nothing to update/,
		);
	});

	it('names the missing contact, or with continueOnFail outputs that error', async () => {
		const login = newAccount(emu);
		const { continued } = await contact.expectItemFails(login, 'update', {
			fields: { phone: '+79993339999', updateFields: { name: 'Nobody' } },
			error: 'NodeApiError',
			message: /SMSC has no contact with phone \+79993339999 \(SMSC error 3\)/,
		});
		expect(continued.requests).toEqual([{ chg: '1', phone: '+79993339999', name: 'Nobody' }]);
	});
});

import { useEmulator } from '../../../../support/emulator';
import { newAccount, phonesApi, resourceRuns, runAs } from '../../../../support/accounts';
import { phoneBook } from '../../../../support/resources';

const emu = useEmulator();

const contact = resourceRuns(emu, 'contact', 'phones');
const { seedContact } = phoneBook(emu);

describe('Contact: Update', () => {
	it('changes the details and the number of the contact found by phone', async () => {
		const login = newAccount(emu);
		await seedContact(login, '79993330001', { name: 'Old' });
		const { json, requests, result } = await contact.run(login, 'update', {
			phone: '+79993330001',
			updateFields: {
				name: 'New',
				newPhone: '+7 999 333-00-02',
				birthday: '2001-01-09',
				tags: 'moved',
			},
		});
		expect(result.error).toBeUndefined();
		expect(requests).toEqual([
			{
				chg: '1',
				phone: '+79993330001',
				name: 'New',
				tags: 'moved',
				bd: '09.01.2001',
				new_phone: '+79993330002',
			},
		]);
		expect(json).toEqual([
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
		const { result, requests } = await contact.run(login, 'update', {
			phone: '+79993330001',
			updateFields: {},
		});
		expect(result.error?.errorName).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(/Nothing to update/);
		expect(requests).toEqual([]);
	});

	it('names the missing contact, or with continueOnFail outputs that error', async () => {
		const login = newAccount(emu);
		const parameters = contact('update', {
			phone: '+79993339999',
			updateFields: { name: 'Nobody' },
		});
		const stopped = await runAs(emu, login, 'phones', parameters);
		expect(stopped.result.error?.errorName).toBe('NodeApiError');
		expect(stopped.result.error?.message).toMatch(
			/SMSC has no contact with phone \+79993339999 \(SMSC error 3\)/,
		);
		const continued = await runAs(emu, login, 'phones', parameters, { continueOnFail: true });
		expect(continued.json).toEqual([
			{ error: expect.stringMatching(/no contact with phone \+79993339999/), itemIndex: 0 },
		]);
		expect(continued.requests).toEqual([{ chg: '1', phone: '+79993339999', name: 'Nobody' }]);
	});
});

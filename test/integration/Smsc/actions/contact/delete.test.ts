import { useEmulator } from '../../../../support/emulator';
import { forResource, newAccount, phonesApi, runAs } from '../../../../support/accounts';
import { phoneBook } from '../../../../support/resources';

// Each test runs whole workflows through n8n-core; a busy CI machine can take seconds for one.
jest.setTimeout(30_000);

const emu = useEmulator();

const contact = forResource('contact');
const { seedContact } = phoneBook(emu);

describe('Contact: Delete', () => {
	it('deletes the contact with this number', async () => {
		const login = newAccount(emu);
		await seedContact(login, '79994440001');
		await seedContact(login, '79994440002');
		const { json, requests } = await runAs(
			emu,
			login,
			'phones',
			contact('delete', { phone: '+79994440001' }),
		);
		expect(requests).toEqual([{ del: '1', phone: '+79994440001' }]);
		expect(json).toEqual([{ success: true, phone: '+79994440001' }]);
		const left = await phonesApi(emu, login, { get: 1 });
		expect(left.map((row: { phone: string }) => row.phone)).toEqual(['79994440002']);
	});

	it('names the missing contact, or with continueOnFail outputs that error', async () => {
		const login = newAccount(emu);
		await seedContact(login, '79994440001');
		const items = [{ phone: '+79994449999' }, { phone: '+79994440001' }];
		const stopped = await runAs(
			emu,
			login,
			'phones',
			contact('delete', { phone: '={{ $json.phone }}' }),
			{ items },
		);
		expect(stopped.result.error?.message).toMatch(
			/SMSC has no contact with phone \+79994449999.*\[item 0\]/,
		);
		expect(stopped.requests).toHaveLength(1);
		const continued = await runAs(
			emu,
			login,
			'phones',
			contact('delete', { phone: '={{ $json.phone }}' }),
			{
				items,
				continueOnFail: true,
			},
		);
		expect(continued.json).toEqual([
			{ error: expect.stringMatching(/no contact with phone \+79994449999/), itemIndex: 0 },
			{ success: true, phone: '+79994440001' },
		]);
	});
});

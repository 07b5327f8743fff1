import { expectRefused, expectRequests, newAccount, phonesApi } from '../../../../support/accounts';
import { usePhoneBook } from '../../../../support/resources';

const { emu, contact, seedGroup, seedContact } = usePhoneBook();

describe('Contact: Create', () => {
	it('sends every field under its phones.php name and outputs the new contact', async () => {
		const login = newAccount(emu);
		const vip = await seedGroup(login, 'VIP');
		const news = await seedGroup(login, 'News');
		const created = await contact.run(login, 'create', {
			phone: '+7 (999) 123-45-67',
			name: 'Anna Petrova',
			additionalFields: {
				birthday: '1990-05-17T00:00:00',
				comment: 'met at the fair',
				firstName: 'Anna',
				lastName: 'Petrova',
				middleName: 'Ivanovna',
				groups: [vip, String(news)],
				myId: 'crm-42',
				otherPhones: '+79990000001; 79990000002',
				tags: 'lead,fair',
			},
		});
		expectRequests(created, [
			{
				add: '1',
				phone: '+79991234567',
				name: 'Anna Petrova',
				fnm: 'Anna',
				lnm: 'Petrova',
				mnm: 'Ivanovna',
				myid: 'crm-42',
				cmt: 'met at the fair',
				tags: 'lead,fair',
				bd: '17.05.1990',
				pho: '+79990000001,79990000002',
				grp: `${vip},${news}`,
			},
		]);
		expect(created.json).toEqual([
			{
				id: expect.any(Number),
				phone: '+79991234567',
				name: 'Anna Petrova',
				firstName: 'Anna',
				lastName: 'Petrova',
				middleName: 'Ivanovna',
				myId: 'crm-42',
				comment: 'met at the fair',
				tags: 'lead,fair',
				birthday: '1990-05-17',
				otherPhones: '+79990000001,79990000002',
				groups: [vip, news],
			},
		]);
		const [stored] = await phonesApi(emu, login, { get: 1, phone: '79991234567' });
		expect(stored).toMatchObject({
			name: 'Anna Petrova',
			birthday: '17.05.1990',
			group: `${vip},${news}`,
			int_id: created.json[0].id,
		});
	});

	it('creates one contact per input item, with several numbers in one field', async () => {
		const login = newAccount(emu);
		const { json, requests } = await contact.run(
			login,
			'create',
			{ phone: '={{ $json.phone }}', name: '={{ $json.name }}' },
			{
				items: [
					{ phone: '+79991110001, +79991110002', name: 'Two numbers' },
					{ phone: '+79991110003', name: 'One' },
				],
			},
		);
		expect(requests).toEqual([
			{ add: '1', phone: '+79991110001,+79991110002', name: 'Two numbers' },
			{ add: '1', phone: '+79991110003', name: 'One' },
		]);
		expect(json.map((item) => item.phone)).toEqual(['+79991110001,+79991110002', '+79991110003']);
		expect(new Set(json.map((item) => item.id)).size).toBe(2);
	});

	it('refuses a malformed phone or birthday before any request', async () => {
		const login = newAccount(emu);
		expectRefused(
			await contact.run(login, 'create', { phone: '12-ab' }),
			/^"12-ab" in Phone is not a phone number in international format/,
		);
		expectRefused(
			await contact.run(login, 'create', {
				phone: '+79991234567',
				additionalFields: { birthday: '31.02.1990' },
			}),
			/The Birthday "31.02.1990" is not a valid date/,
		);
	});

	it('fails on an existing number, or with continueOnFail outputs the error and goes on', async () => {
		const login = newAccount(emu);
		await seedContact(login, '79992220001');
		const { stopped } = await contact.expectItemFails(login, 'create', {
			fields: { phone: '={{ $json.phone }}' },
			items: [{ phone: '+79992220001' }, { phone: '+79992220002' }],
			error: 'NodeApiError',
			message: /could not carry out the contact operation \(error 5\)/,
			outputs: [{ id: expect.any(Number), phone: '+79992220002' }],
		});
		expect(stopped.requests).toHaveLength(1);
	});
});

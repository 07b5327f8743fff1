import { newAccount } from '../../../../support/accounts';
import { usePhoneBook } from '../../../../support/resources';

const { emu, contact, seedGroup, seedContact } = usePhoneBook();

describe('Contact: Get', () => {
	it('outputs the contact with readable field names', async () => {
		const login = newAccount(emu);
		const group = await seedGroup(login, 'Friends');
		const id = await seedContact(login, '79995550001', {
			name: 'Ivan',
			fnm: 'Ivan',
			lnm: 'Sidorov',
			bd: '02.03.1985',
			myid: 'x-1',
			cmt: 'note',
			tags: 't1',
			pho: '79995550009',
			grp: group,
		});
		const { json, requests } = await contact.run(login, 'get', { phone: '+7 999 555 00 01' });
		expect(requests).toEqual([{ get: '1', phone: '+79995550001' }]);
		expect(json).toEqual([
			{
				id,
				phone: '79995550001',
				name: 'Ivan',
				groups: [group],
				firstName: 'Ivan',
				lastName: 'Sidorov',
				middleName: '',
				birthday: '1985-03-02',
				myId: 'x-1',
				comment: 'note',
				tags: 't1',
				otherPhones: '79995550009',
			},
		]);
	});

	it('finds a contact by any of its numbers', async () => {
		const login = newAccount(emu);
		await seedContact(login, '79995550011,79995550012', { name: 'Two numbers' });
		const { json, requests } = await contact.run(login, 'get', { phone: '89995550012' });
		expect(requests).toEqual([{ get: '1', phone: '89995550012' }]);
		expect(json).toEqual([
			expect.objectContaining({ phone: '79995550011,79995550012', name: 'Two numbers' }),
		]);
	});

	it('fails clearly for a number without a contact, or with continueOnFail outputs that error', async () => {
		const login = newAccount(emu);
		await seedContact(login, '79995550001', { name: 'Ivan' });
		await contact.expectItemFails(login, 'get', {
			fields: { phone: '={{ $json.phone }}' },
			items: [{ phone: '+79995550001' }, { phone: '+79995559999' }],
			failsOn: 1,
			error: 'NodeApiError',
			message: /SMSC has no contact with phone \+79995559999/,
			outputs: [expect.objectContaining({ phone: '79995550001', name: 'Ivan' })],
		});
	});
});

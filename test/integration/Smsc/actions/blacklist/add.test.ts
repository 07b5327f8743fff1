import { expectRequests, newAccount, phonesApi, resourceRuns } from '../../../../support/accounts';
import { usePhoneBook } from '../../../../support/resources';

const { emu, blacklist } = usePhoneBook();
const mailBlacklist = resourceRuns(emu, 'blacklist', 'mails');

describe('Blacklist: Add', () => {
	it('blocks a number with the chosen type and comment', async () => {
		const login = newAccount(emu);
		const added = await blacklist.run(
			login,
			'add',
			{
				phone: '={{ $json.phone }}',
				blockType: '={{ $json.type }}',
				additionalFields: { comment: '={{ $json.why }}' },
			},
			{
				items: [
					{ phone: '+7 999 000 11 01', type: 'all', why: '' },
					{ phone: '+79990001102', type: 'mass', why: 'asked to stop newsletters' },
					{ phone: '+79990001103', type: 'single', why: 'robot' },
				],
			},
		);
		expectRequests(added, [
			{ add_black: '1', phone: '+79990001101', type: '0' },
			{ add_black: '1', phone: '+79990001102', type: '1', cmt: 'asked to stop newsletters' },
			{ add_black: '1', phone: '+79990001103', type: '2', cmt: 'robot' },
		]);
		const { json } = added;
		expect(json).toEqual([
			{ id: expect.any(Number), phone: '+79990001101', type: 'all' },
			{
				id: expect.any(Number),
				phone: '+79990001102',
				type: 'mass',
				comment: 'asked to stop newsletters',
			},
			{ id: expect.any(Number), phone: '+79990001103', type: 'single', comment: 'robot' },
		]);
		const stored = await phonesApi(emu, login, { get_black: 1 });
		expect(stored).toEqual([
			{ id: json[2].id, phone: '79990001103', type: 2, comment: 'robot' },
			{ id: json[1].id, phone: '79990001102', type: 1, comment: 'asked to stop newsletters' },
			{ id: json[0].id, phone: '79990001101', type: 0, comment: '' },
		]);
	});

	it('refuses a malformed phone before any request, or with continueOnFail outputs the error', async () => {
		const login = newAccount(emu);
		const { stopped, continued } = await blacklist.expectItemFails(login, 'add', {
			fields: { phone: '={{ $json.phone }}', blockType: 'all' },
			items: [{ phone: 'call me' }, { phone: '+79990001104' }],
			error: 'NodeOperationError',
			message: /The Phone "call me" is not a phone number/,
			outputs: [{ id: expect.any(Number), phone: '+79990001104', type: 'all' }],
		});
		expect(stopped.requests).toEqual([]);
		expect(continued.requests).toEqual([{ add_black: '1', phone: '+79990001104', type: '0' }]);
	});

	it('reports SMSC refusing a fourth identical request within a minute (error 9)', async () => {
		const login = newAccount(emu);
		const { json, requests } = await blacklist.run(
			login,
			'add',
			{ phone: '+79990001105', blockType: 'all' },
			{
				items: [{}, {}, {}, {}],
				continueOnFail: true,
			},
		);
		expect(requests).toHaveLength(4);
		expect(json.slice(0, 3).every((item) => item.id === json[0].id)).toBe(true);
		expect(json[3]).toEqual({
			error: expect.stringMatching(
				/more than three identical .* requests within a minute \(error 9\)/,
			),
			itemIndex: 3,
		});
	});
});

describe('Blacklist of e-mail addresses (mails.php)', () => {
	it('adds, lists and removes an address with Address Book: E-Mail Addresses, apart from the phone blacklist', async () => {
		const login = newAccount(emu, { senders: ['shop@example.com'] });
		const added = await mailBlacklist.run(login, 'add', {
			addressBook: 'mails',
			mail: ' Spam@Example.com ',
			blockType: 'all',
			additionalFields: { comment: 'bounced' },
		});
		expectRequests(added, [
			{ add_black: '1', mail: 'spam@example.com', type: '0', cmt: 'bounced' },
		]);
		expect(added.json).toEqual([
			{ id: expect.any(Number), mail: 'spam@example.com', type: 'all', comment: 'bounced' },
		]);
		expect(await phonesApi(emu, login, { get_black: 1 })).toMatchObject({ error_code: 3 });

		const listed = await mailBlacklist.run(login, 'getAll', {
			addressBook: 'mails',
			returnAll: true,
		});
		expect(listed.json).toEqual([
			{ id: added.json[0].id, mail: 'spam@example.com', type: 'all', comment: 'bounced' },
		]);

		const removed = await mailBlacklist.run(login, 'remove', {
			addressBook: 'mails',
			mail: 'spam@example.com',
		});
		expect(removed.json).toEqual([{ success: true, mail: 'spam@example.com' }]);
		const again = await mailBlacklist.run(login, 'remove', {
			addressBook: 'mails',
			mail: 'spam@example.com',
		});
		expect(again.result.error?.message).toMatch(
			/The e-mail address spam@example.com is not on the SMSC blacklist/,
		);
	});
});

import { expectRefused, expectRequests, newAccount } from '../../../../support/accounts';
import { useSenderNames } from '../../../../support/resources';

const { emu, senderName, seedSender, allSenders } = useSenderNames();

describe('Sender Name: Create', () => {
	it('registers an SMS sender name with a comment and operator registration flags', async () => {
		const login = newAccount(emu);
		const created = await senderName.run(login, 'create', {
			senderType: 'name',
			senderName: ' MyShop ',
			additionalFields: { comment: 'order notices', operators: ['mts_step', 'tele2'] },
		});
		expectRequests(created, [
			{ add: '1', sender: 'MyShop', cmt: 'order notices', mts_step: '1', tele2: '1' },
		]);
		const [stored] = await allSenders(login);
		expect(stored).toMatchObject({ sender: 'MyShop', cmt: 'order notices' });
		expect(created.json).toEqual([
			{
				id: stored.id,
				sender: 'MyShop',
				type: 'name',
				comment: 'order notices',
				operators: ['mts_step', 'tele2'],
			},
		]);
	});

	it('registers an e-mail sender with its owner name', async () => {
		const login = newAccount(emu);
		const { json, requests } = await senderName.run(login, 'create', {
			senderType: 'email',
			email: 'news@example.com',
			ownerName: 'News Desk',
		});
		expect(requests).toEqual([
			{ add: '1', sender: 'news@example.com', mail: '1', name: 'News Desk' },
		]);
		expect(json).toEqual([
			{ id: expect.any(Number), sender: 'news@example.com', type: 'email', ownerName: 'News Desk' },
		]);
		const [stored] = await allSenders(login);
		expect(stored).toMatchObject({
			id: json[0].id,
			sender: 'news@example.com',
			mail: 1,
			name: 'News Desk',
		});
	});

	it.each([
		['MyVeryLongShop', /has 14 characters; SMSC allows at most 11/],
		['Магазин', /may contain only Latin letters/],
		['7999123456789012', /has 16 digits; SMSC allows at most 15/],
		['  ', /The Sender Name is empty/],
	])('refuses the sender name %p before any request', async (name, message) => {
		const login = newAccount(emu);
		expectRefused(await senderName.run(login, 'create', { senderName: name }), message);
	});

	it('refuses a malformed e-mail sender before any request', async () => {
		const login = newAccount(emu);
		expectRefused(
			await senderName.run(login, 'create', { senderType: 'email', email: 'not-an-address' }),
			/^The E-Mail Address "not-an-address" is not an e-mail address, e\.g\. name@example\.com\./,
		);
	});

	it('fails on a name the account already has, or with continueOnFail outputs the error and goes on', async () => {
		const login = newAccount(emu);
		await seedSender(login, 'Taken');
		const { stopped } = await senderName.expectItemFails(login, 'create', {
			fields: { senderName: '={{ $json.name }}' },
			items: [{ name: 'Taken' }, { name: 'Fresh' }],
			error: 'NodeApiError',
			message:
				/could not register "Taken": the name is already in the account.*\(SMSC error 5: "operation error"\)\. \[item 0\]/,
			outputs: [{ id: expect.any(Number), sender: 'Fresh', type: 'name' }],
		});
		expect(stopped.requests).toEqual([{ add: '1', sender: 'Taken' }]);
		expect((await allSenders(login)).map((row) => row.sender).sort()).toEqual(['Fresh', 'Taken']);
	});
});

describe('Sender Name: Create for a sub-client (user)', () => {
	it("registers the name with the sub-client, not the account's own", async () => {
		const main = newAccount(emu, { senders: ['MainName'] });
		const sub = newAccount(emu, { senders: ['SubName'], parent: main });
		const created = await senderName.run(main, 'create', {
			senderType: 'name',
			senderName: 'SubTwo',
			subClient: sub,
		});
		expect(created.requests).toEqual([{ add: '1', sender: 'SubTwo', user: sub }]);
		expect(emu.mustAccount(sub).findSender('SubTwo')).toBeDefined();
		expect(emu.mustAccount(main).findSender('SubTwo')).toBeUndefined();
	});
});

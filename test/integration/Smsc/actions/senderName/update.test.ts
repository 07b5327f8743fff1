import { expectRefused, expectRequests, newAccount, senderRef } from '../../../../support/accounts';
import { useSenderNames } from '../../../../support/resources';

const { emu, senderName, seedSender, allSenders } = useSenderNames();

describe('Sender Name: Update', () => {
	it('changes the comment of a name picked from the list, typed, or given by ID', async () => {
		const login = newAccount(emu);
		const shop = await seedSender(login, 'Shop', { cmt: 'old' });
		const news = await seedSender(login, 'News', { cmt: 'old' });
		const updated = await senderName.run(
			login,
			'update',
			{ sender: '={{ $json.ref }}', comment: '={{ $json.comment }}' },
			{
				items: [
					{ ref: senderRef('Shop'), comment: 'picked' },
					{ ref: senderRef(news, 'id'), comment: 'by id' },
				],
			},
		);
		expectRequests(updated, [
			{ chg: '1', sender: 'Shop', cmt: 'picked' },
			{ chg: '1', id: String(news), cmt: 'by id' },
		]);
		expect(updated.json).toEqual([
			{ success: true, sender: 'Shop', comment: 'picked', id: shop },
			{ success: true, id: news, comment: 'by id' },
		]);
		const stored = await allSenders(login);
		expect(stored.map((row) => [row.sender, row.cmt]).sort()).toEqual([
			['News', 'by id'],
			['Shop', 'picked'],
		]);
	});

	it('refuses an empty comment or a malformed ID before any request', async () => {
		const login = newAccount(emu);
		const update = (sender: object, comment: string) =>
			senderName.run(login, 'update', { sender, comment });
		expectRefused(await update(senderRef('Shop', 'name'), ' '), /The Comment is empty/);
		expectRefused(
			await update(senderRef('0', 'id'), 'x'),
			/The sender name ID "0" is not a positive whole number/,
		);
		// n8n itself stops a non-numeric ID: the locator's ID mode carries a regex.
		const letters = await update(senderRef('12a', 'id'), 'x');
		// one builder writes every locator's ID check: the text names what the ID is of, as the group's does
		expect(letters.result.error?.message).toMatch(
			/The sender name ID is a whole number, e\.g\. 12345/,
		);
		expect(letters.requests).toEqual([]);
	});

	it('names the missing sender name, or with continueOnFail outputs that error', async () => {
		const login = newAccount(emu);
		const { continued } = await senderName.expectItemFails(login, 'update', {
			fields: { sender: senderRef('Ghost', 'name'), comment: 'x' },
			error: 'NodeApiError',
			message: /SMSC has no sender name "Ghost" \(SMSC error 3: "records not found"\)/,
		});
		expect(continued.requests).toEqual([{ chg: '1', sender: 'Ghost', cmt: 'x' }]);
	});
});

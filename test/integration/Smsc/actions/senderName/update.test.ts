import { useEmulator } from '../../../../support/emulator';
import {
	newAccount,
	resourceRuns,
	runAs,
	seedSender,
	senderRef,
} from '../../../../support/accounts';
import { senderNames } from '../../../../support/resources';

const emu = useEmulator();

const senderName = resourceRuns(emu, 'senderName', 'senders');
const { allSenders } = senderNames(emu);

describe('Sender Name: Update', () => {
	it('changes the comment of a name picked from the list, typed, or given by ID', async () => {
		const login = newAccount(emu);
		const shop = await seedSender(emu, login, 'Shop', { cmt: 'old' });
		const news = await seedSender(emu, login, 'News', { cmt: 'old' });
		const { json, requests, result } = await senderName.run(
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
		expect(result.error).toBeUndefined();
		expect(requests).toEqual([
			{ chg: '1', sender: 'Shop', cmt: 'picked' },
			{ chg: '1', id: String(news), cmt: 'by id' },
		]);
		expect(json).toEqual([
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
		const noComment = await senderName.run(login, 'update', {
			sender: senderRef('Shop', 'name'),
			comment: ' ',
		});
		expect(noComment.result.error?.errorName).toBe('NodeOperationError');
		expect(noComment.result.error?.message).toMatch(/The Comment is empty/);
		const badId = await senderName.run(login, 'update', {
			sender: senderRef('0', 'id'),
			comment: 'x',
		});
		expect(badId.result.error?.message).toMatch(
			/The sender name ID "0" is not a positive whole number/,
		);
		// n8n itself stops a non-numeric ID: the locator's ID mode carries a regex.
		const letters = await senderName.run(login, 'update', {
			sender: senderRef('12a', 'id'),
			comment: 'x',
		});
		// one builder writes every locator's ID check: the text names what the ID is of, as the group's does
		expect(letters.result.error?.message).toMatch(
			/The sender name ID is a whole number, e\.g\. 12345/,
		);
		expect([...noComment.requests, ...badId.requests, ...letters.requests]).toEqual([]);
	});

	it('names the missing sender name, or with continueOnFail outputs that error', async () => {
		const login = newAccount(emu);
		const parameters = senderName('update', { sender: senderRef('Ghost', 'name'), comment: 'x' });
		const stopped = await runAs(emu, login, 'senders', parameters);
		expect(stopped.result.error?.errorName).toBe('NodeApiError');
		expect(stopped.result.error?.message).toMatch(
			/SMSC has no sender name "Ghost" \(SMSC error 3: "records not found"\)/,
		);
		const continued = await runAs(emu, login, 'senders', parameters, { continueOnFail: true });
		expect(continued.json).toEqual([
			{ error: expect.stringMatching(/no sender name "Ghost"/), itemIndex: 0 },
		]);
		expect(continued.requests).toEqual([{ chg: '1', sender: 'Ghost', cmt: 'x' }]);
	});
});

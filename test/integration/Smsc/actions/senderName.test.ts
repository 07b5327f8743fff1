import { startEmulator } from '../../../emulator';
import type { RunningEmulator } from '../../../emulator';
import {
	forResource,
	newAccount,
	runAs,
	seedSender,
	senderRef,
	smscApi,
} from '../../../support/accounts';
import { schemaViolations } from '../../../support/schema';

let emu: RunningEmulator;
beforeAll(async () => (emu = await startEmulator({ demoAccount: false })));
afterAll(async () => emu.close());

const senderName = forResource('senderName');

async function allSenders(login: string): Promise<Array<Record<string, unknown>>> {
	const answer = await smscApi(emu, login, 'senders', { get: 1, all: 1 });
	return Array.isArray(answer) ? answer : [];
}

describe('Sender Name: Create', () => {
	it('registers an SMS sender name with a comment and operator registration flags', async () => {
		const login = newAccount(emu);
		const { json, requests, result } = await runAs(
			emu,
			login,
			'senders',
			senderName('create', {
				senderType: 'name',
				senderName: ' MyShop ',
				additionalFields: { comment: 'order notices', operators: ['mts_step', 'tele2'] },
			}),
		);
		expect(result.error).toBeUndefined();
		expect(requests).toEqual([
			{ add: '1', sender: 'MyShop', cmt: 'order notices', mts_step: '1', tele2: '1' },
		]);
		const [stored] = await allSenders(login);
		expect(stored).toMatchObject({ sender: 'MyShop', cmt: 'order notices' });
		expect(json).toEqual([
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
		const { json, requests } = await runAs(
			emu,
			login,
			'senders',
			senderName('create', {
				senderType: 'email',
				email: 'news@example.com',
				ownerName: 'News Desk',
			}),
		);
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
		const { result, requests } = await runAs(
			emu,
			login,
			'senders',
			senderName('create', { senderName: name }),
		);
		expect(result.error?.errorName).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(requests).toEqual([]);
	});

	it('refuses a malformed e-mail sender before any request', async () => {
		const login = newAccount(emu);
		const { result, requests } = await runAs(
			emu,
			login,
			'senders',
			senderName('create', { senderType: 'email', email: 'not-an-address' }),
		);
		expect(result.error?.message).toMatch(/"not-an-address" is not an e-mail address/);
		expect(requests).toEqual([]);
	});

	it('fails on a name the account already has, or with continueOnFail outputs the error and goes on', async () => {
		const login = newAccount(emu);
		await seedSender(emu, login, 'Taken');
		const parameters = senderName('create', { senderName: '={{ $json.name }}' });
		const items = [{ name: 'Taken' }, { name: 'Fresh' }];

		const stopped = await runAs(emu, login, 'senders', parameters, { items });
		expect(stopped.result.error?.errorName).toBe('NodeApiError');
		expect(stopped.result.error?.message).toMatch(
			/could not register "Taken": the name is already in the account.*\(SMSC error 5\)\. \[item 0\]/,
		);
		expect(stopped.requests).toEqual([{ add: '1', sender: 'Taken' }]);

		const continued = await runAs(emu, login, 'senders', parameters, {
			items,
			continueOnFail: true,
		});
		expect(continued.result.error).toBeUndefined();
		expect(continued.json).toEqual([
			{ error: expect.stringMatching(/could not register "Taken"/), itemIndex: 0 },
			{ id: expect.any(Number), sender: 'Fresh', type: 'name' },
		]);
		expect(continued.result.output('SMSC').map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
		]);
		expect((await allSenders(login)).map((row) => row.sender).sort()).toEqual(['Fresh', 'Taken']);
	});
});

describe('Sender Name: Update', () => {
	it('changes the comment of a name picked from the list, typed, or given by ID', async () => {
		const login = newAccount(emu);
		const shop = await seedSender(emu, login, 'Shop', { cmt: 'old' });
		const news = await seedSender(emu, login, 'News', { cmt: 'old' });
		const { json, requests, result } = await runAs(
			emu,
			login,
			'senders',
			senderName('update', { sender: '={{ $json.ref }}', comment: '={{ $json.comment }}' }),
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
		const noComment = await runAs(
			emu,
			login,
			'senders',
			senderName('update', { sender: senderRef('Shop', 'name'), comment: ' ' }),
		);
		expect(noComment.result.error?.errorName).toBe('NodeOperationError');
		expect(noComment.result.error?.message).toMatch(/The Comment is empty/);
		const badId = await runAs(
			emu,
			login,
			'senders',
			senderName('update', { sender: senderRef('0', 'id'), comment: 'x' }),
		);
		expect(badId.result.error?.message).toMatch(
			/The sender name ID "0" is not a positive whole number/,
		);
		// n8n itself stops a non-numeric ID: the locator's ID mode carries a regex.
		const letters = await runAs(
			emu,
			login,
			'senders',
			senderName('update', { sender: senderRef('12a', 'id'), comment: 'x' }),
		);
		expect(letters.result.error?.message).toMatch(/The ID is a whole number/);
		expect([...noComment.requests, ...badId.requests, ...letters.requests]).toEqual([]);
	});

	it('names the missing sender name, or with continueOnFail outputs that error', async () => {
		const login = newAccount(emu);
		const parameters = senderName('update', { sender: senderRef('Ghost', 'name'), comment: 'x' });
		const stopped = await runAs(emu, login, 'senders', parameters);
		expect(stopped.result.error?.errorName).toBe('NodeApiError');
		expect(stopped.result.error?.message).toMatch(
			/SMSC has no sender name "Ghost" \(SMSC error 3\)/,
		);
		const continued = await runAs(emu, login, 'senders', parameters, { continueOnFail: true });
		expect(continued.json).toEqual([
			{ error: expect.stringMatching(/no sender name "Ghost"/), itemIndex: 0 },
		]);
		expect(continued.requests).toEqual([{ chg: '1', sender: 'Ghost', cmt: 'x' }]);
	});
});

describe('Sender Name: Delete', () => {
	it('deletes names by name and by ID', async () => {
		const login = newAccount(emu);
		await seedSender(emu, login, 'Shop');
		const news = await seedSender(emu, login, 'News');
		await seedSender(emu, login, 'Keep');
		const { json, requests } = await runAs(
			emu,
			login,
			'senders',
			senderName('delete', { sender: '={{ $json.ref }}' }),
			{
				items: [{ ref: senderRef('Shop', 'name') }, { ref: senderRef(news, 'id') }],
			},
		);
		expect(requests).toEqual([
			{ del: '1', sender: 'Shop' },
			{ del: '1', id: String(news) },
		]);
		expect(json).toEqual([
			{ deleted: true, sender: 'Shop' },
			{ deleted: true, id: news },
		]);
		expect((await allSenders(login)).map((row) => row.sender)).toEqual(['Keep']);
	});

	it('names the missing ID, or with continueOnFail outputs the error and goes on', async () => {
		const login = newAccount(emu);
		await seedSender(emu, login, 'Shop');
		const items = [{ ref: senderRef(9999, 'id') }, { ref: senderRef('Shop') }];
		const parameters = senderName('delete', { sender: '={{ $json.ref }}' });
		const stopped = await runAs(emu, login, 'senders', parameters, { items });
		expect(stopped.result.error?.message).toMatch(
			/SMSC has no sender name with ID 9999 \(SMSC error 3\).*\[item 0\]/,
		);
		expect(stopped.requests).toHaveLength(1);
		const continued = await runAs(emu, login, 'senders', parameters, {
			items,
			continueOnFail: true,
		});
		expect(continued.json).toEqual([
			{ error: expect.stringMatching(/no sender name with ID 9999/), itemIndex: 0 },
			{ deleted: true, sender: 'Shop' },
		]);
		expect(await allSenders(login)).toEqual([]);
	});
});

describe('Sender Name: Get Many', () => {
	async function seedFour(login: string): Promise<void> {
		await seedSender(emu, login, 'Alpha', { cmt: 'a', mts_step: 1 });
		await seedSender(emu, login, 'Beta');
		await seedSender(emu, login, '79990001122'); // digital: pending until confirmed
		await seedSender(emu, login, 'Gamma');
	}

	it('lists every name, newest first, with numeric ids', async () => {
		const login = newAccount(emu);
		await seedFour(login);
		const { json, requests } = await runAs(
			emu,
			login,
			'senders',
			senderName('getAll', { returnAll: true, filters: { activeOnly: false } }),
		);
		expect(requests).toEqual([{ get: '1', all: '1', cnt: '15000' }]);
		expect(json.map((row) => row.sender)).toEqual(['Gamma', '79990001122', 'Beta', 'Alpha']);
		expect(json[3]).toEqual({ id: expect.any(Number), sender: 'Alpha', cmt: 'a', status: 1 });
		expect(json[1]).toMatchObject({ status: 0 });
	});

	it('keeps only active names and adds operator statuses when asked', async () => {
		const login = newAccount(emu);
		await seedFour(login);
		const { json, requests } = await runAs(
			emu,
			login,
			'senders',
			senderName('getAll', {
				returnAll: true,
				filters: { activeOnly: true },
				options: { operatorStatuses: true },
			}),
		);
		expect(requests).toEqual([{ get: '1', operators: '1', cnt: '15000' }]);
		expect(json.map((row) => row.sender)).toEqual(['Gamma', 'Beta', 'Alpha']);
		expect(json[2]).toMatchObject({ sender: 'Alpha', operators: { mts_step: 0 } });
		expect(json.flatMap((row) => schemaViolations('senderName', 'getAll', row))).toEqual([]);
	});

	it('asks for no more than the limit', async () => {
		const login = newAccount(emu);
		await seedFour(login);
		const { json, requests } = await runAs(
			emu,
			login,
			'senders',
			senderName('getAll', { returnAll: false, limit: 2, filters: { activeOnly: false } }),
		);
		expect(requests).toEqual([{ get: '1', all: '1', cnt: '2' }]);
		expect(json.map((row) => row.sender)).toEqual(['Gamma', '79990001122']);
	});

	it("pages with prev_id past SMSC's 15000 names per request", async () => {
		const login = newAccount(emu);
		// 15002 names through HTTP would take minutes; the emulator's own state takes them at once.
		const account = emu.mustAccount(login);
		for (let i = 0; i < 15002; i++) {
			const id = account.nextSenderId++;
			const sender = `N${id}`;
			account.senders.set(id, {
				id,
				sender,
				cmt: '',
				status: 1,
				mail: false,
				name: '',
				operators: {},
				fields: {},
				createdAt: 0,
				changedAt: 0,
			});
			account.senderByName.set(sender.toLowerCase(), id);
		}
		const { json, requests } = await runAs(
			emu,
			login,
			'senders',
			senderName('getAll', { returnAll: true }),
		);
		expect(requests).toEqual([
			{ get: '1', cnt: '15000' },
			{ get: '1', cnt: '15000', prev_id: '3' },
		]);
		expect(json).toHaveLength(15002);
		expect(new Set(json.map((row) => row.id)).size).toBe(15002);
		expect(json.slice(-2).map((row) => row.id)).toEqual([2, 1]);
	});

	it('outputs nothing for an account without names', async () => {
		const login = newAccount(emu);
		const { json, result, requests } = await runAs(
			emu,
			login,
			'senders',
			senderName('getAll', { returnAll: true }),
		);
		expect(result.error).toBeUndefined();
		expect(requests).toHaveLength(1);
		expect(json).toEqual([]);
	});

	it('fails with a wrong password, or with continueOnFail outputs the error', async () => {
		const login = newAccount(emu);
		emu.updateAccount({ login, psw: 'changed-elsewhere' });
		const parameters = senderName('getAll', { returnAll: true });
		const stopped = await runAs(emu, login, 'senders', parameters);
		expect(stopped.result.error?.errorName).toBe('NodeApiError');
		expect(stopped.result.error?.message).toMatch(
			/rejected the login and password or the API key \(error 2\)/,
		);
		const continued = await runAs(emu, login, 'senders', parameters, { continueOnFail: true });
		expect(continued.json).toEqual([{ error: expect.stringMatching(/error 2/), itemIndex: 0 }]);
	});
});

describe('Sender Name: Send Verification Code and Verify Code', () => {
	it('sends a code to a digital name and activates the name with it', async () => {
		const login = newAccount(emu);
		await seedSender(emu, login, 'MyShop');
		await seedSender(emu, login, '79991234567');
		const sent = await runAs(
			emu,
			login,
			'senders',
			senderName('sendCode', {
				senderName: '79991234567',
				additionalFields: { site: 'MyShop', siteName: 'shop.example.com' },
			}),
		);
		expect(sent.result.error).toBeUndefined();
		expect(sent.requests).toEqual([
			{ send_code: '1', sender: '79991234567', site: 'MyShop', site_name: 'shop.example.com' },
		]);
		expect(sent.json).toEqual([
			{ codeSent: true, sender: '79991234567', site: 'MyShop', siteName: 'shop.example.com' },
		]);

		const { code } = emu.getSenderCode({ login, sender: '79991234567' });
		expect(code).toMatch(/^\d+$/);
		const verified = await runAs(
			emu,
			login,
			'senders',
			senderName('verifyCode', { senderName: '79991234567', code: ` ${code} ` }),
		);
		expect(verified.requests).toEqual([{ check_code: '1', sender: '79991234567', code }]);
		expect(verified.json).toEqual([{ verified: true, sender: '79991234567' }]);
		const active = await smscApi(emu, login, 'senders', { get: 1 });
		expect(active.map((row: { sender: string }) => row.sender)).toContain('79991234567');
	});

	it('refuses a letter name or an empty code before any request', async () => {
		const login = newAccount(emu);
		const letters = await runAs(
			emu,
			login,
			'senders',
			senderName('sendCode', { senderName: 'MyShop' }),
		);
		expect(letters.result.error?.errorName).toBe('NodeOperationError');
		expect(letters.result.error?.message).toMatch(/"MyShop" is not a digital sender name/);
		const noCode = await runAs(
			emu,
			login,
			'senders',
			senderName('verifyCode', { senderName: '79991234567', code: '  ' }),
		);
		expect(noCode.result.error?.message).toMatch(/The Code is empty/);
		expect([...letters.requests, ...noCode.requests]).toEqual([]);
	});

	it('sending a code to an unregistered name says to create it first', async () => {
		const login = newAccount(emu);
		const parameters = senderName('sendCode', { senderName: '79990000000' });
		const stopped = await runAs(emu, login, 'senders', parameters);
		expect(stopped.result.error?.message).toMatch(
			/no sender name "79990000000": create it with the Create operation first \(SMSC error 3\)/,
		);
		const continued = await runAs(emu, login, 'senders', parameters, { continueOnFail: true });
		expect(continued.json).toEqual([
			{ error: expect.stringMatching(/create it with the Create operation first/), itemIndex: 0 },
		]);
	});

	it('a wrong code fails, or with continueOnFail becomes an error item, and the name stays pending', async () => {
		const login = newAccount(emu);
		await seedSender(emu, login, '79991234567');
		await smscApi(emu, login, 'senders', { send_code: 1, sender: '79991234567' });
		const { code } = emu.getSenderCode({ login, sender: '79991234567' });
		const wrong = code === '0000' ? '1111' : '0000';
		const parameters = senderName('verifyCode', { senderName: '79991234567', code: wrong });
		const stopped = await runAs(emu, login, 'senders', parameters);
		expect(stopped.result.error?.errorName).toBe('NodeApiError');
		expect(stopped.result.error?.message).toMatch(
			/did not accept the code for "79991234567".*\(SMSC error 5\)/,
		);
		const continued = await runAs(emu, login, 'senders', parameters, { continueOnFail: true });
		expect(continued.json).toEqual([
			{ error: expect.stringMatching(/did not accept the code/), itemIndex: 0 },
		]);
		const [stored] = await allSenders(login);
		expect(stored).toMatchObject({ sender: '79991234567', status: 0 });
	});
});

describe("Sender Name: Get Many with SMSC's defaults", () => {
	it("with no filter asks with SMSC's default all=0 and lists active names only", async () => {
		const login = newAccount(emu, { senders: ['MyShop'] });
		await seedSender(emu, login, '79990001122'); // digital: pending until confirmed
		const { json, requests } = await runAs(
			emu,
			login,
			'senders',
			senderName('getAll', { returnAll: true }),
		);
		expect(requests.at(-1)).not.toHaveProperty('all');
		expect(json.map((row) => row.name ?? row.sender)).toEqual(['MyShop']);
		const every = await runAs(
			emu,
			login,
			'senders',
			senderName('getAll', { returnAll: true, filters: { activeOnly: false } }),
		);
		expect(every.requests.at(-1)).toMatchObject({ all: '1' });
		expect(every.json).toHaveLength(2);
	});
});

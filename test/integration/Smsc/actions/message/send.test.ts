import type { IDataObject } from 'n8n-workflow';

import { useEmulator } from '../../../../support/emulator';
import {
	expectRefused,
	expectRequests,
	messageAccount,
	PASSWORD,
	requests,
	runMessage,
	smscApi,
} from '../../../../support/accounts';

const emu = useEmulator();

const sendRequests = (login: string) => requests(emu, login);
const run = (
	login: string,
	parameters: IDataObject,
	items: IDataObject[] = [{}],
	continueOnFail = false,
) => runMessage(emu, login, { operation: 'send', ...parameters }, { items, continueOnFail });

describe('Message: Send', () => {
	it('sends an SMS and reports id, parts and encoding', async () => {
		const login = messageAccount(emu);
		const { json, requests, result } = await run(login, {
			phones: '+7 (999) 123-45-67',
			message:
				'Привет, это длинное сообщение на кириллице, которое точно не уместится в одну SMS часть.',
			options: { sender: 'MyShop' },
		});
		expectRequests({ result, requests }, [
			{
				phones: '+79991234567',
				mes: 'Привет, это длинное сообщение на кириллице, которое точно не уместится в одну SMS часть.',
				sender: 'MyShop',
			},
		]);
		expect(json).toEqual([
			{
				id: 1,
				channel: 'sms',
				phones: ['+79991234567'],
				parts: 2,
				encoding: 'UCS-2',
				characters: 88,
				partsPerRecipient: 2,
			},
		]);
		expect(emu.getMessages({ login })).toHaveLength(1);
	});

	it.each([
		['picked from the list', { __rl: true, mode: 'list', value: 'MyShop' }],
		['typed by name', { __rl: true, mode: 'name', value: ' MyShop ' }],
		['left empty', { __rl: true, mode: 'list', value: '' }],
	])('takes the Sender Name %s (a resource locator)', async (how, sender) => {
		const login = messageAccount(emu);
		const { json, requests, result } = await run(login, {
			phones: '+79991234567',
			message: 'Hi',
			options: { sender },
		});
		expect(result.error).toBeUndefined();
		expect(json[0]).toMatchObject({ id: expect.any(Number) });
		expect(requests).toEqual([
			{ phones: '+79991234567', mes: 'Hi', ...(how === 'left empty' ? {} : { sender: 'MyShop' }) },
		]);
	});

	it('passes every option under its send.php name', async () => {
		const login = messageAccount(emu);
		const { json, requests, result } = await run(login, {
			phones: ['+79991234567', '+79991234568'] as unknown as string,
			message: 'Sale today',
			options: {
				clientId: 'order-1042',
				comment: 'campaign 7',
				costReport: 3,
				hourWindow: '9-21',
				maxParts: 2,
				perRecipient: true,
				shortenLinks: true,
				translit: 1,
				tz: 2,
				valid: 12,
			},
			bulkOptions: { rawResponse: true },
		});
		expectRequests({ result, requests }, [
			{
				phones: '+79991234567,+79991234568',
				mes: 'Sale today\n~~~\ncampaign 7',
				id: 'order-1042',
				time: '9-21',
				tz: '2',
				valid: '12',
				maxsms: '2',
				translit: '1',
				tinyurl: '1',
				cost: '3',
				op: '1',
			},
		]);
		expect(json[0]).toMatchObject({
			id: 'order-1042',
			phones: ['+79991234567', '+79991234568'],
			parts: 2,
			cost: 5,
			balance: 995,
			recipients: [
				{ phone: '79991234567', status: -1, statusName: 'waiting', cost: 2.5, error: 0 },
				{ phone: '79991234568', status: -1, statusName: 'waiting', cost: 2.5, error: 0 },
			],
			rawResponse: { id: 'order-1042', cnt: 2, cost: '5.00', balance: '995.00' },
		});
		expect(emu.getMessages({ login })[0]).toMatchObject({
			comment: 'campaign 7',
			text: 'Sale today',
		});
	});

	it('turns Send At into SMSC time and Send After into +minutes', async () => {
		const login = messageAccount(emu);
		await run(login, {
			phones: '+79991234567',
			message: 'At',
			options: { sendAt: '2030-01-02T03:04:05Z' },
		});
		await run(login, {
			phones: '+79991234567',
			message: 'Zoned',
			options: { sendAt: '2030-01-02T06:04:05+03:00' },
		});
		await run(login, { phones: '+79991234567', message: 'Later', options: { delayMinutes: 30 } });
		const seconds = Date.UTC(2030, 0, 2, 3, 4, 5) / 1000;
		expect(sendRequests(login).map((r) => r.time)).toEqual([`0${seconds}`, `0${seconds}`, '+30']);
		expect(emu.getMessages({ login })[0].sendAt).toBe(seconds * 1000);
	});

	const channels: Array<[string, IDataObject, Record<string, string>, string]> = [
		['flash', { message: 'Flash!' }, { mes: 'Flash!', flash: '1' }, 'flash'],
		['viber', { message: 'Hi on Viber' }, { mes: 'Hi on Viber', viber: '1' }, 'viber'],
		['tg', { message: '4821' }, { mes: '__TGM__: 4821' }, 'tgm'],
		[
			'bot',
			{ message: 'News', botName: 'shop_news_bot' },
			{ mes: 'News', bot: '@shop_news_bot' },
			'bot',
		],
		[
			'call',
			{
				message: 'Your code is 1 2 3 4',
				voice: 'w',
				callOptions: { language: 'EN', waitSeconds: 20, retryInterval: 60, attempts: 3 },
			},
			{ mes: 'Your code is 1 2 3 4', call: '1', voice: 'w, en', param: '20,60,3' },
			'call',
		],
		['hlr', {}, { hlr: '1' }, 'hlr'],
		['ping', {}, { ping: '1' }, 'ping'],
		[
			'push',
			{ pushUrl: 'https://example.com/x', pushTitle: 'Offer' },
			{ mes: 'https://example.com/x\nOffer', push: '1' },
			'push',
		],
		['bin', { binaryMessage: '00 48 65 6C 6C 6F' }, { mes: '0048656C6C6F', bin: '2' }, 'bin'],
	];
	it.each(channels)(
		'sends the %s channel with its own fields only',
		async (channel, fields, expected, recorded) => {
			const login = messageAccount(emu);
			const { requests, result, json } = await run(login, {
				channel,
				phones: '+79991234567',
				...fields,
			});
			expect(result.error).toBeUndefined();
			expect(requests).toEqual([{ phones: '+79991234567', ...expected }]);
			expect(json[0]).toMatchObject({ id: 1, channel, phones: ['+79991234567'] });
			expect(emu.getMessages({ login })[0].channel).toBe(recorded);
		},
	);

	it('sends an e-mail with subject and sender address', async () => {
		const login = messageAccount(emu);
		const { requests, result } = await run(login, {
			channel: 'mail',
			emails: 'anna@example.com, bob@example.com',
			message: 'Your invoice',
			subject: 'Invoice 7',
			senderEmail: 'shop@example.com',
		});
		expectRequests({ result, requests }, [
			{
				phones: 'anna@example.com,bob@example.com',
				mes: 'Your invoice',
				mail: '1',
				subj: 'Invoice 7',
				sender: 'shop@example.com',
			},
		]);
		expect(emu.getMessages({ login }).map((m) => m.phone)).toEqual([
			'anna@example.com',
			'bob@example.com',
		]);
	});

	it('sends to a contact group as G<number> and lists its members with per-recipient details', async () => {
		const login = messageAccount(emu);
		const api = async (params: Record<string, string>) => {
			const body = new URLSearchParams({
				login,
				psw: PASSWORD,
				fmt: '3',
				charset: 'utf-8',
				...params,
			});
			return (await (
				await fetch(`${emu.url}/sys/phones.php`, { method: 'POST', body })
			).json()) as IDataObject;
		};
		const group = await api({ add_group: '1', name: 'VIP', num: '7' });
		await api({ add: '1', phone: '79990000001', grp: String(group.id) });
		await api({ add: '1', phone: '79990000002', grp: String(group.id) });
		const { requests, json, result } = await run(login, {
			recipientType: 'group',
			group: { __rl: true, mode: 'number', value: '7' },
			message: 'Members only',
			options: { perRecipient: true },
		});
		expectRequests({ result, requests }, [{ phones: 'G7', mes: 'Members only', op: '1' }]);
		expect(json[0]).toMatchObject({
			group: 'G7',
			phones: ['79990000001', '79990000002'],
			parts: 2,
		});
	});

	it('decodes the HLR lookup result from the status of the lookup', async () => {
		const login = messageAccount(emu);
		const { json } = await run(login, { channel: 'hlr', phones: '+79991234567' });
		await new Promise((resolve) => setTimeout(resolve, 600));
		const { result: status } = await runMessage(emu, login, {
			operation: 'getStatus',
			messageId: String(json[0].id),
			phones: '+79991234567',
		});
		expect(status.error).toBeUndefined();
		expect(status.json('SMSC')[0]).toMatchObject({
			statusName: 'delivered',
			hlr: expect.objectContaining({ mcc: '250', imsi: expect.any(String) }),
		});
	});
});

describe('Message: Send checks items before any request', () => {
	const bad: Array<[string, IDataObject, RegExp]> = [
		[
			'an empty text',
			{ phones: '+79991234567', message: '  ' },
			/The Message is empty\. Enter the text to send\./,
		],
		[
			'a text over 1000 characters',
			{ phones: '+79991234567', message: 'x'.repeat(1001) },
			/1001 characters long; SMSC accepts at most 1000/,
		],
		[
			'a comment pushing the text over 1000',
			{ phones: '+79991234567', message: 'x'.repeat(990), options: { comment: 'y'.repeat(20) } },
			/text, comment and the comment marker together/,
		],
		['no recipients', { phones: ' , ', message: 'Hi' }, /No phone number to send to/],
		[
			'a malformed phone',
			{ phones: '+79991234567, 12ab', message: 'Hi' },
			/"12ab" is not a phone number in international format/,
		],
		[
			'a malformed date',
			{ phones: '+79991234567', message: 'Hi', options: { sendAt: 'tomorrow' } },
			/Send At "tomorrow" is not a date/,
		],
		[
			'two schedules',
			{ phones: '+79991234567', message: 'Hi', options: { delayMinutes: 5, hourWindow: '9-21' } },
			/not Send After \(Minutes\) and Hour Window/,
		],
		[
			'a bad hour window',
			{ phones: '+79991234567', message: 'Hi', options: { hourWindow: '9-30' } },
			/Hour Window "9-30"/,
		],
		[
			'a long sender',
			{ phones: '+79991234567', message: 'Hi', options: { sender: 'MyVeryLongShop' } },
			/Sender name "MyVeryLongShop" is too long/,
		],
		[
			'a bad client id',
			{ phones: '+79991234567', message: 'Hi', options: { clientId: 'no spaces allowed' } },
			/Client Message ID/,
		],
		[
			'spreading without a step',
			{ phones: '+79991234567', message: 'Hi', options: { period: 2 } },
			/Spread Over \(Hours\) and Spread Step/,
		],
		[
			'a Telegram text to a phone',
			{ channel: 'tg', phones: '+79991234567', message: 'hello' },
			/numeric code of 4 to 8 digits/,
		],
		[
			'an e-mail without subject',
			{
				channel: 'mail',
				emails: 'a@example.com',
				message: 'Hi',
				subject: '={{ "" }}',
				senderEmail: 'shop@example.com',
			},
			/needs a subject/,
		],
		[
			'a bad e-mail address',
			{
				channel: 'mail',
				emails: 'nobody',
				message: 'Hi',
				subject: 'S',
				senderEmail: 'shop@example.com',
			},
			/"nobody" is not an e-mail address, e\.g\. name@example\.com/,
		],
		[
			'a bad sender e-mail',
			{
				channel: 'mail',
				emails: 'a@example.com',
				message: 'Hi',
				subject: 'S',
				senderEmail: 'shop',
			},
			/^The Sender Email "shop" is not an e-mail address/,
		],
		[
			'a bot without a name',
			{ channel: 'bot', phones: '+79991234567', message: 'Hi', botName: '={{ " " }}' },
			/^The Bot Name is empty\. Enter the bot's username, e\.g\. @shop_news_bot\./,
		],
		[
			'a non-hex binary',
			{ channel: 'bin', phones: '+79991234567', binaryMessage: '0G' },
			/Hex Message/,
		],
		[
			'a push without link',
			{ channel: 'push', phones: '+79991234567', pushUrl: '={{ "" }}', pushTitle: 'T' },
			/The Link is empty/,
		],
		[
			'a comment on a voice call',
			{ channel: 'call', phones: '+79991234567', message: 'Hi', options: { comment: 'c' } },
			/Comment cannot be used with Voice Call/,
		],
		[
			'a comment on a Telegram code',
			{ channel: 'tg', phones: '+79991234567', message: '4821', options: { comment: 'c' } },
			/Comment cannot be used with Telegram/,
		],
	];
	it.each(bad)('refuses %s and sends nothing', async (_what, parameters, message) => {
		const login = messageAccount(emu);
		const refused = await run(login, parameters, [{}, {}]);
		expectRefused(refused, message);
		expect(refused.result.error?.message).toMatch(/\[item 0\]/);
	});

	it('with Continue On Fail, fails only the bad item and sends the rest', async () => {
		const login = messageAccount(emu);
		const { result, json, requests } = await run(
			login,
			{ phones: '={{ $json.phone }}', message: 'Hi' },
			[{ phone: '+79991234567' }, { phone: 'oops' }, { phone: '+79991234568' }],
			true,
		);
		expect(result.error).toBeUndefined();
		expect(json[1]).toEqual({
			error: expect.stringMatching(
				/"oops" is not a phone number in international format.*\[item 1\]/,
			),
			errorDetails: expect.any(String),
			itemIndex: 1,
		});
		expect(json[0]).toMatchObject({ id: 1, phones: ['+79991234567'] });
		expect(json[2]).toMatchObject({ id: 1, phones: ['+79991234568'] });
		expect(requests).toEqual([{ list: '+79991234567:Hi\n+79991234568:Hi', op: '1' }]);
		expect(result.output('SMSC').map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});
});

describe('Message: Send errors from SMSC', () => {
	it('stops on an SMSC error and names the one item, without an account of sent and unsent items', async () => {
		const login = messageAccount(emu, { balance: 1 });
		const { result, requests } = await run(login, { phones: '+79991234567', message: 'No money' });
		expect(result.error?.errorName).toBe('NodeApiError');
		expect(result.error?.message).toMatch(/^Not enough money.*\[item 0\]$/);
		expect(result.error?.message).not.toMatch(/Not sent|Sent: none/);
		expect(requests).toHaveLength(1);
	});

	it('with two items, the error still gives the account of which were sent', async () => {
		const login = messageAccount(emu, { balance: 1 });
		const { result } = await run(
			login,
			{
				phones: '={{ $json.phone }}',
				message: 'No money',
				bulkOptions: { batching: false, concurrency: 1 },
			},
			[{ phone: '+79991234567' }, { phone: '+79991234568' }],
		);
		expect(result.error?.message).toMatch(
			/\[item 0\] Not sent: item 0 \(this error\); item 1 \(not attempted\)\. Sent: none\.$/,
		);
	});

	it('with Continue On Fail, outputs the SMSC error for the item', async () => {
		const login = messageAccount(emu, { balance: 1 });
		const { result, json } = await run(
			login,
			{ phones: '+79991234567', message: 'No money' },
			[{}],
			true,
		);
		expect(result.error).toBeUndefined();
		expect(json).toEqual([
			{
				error: expect.stringMatching(/Not enough money on the SMSC account.*\[item 0\]/),
				itemIndex: 0,
				phones: ['+79991234567'],
			},
		]);
	});

	it('never resends: an identical send within a minute is reported as refused (error 9)', async () => {
		const login = messageAccount(emu);
		const first = await run(login, { phones: '+79991234567', message: 'Once' });
		expect(first.result.error).toBeUndefined();
		const second = await run(login, { phones: '+79991234567', message: 'Once' });
		expect(second.result.error?.message).toMatch(
			/refused this send because an identical request was made less than a minute ago \(error 9\)/,
		);
		expect(sendRequests(login)).toHaveLength(2);
		expect(emu.getMessages({ login })).toHaveLength(1);
	});

	it('the flood rule: after 50 messages to one number less than 60 s apart, the error names the rule', async () => {
		const login = messageAccount(emu);
		for (let n = 1; n <= 50; n++)
			await smscApi(emu, login, 'send', { phones: '79991230050', mes: `Update ${n}` });
		const { result, requests } = await run(login, { phones: '+79991230050', message: 'One more' });
		expect(result.error?.message).toMatch(
			/cannot deliver a message to this number \(error 8\)\. One documented reason: SMSC blocks more than 50 messages to one subscriber sent less than 60 seconds apart/,
		);
		expect(requests.at(-1)).toMatchObject({ phones: '+79991230050', mes: 'One more' });
		expect(emu.getMessages({ login })).toHaveLength(50);
	});

	it('error 3, a top-up, the identical send: error 9, and the node never says the message was sent', async () => {
		const login = messageAccount(emu, { balance: 1 });
		const parameters = { phones: '+79991234567', message: 'Pay day' };
		const poor = await run(login, parameters, [{}], true);
		expect(poor.json[0].error).toMatch(/Not enough money on the SMSC account.*\(error 3\)/);
		emu.setBalance({ login, balance: 1000 });
		const again = await run(login, parameters, [{}], true);
		const error = String(again.json[0].error);
		expect(error).toMatch(/identical request was made less than a minute ago \(error 9\)/);
		expect(error).toMatch(/Whether the earlier request was accepted is in the SMSC send history/);
		// SMSC sent nothing at all: neither the text nor any output may claim it did
		expect(emu.getMessages({ login })).toHaveLength(0);
		for (const text of [error, JSON.stringify(again.json)]) {
			expect(text).not.toMatch(
				/already accepted|was sent|went out|accepted an identical|\bsent\b(?! history)/i,
			);
		}
		expect(again.json[0]).not.toHaveProperty('maybeSent');
		expect(again.json[0]).not.toHaveProperty('id');
		// the same sequence without Continue On Fail: the run's error says the item was not sent
		const login2 = messageAccount(emu, { balance: 1 });
		await run(login2, parameters);
		emu.setBalance({ login: login2, balance: 1000 });
		const stopped = await run(login2, parameters);
		expect(stopped.result.error?.message).toMatch(/\(error 9\)/);
		expect(stopped.result.error?.message).not.toMatch(
			/already accepted|was sent|went out|Sent: item/,
		);
		expect(emu.getMessages({ login: login2 })).toHaveLength(0);
	});
});

describe("Message: Send with n8n's Retry On Fail", () => {
	it.each([
		[2, 'is refused before any request, since a retry would send again what was sent'],
		[1, 'runs as saved workflows ran'],
	])('at version %i %s', async (typeVersion) => {
		const login = messageAccount(emu);
		const { result, requests } = await runMessage(
			emu,
			login,
			{ operation: 'send', phones: '+79991234567', message: 'Once' },
			{ typeVersion, settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 } },
		);
		if (typeVersion === 1) {
			expect(result.error).toBeUndefined();
			expect(requests).toHaveLength(1);
			return;
		}
		expect(result.error?.errorName).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(
			/Turn off Retry On Fail in this node's Settings: n8n would run Send again/,
		);
		expect(requests).toEqual([]);
	});
});

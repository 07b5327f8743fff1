/**
 * What SMSC's pages say, checked through n8n's engine against the emulator: each test would fail
 * if the node read the page the old way (issue 14). Pages: "Відправка SMS-повідомлення" (send.php),
 * "Управление контактами", "Управление именами отправителей (Sender ID)", the SMPP page
 * "Отправка сообщения" (Telegram, HLR).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject } from 'n8n-workflow';

import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { runNode, smscCredentials } from '../support/smsc';
import { TOKEN, startTriggerServer } from '../support/triggers';

jest.setTimeout(60_000);

const PASSWORD = 'pages-password';
let emu: RunningEmulator;
let accounts = 0;
beforeAll(async () => (emu = await startEmulator({ demoAccount: false })));
afterAll(async () => emu.close());

function account(options: IDataObject = {}): string {
	const login = `pages${++accounts}`;
	emu.createAccount({ login, psw: PASSWORD, senders: ['MyShop'], ...options });
	return login;
}

async function run(login: string, parameters: IDataObject, items: IDataObject[] = [{}]) {
	const { result, json } = await runNode(emu.url, parameters, { items, credentials: smscCredentials(emu.url, { login, password: PASSWORD }) });
	const requests = emu
		.getLog({ login })
		.filter((entry) => entry.method !== 'internal')
		.map(({ script, params }) => {
			const { login: _l, psw: _p, fmt: _f, charset: _c, ...rest } = params;
			return { script, ...rest } as Record<string, string>;
		});
	return { result, json, requests, error: result.error?.message ?? '' };
}

const send = (login: string, parameters: IDataObject, items?: IDataObject[]) =>
	run(login, { resource: 'message', operation: 'send', ...parameters }, items);

describe('Message: Send follows "Відправка SMS-повідомлення"', () => {
	it('Telegram: no #ID recipients; only a 4 to 8 digit code goes out, as __TGM__: <code>', async () => {
		const login = account();
		const byId = await send(login, { channel: 'tg', phones: '#123456789', message: 'Hello' });
		expect(byId.error).toMatch(/"#123456789" is not a valid phone number/);
		const text = await send(login, { channel: 'tg', phones: '+79991234567', message: 'Your code is 4821' });
		expect(text.error).toMatch(/only a numeric code of 4 to 8 digits/);
		expect(text.requests).toEqual([]);
		const code = await send(login, { channel: 'tg', phones: '+79991234567', message: '4821' });
		expect(code.error).toBe('');
		expect(code.requests).toEqual([{ script: 'send', phones: '+79991234567', mes: '__TGM__: 4821' }]);
		expect(emu.getMessages({ login })[0]).toMatchObject({ channel: 'tgm', text: '4821' });
	});

	it('WAP push needs the link and the title', async () => {
		const login = account();
		const alone = await send(login, { channel: 'push', phones: '+79991234567', pushUrl: 'http://wap.ru' });
		expect(alone.error).toMatch(/WAP push title is empty/);
		expect(alone.requests).toEqual([]);
		const both = await send(login, { channel: 'push', phones: '+79991234567', pushUrl: 'http://wap.ru', pushTitle: 'WAP.RU' });
		expect(both.error).toBe('');
		expect(both.requests).toEqual([{ script: 'send', phones: '+79991234567', mes: 'http://wap.ru\nWAP.RU', push: '1' }]);
	});

	it('Validity takes hh:mm, so a one-time code can live five minutes; out of range is refused before sending', async () => {
		const login = account();
		const five = await send(login, { phones: '+79991234567', message: 'Code 1234', options: { valid: '00:05' } });
		expect(five.error).toBe('');
		expect(emu.getMessages({ login })[0].options.valid).toBe('00:05');
		const bad = await send(login, { phones: '+79991234567', message: 'Code 1234', options: { valid: '25' } });
		expect(bad.error).toMatch(/Validity "25" is not 1 to 24 hours or a time hh:mm/);
		expect(bad.requests).toHaveLength(1);
	});

	it('Voice call: param is sent only as the user set it, all three values, never filled in', async () => {
		const login = account();
		const one = await send(login, { channel: 'call', phones: '+79991234567', message: 'Your code is 1 2 3 4', callOptions: { waitSeconds: 20 } });
		expect(one.error).toMatch(/Set Retry Interval \(Seconds\) and Attempts too/);
		expect(one.requests).toEqual([]);
		const all = await send(login, { channel: 'call', phones: '+79991234567', message: 'Your code is 1 2 3 4', callOptions: { waitSeconds: 20, retryInterval: 60, attempts: 3 } });
		expect(all.error).toBe('');
		expect(all.requests[0]).toMatchObject({ call: '1', param: '20,60,3' });
		expect(emu.getMessages({ login })[0].callParams).toEqual({ wait: 20, interval: 60, attempts: 3, defaults: false });
		const none = await send(login, { channel: 'call', phones: '+79991234568', message: 'Your code is 1 2 3 4' });
		expect(none.requests[1]).not.toHaveProperty('param');
	});

	it('Time Zone: added but empty sends no tz (the account setting applies); the range reaches -15 and 11', async () => {
		const login = account({ tz: 2 });
		const empty = await send(login, { phones: '+79991234567', message: 'Window', options: { hourWindow: '9-21', tz: '' } });
		expect(empty.error).toBe('');
		expect(empty.requests[0]).not.toHaveProperty('tz');
		const far = await send(login, { phones: '+79991234567', message: 'Far east', options: { hourWindow: '9-21', tz: '11' } });
		expect(far.requests[1]).toMatchObject({ tz: '11' });
		const wrong = await send(login, { phones: '+79991234567', message: 'Nowhere', options: { hourWindow: '9-21', tz: '12' } });
		expect(wrong.error).toMatch(/Time Zone "12" is not a number of hours from Moscow time from -15 to 11/);
	});

	it('length: 1000 characters of mes, comment and marker included, counted in characters not UTF-16 units', async () => {
		const login = account();
		const emoji = await send(login, { phones: '+79991234567', message: '😀'.repeat(600) });
		expect(emoji.error).toBe('');
		const comment = 'campaign 7';
		const tooLong = await send(login, { phones: '+79991234567', message: 'a'.repeat(1000 - comment.length - 4), options: { comment } });
		expect(tooLong.error).toMatch(/1001 characters long; SMSC accepts at most 1000 \(text, comment and the comment marker together\)/);
	});

	it('list batching: a sender name with ";" goes in a request of its own, since ";" separates phones and text', async () => {
		const login = account({ senders: ['A;B', 'Shop'] });
		const { error, requests } = await send(login, { phones: '={{ $json.phone }}', message: 'Hi', options: { sender: '={{ $json.sender }}' } }, [
			{ phone: '+79991234567', sender: 'A;B' },
			{ phone: '+79991234568', sender: 'Shop' },
			{ phone: '+79991234569', sender: 'Shop' },
		]);
		expect(error).toBe('');
		expect(requests.find((r) => r.sender === 'A;B')).toMatchObject({ phones: '+79991234567', mes: 'Hi' });
		expect(emu.getMessages({ login }).map((m) => m.sender).sort()).toEqual(['A;B', 'Shop', 'Shop']);
	});

	it('an unregistered sender name: error 6 says the name is not registered', async () => {
		const login = account();
		const { error } = await send(login, { phones: '+79991234567', message: 'Hi', options: { sender: 'Unknown' } });
		expect(error).toMatch(/error 6\): the sender name is not registered and approved in the SMSC account/);
	});

	it('WhatsApp and social networks are channels (whatsapp=1, soc=1)', async () => {
		const login = account();
		await send(login, { channel: 'whatsapp', phones: '+79991234567', message: 'Hi on WhatsApp' });
		await send(login, { channel: 'soc', phones: '+79991234568', message: 'Hi on VK' });
		expect(emu.getMessages({ login }).map((m) => [m.channel, m.text])).toEqual([
			['whatsapp', 'Hi on WhatsApp'],
			['soc', 'Hi on VK'],
		]);
	});

	it('Report Wrong Numbers (err=1) lists the refused recipients', async () => {
		const login = account();
		await fetch(`${emu.url}/sys/phones.php`, { method: 'POST', body: new URLSearchParams({ login, psw: PASSWORD, add_black: '1', phone: '79991234568' }) });
		const { json, requests } = await send(login, { phones: '+79991234567, +79991234568', message: 'Hi', options: { wrongNumbers: true } });
		expect(requests.at(-1)).toMatchObject({ err: '1' });
		expect(json[0].wrongNumbers).toEqual([expect.objectContaining({ phone: '79991234568', status: 23, error: 252 })]);
	});

	it('File URL: SMSC downloads the file (at least 101 bytes) for a voice call', async () => {
		const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'audio/mpeg' }).end(Buffer.alloc(2048, 3)));
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		try {
			const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/greeting.mp3`;
			const login = account();
			const { error, requests } = await send(login, { channel: 'call', phones: '+79991234567', message: 'Hello', options: { fileUrl: url } });
			expect(error).toBe('');
			expect(requests[0]).toMatchObject({ fileurl: url });
			expect(emu.getMessages({ login })[0].files).toEqual([expect.objectContaining({ field: 'fileurl', size: 2048, contentType: 'audio/mpeg' })]);
			const bad = await send(login, { phones: '+79991234567', message: 'Hi', options: { fileUrl: 'ftp://example.com/x' } });
			expect(bad.error).toMatch(/File URL "ftp:\/\/example.com\/x" is not an http or https address/);
		} finally {
			await new Promise<void>((r) => server.close(() => r()));
		}
	});

	it('web-form codes: Visitor IP Address, Captcha Code and Confirm Number Every (Days) go as userip, imgcode, smsreq', async () => {
		const login = account();
		const { error, requests } = await send(login, {
			phones: '+79991234567',
			message: 'Code 1234',
			options: { userIp: '203.0.113.5', captchaCode: 'x7k2', confirmEveryDays: 30 },
		});
		expect(error).toBe('');
		expect(requests[0]).toMatchObject({ userip: '203.0.113.5', imgcode: 'x7k2', smsreq: '30' });
		const alone = await send(login, { phones: '+79991234567', message: 'Code 5678', options: { captchaCode: 'x7k2' } });
		expect(alone.error).toMatch(/Captcha Code needs the visitor's address/);
	});
});

describe('Message: Get Status matches entries by id and phone', () => {
	it('a reordered answer with a missing entry puts every status on its own message', async () => {
		const login = account({ statusListOrder: 'reordered' });
		emu.setPhoneOutcome({ login, phone: '79991234568', status: 20, err: 1 });
		await send(login, { phones: '+79991234567', message: 'First' });
		await send(login, { phones: '+79991234568', message: 'Second' });
		const [first, second] = emu.getMessages({ login });
		emu.advanceClock({ ms: 1000 });
		await new Promise((r) => setTimeout(r, 400));
		const { json, error } = await run(login, {
			resource: 'message',
			operation: 'getStatus',
			messageId: `${first.id},${second.id},999`,
			phones: '+79991234567,+79991234568,+79991234569',
		});
		expect(error).toBe('');
		expect(json.map((row) => [row.id, row.phone, row.status])).toEqual([
			[first.id, '79991234567', 1],
			[second.id, '79991234568', 20],
			['999', '+79991234569', -3],
		]);
	});
});

describe('Sender Name: Get Many', () => {
	it('with no filter asks with SMSC\'s default all=0 and lists active names only', async () => {
		const login = account();
		await fetch(`${emu.url}/sys/senders.php`, { method: 'POST', body: new URLSearchParams({ login, psw: PASSWORD, add: '1', sender: '79990001122' }) });
		const { json, requests } = await run(login, { resource: 'senderName', operation: 'getAll', returnAll: true });
		expect(requests.at(-1)).not.toHaveProperty('all');
		expect(json.map((row) => row.name ?? row.sender)).toEqual(['MyShop']);
		const every = await run(login, { resource: 'senderName', operation: 'getAll', returnAll: true, filters: { activeOnly: false } });
		expect(every.requests.at(-1)).toMatchObject({ all: '1' });
		expect(every.json).toHaveLength(2);
	});
});

describe('Contact: Get Many with Return All, with and without int_id', () => {
	async function addContacts(login: string, count: number) {
		for (let start = 0; start < count; start += 50) {
			await Promise.all(
				Array.from({ length: Math.min(50, count - start) }, (_, i) =>
					fetch(`${emu.url}/sys/phones.php`, {
						method: 'POST',
						body: new URLSearchParams({ login, psw: PASSWORD, add: '1', phone: String(79000000000 + start + i) }),
					}),
				),
			);
		}
	}

	it('pages past 1000 with int_id', async () => {
		const login = account();
		await addContacts(login, 1001);
		const { json, error } = await run(login, { resource: 'contact', operation: 'getAll', returnAll: true });
		expect(error).toBe('');
		expect(json).toHaveLength(1001);
	});

	it('without int_id (the page\'s own shape) a full page is an error that says so, never a silent stop at 1000', async () => {
		const login = account({ contactIntId: false });
		await addContacts(login, 1001);
		const { json, error } = await run(login, { resource: 'contact', operation: 'getAll', returnAll: true });
		expect(json).toEqual([]);
		expect(error).toMatch(/SMSC returned 1000 contacts without their server IDs \(int_id\), so the rest cannot be requested/);
		const limited = await run(login, { resource: 'contact', operation: 'getAll', returnAll: false, limit: 1000 });
		expect(limited.json).toHaveLength(1000);
	});
});

describe('SMSC Trigger: HLR results', () => {
	it('decodes the urlencoded country and operator into hlr, keeping the fields as sent', async () => {
		const server = await startTriggerServer({ events: ['deliveryStatus'], token: TOKEN });
		try {
			await server.activate();
			const login = account();
			emu.setHandlerUrl({ login, url: `${server.url}?token=${TOKEN}`, method: 'POST' });
			emu.setHlrResult({ login, phone: '79991234567', cn: 'Россия', net: 'Beeline & Co' });
			await send(login, { channel: 'hlr', phones: '+79991234567' });
			emu.advanceClock({ ms: 1000 });
			await emu.waitForCallbacks();
			await server.idle();
			const [[item]] = server.runs;
			expect(item).toMatchObject({ net: 'Beeline+%26+Co', hlr: expect.objectContaining({ cn: 'Россия', net: 'Beeline & Co' }) });
		} finally {
			await server.close();
		}
	});
});

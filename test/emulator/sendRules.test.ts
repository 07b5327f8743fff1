/**
 * send.php rules read line by line from SMSC's page "Відправка SMS-повідомлення" (and the SMPP page
 * "Отправка сообщения" for the Telegram prefix): each test names the rule it checks.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { call, DEMO, raw, useEmulator } from './helpers';

const emu = useEmulator();

const send = async (params: Record<string, string | number>) =>
	(await call(emu, 'send', { fmt: 3, ...params })).json;
const lastMessage = () => emu.getMessages({ login: 'demo', limit: 1 })[0];

describe('Telegram: only numeric codes of 4 to 8 digits after __TGM__:', () => {
	test.each(['1234', '12345678'])('accepts %s', async (code) => {
		expect(await send({ phones: '79990000001', mes: `__TGM__: ${code}` })).toEqual({
			id: 1,
			cnt: 1,
		});
		expect(lastMessage()).toMatchObject({ channel: 'tgm', type: 14, text: code });
	});

	test.each(['123', '123456789', 'Your code 1234', '12ab'])(
		'refuses %s with error 1',
		async (text) => {
			expect(await send({ phones: '79990000001', mes: `__TGM__: ${text}` })).toMatchObject({
				error_code: 1,
			});
			expect(emu.getMessages({ login: 'demo' })).toHaveLength(0);
		},
	);

	test('a #ID recipient is not a phone: error 7', async () => {
		expect(await send({ phones: '#123456789', mes: '__TGM__: 1234' })).toMatchObject({
			error_code: 7,
		});
	});

	test('there is no tgm=1 flag on the HTTP page: the request is an ordinary SMS', async () => {
		await send({ phones: '79990000001', mes: 'hello', tgm: 1 });
		expect(lastMessage()).toMatchObject({ channel: 'sms', type: 0 });
	});
});

describe('WAP push: "the link and the title separated by a line break"', () => {
	test('link and title are accepted (the page example)', async () => {
		const r = await raw(
			emu,
			`/sys/send.php?login=demo&psw=demo-password&phones=79999999999&mes=http://wap.ru%0AWAP.RU&push=1&fmt=3`,
		);
		expect(r.json).toEqual({ id: 1, cnt: 1 });
	});

	test.each([
		['a link alone', 'http://wap.ru'],
		['an empty title', 'http://wap.ru\n'],
		['no link', '\nWAP.RU'],
	])('%s → error 1', async (_name, mes) => {
		expect(await send({ phones: '79990000001', mes, push: 1 })).toMatchObject({ error_code: 1 });
	});
});

describe('e-mail: "subject, text and sender address are required"', () => {
	const ok = {
		phones: 'anna@example.com',
		mes: 'Invoice',
		mail: 1,
		subj: 'Invoice 7',
		sender: 'shop@example.com',
	};

	test('all three given: sent, subject recorded', async () => {
		expect(await send(ok)).toEqual({ id: 1, cnt: 1 });
		expect(lastMessage()).toMatchObject({
			channel: 'mail',
			phone: 'anna@example.com',
			subject: 'Invoice 7',
			sender: 'shop@example.com',
		});
	});

	test.each([
		['no subject', { subj: '' }],
		['no text', { mes: '' }],
		['no sender', { sender: '' }],
		['a sender that is not an address', { sender: 'MyShop' }],
	])('%s → error 1', async (_name, change) => {
		expect(await send({ ...ok, ...change })).toMatchObject({ error_code: 1 });
	});

	test('an unregistered sender address → error 6', async () => {
		expect(await send({ ...ok, sender: 'other@example.com' })).toMatchObject({
			error_code: 6,
			id: 1,
		});
	});
});

describe('sender names: "all names are registered in the account"', () => {
	test('a registered, active name is used', async () => {
		expect(await send({ phones: '79990000001', mes: 'x', sender: 'MyShop' })).toEqual({
			id: 1,
			cnt: 1,
		});
		expect(lastMessage().sender).toBe('MyShop');
	});

	test('an unregistered name → error 6 with the id; nothing is charged', async () => {
		expect(await send({ phones: '79990000001', mes: 'x', sender: 'Nobody' })).toEqual({
			error: 'message is denied',
			error_code: 6,
			id: 1,
		});
		expect(emu.getAccount({ login: 'demo' }).balance).toBe('1000.00');
	});

	test('a name waiting for moderation or rejected → error 6; once approved it works', async () => {
		await call(emu, 'senders', { add: 1, sender: '79990001122', fmt: 3 });
		expect(await send({ phones: '79990000001', mes: 'x', sender: '79990001122' })).toMatchObject({
			error_code: 6,
		});
		emu.setSenderStatus({ login: 'demo', sender: '79990001122', status: 1 });
		// another text: the refused request counts towards the one-identical-send-a-minute limit
		expect(await send({ phones: '79990000001', mes: 'y', sender: '79990001122' })).toMatchObject({
			cnt: 1,
		});
	});

	test('a name added with senders.php can be used at once (alphanumeric names are active)', async () => {
		await call(emu, 'senders', { add: 1, sender: 'NewShop', fmt: 3 });
		expect(await send({ phones: '79990000001', mes: 'x', sender: 'NewShop' })).toMatchObject({
			cnt: 1,
		});
	});

	test('per-line senders in a list are checked as well', async () => {
		expect(await send({ list: 'MyShop|79990000001:a\nNobody|79990000002:b' })).toMatchObject({
			error_code: 6,
		});
		expect(emu.getMessages({ login: 'demo' })).toHaveLength(0);
	});

	test('accounts get names with the `senders` option or updateAccount', async () => {
		emu.createAccount({ login: 'acme', psw: 'pw', senders: ['Acme'] });
		const r = await call(
			emu,
			'send',
			{ login: 'acme', psw: 'pw', phones: '79990000001', mes: 'x', sender: 'Acme', fmt: 3 },
			{ auth: false },
		);
		expect(r.json).toEqual({ id: 1, cnt: 1 });
	});
});

describe('valid: "from 1 to 24 hours", or hh:mm "from 00:01 to 24:00"', () => {
	test.each(['1', '24', '00:01', '00:05', '24:00', '3:30'])('accepts %s', async (valid) => {
		expect(await send({ phones: '79990000001', mes: `v${valid}`, valid })).toMatchObject({
			cnt: 1,
		});
		expect(lastMessage().options.valid).toBe(valid);
	});

	test.each(['0', '25', '00:00', '24:01', '1:60', '1.5', 'x'])(
		'refuses %s with error 1',
		async (valid) => {
			expect(await send({ phones: '79990000001', mes: 'v', valid })).toMatchObject({
				error_code: 1,
			});
		},
	);
});

describe('voice param "w,i,n": one wrong value → every default', () => {
	const callWith = async (param?: string) => {
		await send({
			phones: '79990000001',
			mes: `Your code is 1234 ${param ?? ''}`,
			call: 1,
			...(param === undefined ? {} : { param }),
		});
		return lastMessage().callParams;
	};

	test('values in range are used; w under 10 and over 35 are brought into 10..35, i under 10 to 10, n 0 to 1', async () => {
		expect(await callWith('20,60,3')).toEqual({
			wait: 20,
			interval: 60,
			attempts: 3,
			defaults: false,
		});
		expect(await callWith('5,3,0')).toEqual({
			wait: 10,
			interval: 10,
			attempts: 1,
			defaults: false,
		});
		expect(await callWith('99,3600,9')).toEqual({
			wait: 35,
			interval: 3600,
			attempts: 9,
			defaults: false,
		});
	});

	test.each([undefined, '100,60,3', '20,60,10', '20,3601,3', '20,x,3', '20', '20,60'])(
		'param %s → defaults n=8, w=25, rising interval',
		async (param) => {
			expect(await callWith(param)).toEqual({
				wait: 25,
				interval: null,
				attempts: 8,
				defaults: true,
			});
		},
	);
});

describe('tz: hours from Moscow; absent → the account setting', () => {
	const inTwoDays = () => {
		const d = new Date(emu.clock.now() + 2 * 86400_000 + 3 * 3600_000);
		const p = (n: number) => String(n).padStart(2, '0');
		return `${p(d.getUTCDate())}${p(d.getUTCMonth() + 1)}${p(d.getUTCFullYear() % 100)}1200`;
	};

	test('without tz the account time zone applies; tz=0 is Moscow', async () => {
		const time = inTwoDays();
		await send({ phones: '79990000001', mes: 'moscow', time, tz: 0 });
		const moscow = lastMessage().sendAt;
		emu.updateAccount({ login: 'demo', tz: 2 });
		await send({ phones: '79990000001', mes: 'account', time });
		expect(lastMessage().sendAt).toBe(moscow - 2 * 3600_000);
	});

	test.each([-15, -4, 11])('tz=%i is accepted', async (tz) => {
		expect(
			await send({ phones: '79990000001', mes: `tz${tz}`, time: inTwoDays(), tz }),
		).toMatchObject({ cnt: 1 });
	});

	test.each([-16, 12])("tz=%i is outside the world's time zones: error 1", async (tz) => {
		expect(await send({ phones: '79990000001', mes: 'tz', time: inTwoDays(), tz })).toMatchObject({
			error_code: 1,
		});
	});
});

describe('mes: "maximum size 1000 characters", the comment included', () => {
	test('1000 characters with the comment pass; 1001 fail', async () => {
		const comment = '\n~~~\nnote';
		const text = 'a'.repeat(1000 - comment.length);
		expect(await send({ phones: '79990000001', mes: text + comment })).toMatchObject({ cnt: 7 });
		expect(await send({ phones: '79990000001', mes: text + 'b' + comment })).toMatchObject({
			error_code: 1,
		});
	});

	test('characters, not UTF-16 units: 1000 emoji pass', async () => {
		expect(
			await send({ phones: '79990000001', mes: '😀'.repeat(1000), charset: 'utf-8' }),
		).toMatchObject({ id: 1 });
		expect(
			await send({ phones: '79990000001', mes: '😀'.repeat(1001), charset: 'utf-8' }),
		).toMatchObject({ error_code: 1 });
	});
});

describe('list: phones and message "separated by a colon or a semicolon"', () => {
	test('";" separates like ":"; the first separator ends the phones', async () => {
		expect(await send({ list: '79990000001;Hello: there\n79990000002:Hi; you' })).toEqual({
			id: 1,
			cnt: 2,
		});
		expect(emu.getMessages({ login: 'demo' }).map((m) => [m.phone, m.text])).toEqual([
			['79990000001', 'Hello: there'],
			['79990000002', 'Hi; you'],
		]);
	});
});

describe('channels soc, whatsapp and mms', () => {
	test('soc=1 and whatsapp=1 are their own channels and prices', async () => {
		expect(await send({ phones: '79990000001', mes: 'hi', soc: 1, cost: 2 })).toEqual({
			id: 1,
			cnt: 1,
			cost: '2.00',
		});
		expect(lastMessage()).toMatchObject({ channel: 'soc', type: 12 });
		expect(await send({ phones: '79990000001', mes: 'hi', whatsapp: 1, cost: 2 })).toEqual({
			id: 2,
			cnt: 1,
			cost: '1.50',
		});
		expect(lastMessage()).toMatchObject({ channel: 'whatsapp', type: 13 });
	});

	test('mms=1 needs a subject or a text; without a subject the sender name is the subject', async () => {
		expect(await send({ phones: '79990000001', mms: 1 })).toMatchObject({ error_code: 1 });
		expect(await send({ phones: '79990000001', mms: 1, subj: 'Photo', cost: 2 })).toEqual({
			id: 1,
			cnt: 1,
			cost: '10.00',
		});
		expect(lastMessage()).toMatchObject({ channel: 'mms', type: 6, subject: 'Photo' });
		await send({ phones: '79990000001', mms: 1, mes: 'See this', sender: 'MyShop' });
		expect(lastMessage()).toMatchObject({ subject: 'MyShop', text: 'See this' });
	});
});

/** A multipart body as n8n's http helper (form-data) writes it. */
function multipart(
	fields: Record<string, string>,
	files: Array<{ field: string; filename: string; type: string; bytes: Buffer }>,
) {
	const boundary = '----smsc' + Math.random().toString(16).slice(2);
	const chunks: Buffer[] = [];
	for (const [k, v] of Object.entries(fields))
		chunks.push(
			Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
		);
	for (const f of files) {
		chunks.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`,
			),
		);
		chunks.push(f.bytes, Buffer.from('\r\n'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('files in the request body (MMS, e-mail, voice)', () => {
	const png = Buffer.alloc(300, 7);
	const post = (fields: Record<string, string>) => {
		const { body, contentType } = multipart({ ...DEMO, fmt: '3', charset: 'utf-8', ...fields }, [
			{ field: 'file1', filename: 'photo.png', type: 'image/png', bytes: png },
		]);
		return raw(emu, '/sys/send.php', {
			method: 'POST',
			headers: { 'content-type': contentType },
			body,
		});
	};

	test.each([
		['mms', { mms: '1', subj: 'Photo' }],
		[
			'mail',
			{
				mail: '1',
				subj: 'Invoice',
				mes: 'Attached',
				sender: 'shop@example.com',
				phones: 'anna@example.com',
			},
		],
		['call', { call: '1' }],
	])('%s: the file is recorded with its name, type, size and hash', async (channel, fields) => {
		const r = await post({ phones: '79990000001', ...fields });
		expect(r.json).toMatchObject({ id: 1 });
		const [m] = emu.getMessages({ login: 'demo' });
		expect(m.channel).toBe(channel);
		expect(m.files).toEqual([
			{
				field: 'file1',
				filename: 'photo.png',
				contentType: 'image/png',
				size: 300,
				sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
			},
		]);
	});

	test('mms: only the file types the page lists (by extension, jpeg as jpg); e-mail takes any file', async () => {
		const file = (filename: string) => [
			{ field: 'file0', filename, type: 'application/octet-stream', bytes: png },
		];
		const postFiles = (fields: Record<string, string>, files: ReturnType<typeof file>) => {
			const { body, contentType } = multipart(
				{ ...DEMO, fmt: '3', charset: 'utf-8', ...fields },
				files,
			);
			return raw(emu, '/sys/send.php', {
				method: 'POST',
				headers: { 'content-type': contentType },
				body,
			});
		};
		expect(
			(await postFiles({ phones: '79990000001', mms: '1', subj: 'Doc' }, file('terms.pdf'))).json,
		).toMatchObject({ error_code: 1 });
		expect(
			(await postFiles({ phones: '79990000001', mms: '1', subj: 'Photo' }, file('photo.JPEG')))
				.json,
		).toMatchObject({ id: 1 });
		expect(
			(await postFiles({ phones: '79990000001', mms: '1', subj: 'Clip' }, file('clip.3gp'))).json,
		).toMatchObject({ id: 2 });
		const mail = {
			phones: 'anna@example.com',
			mail: '1',
			subj: 'Terms',
			mes: 'Attached',
			sender: 'shop@example.com',
		};
		expect((await postFiles(mail, file('terms.pdf'))).json).toMatchObject({ id: 3 });
	});

	test('an SMS ignores files', async () => {
		await post({ phones: '79990000001', mes: 'text' });
		expect(lastMessage()).toMatchObject({ channel: 'sms', files: [] });
	});
});

describe('fileurl: SMSC downloads the file; "the minimum size is 101 bytes"', () => {
	let server: http.Server;
	let base: string;
	beforeEach(async () => {
		server = http.createServer((req, res) => {
			const size = Number(/\/(\d+)/.exec(req.url ?? '')?.[1] ?? 0);
			if (req.url?.startsWith('/missing')) {
				res.writeHead(404).end();
				return;
			}
			res.writeHead(200, { 'content-type': 'audio/mpeg' }).end(Buffer.alloc(size, 1));
		});
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterEach(async () => {
		await new Promise<void>((r) => server.close(() => r()));
	});

	test('101 bytes are downloaded and recorded; a voice call needs no text then', async () => {
		expect(
			await send({ phones: '79990000001', call: 1, fileurl: `${base}/101/greeting.mp3` }),
		).toMatchObject({ id: 1 });
		expect(lastMessage().files).toEqual([
			expect.objectContaining({
				field: 'fileurl',
				filename: 'greeting.mp3',
				contentType: 'audio/mpeg',
				size: 101,
				url: `${base}/101/greeting.mp3`,
			}),
		]);
	});

	test.each([
		['100 bytes', '/100/small.mp3'],
		['a missing file', '/missing/x.mp3'],
	])('%s → error 1, nothing charged', async (_name, path) => {
		expect(await send({ phones: '79990000001', call: 1, fileurl: base + path })).toMatchObject({
			error_code: 1,
		});
		expect(emu.getAccount({ login: 'demo' }).balance).toBe('1000.00');
	});

	test('not an http address → error 1', async () => {
		expect(
			await send({ phones: '79990000001', call: 1, fileurl: 'file:///etc/passwd' }),
		).toMatchObject({ error_code: 1 });
	});
});

describe('err=1: the wrong numbers in the answer', () => {
	test('only refused recipients are listed, in the op=1 shape', async () => {
		await call(emu, 'phones', { add_black: 1, phone: '79990000003', fmt: 3 });
		const r = await send({ phones: '79990000001,12,79990000003', mes: 'x', err: 1 });
		expect(r).toEqual({
			id: 1,
			cnt: 1,
			phones: [
				{
					phone: '79990000003',
					mccmnc: expect.any(String),
					cost: '0.00',
					status: '23',
					error: '252',
				},
				{ phone: '12', mccmnc: '', cost: '0.00', status: '22', error: '249' },
			],
		});
	});
});

describe('userip, imgcode and smsreq', () => {
	test('userip: the per-IP daily limit of the account counts recipients; another IP is separate', async () => {
		emu.updateAccount({ login: 'demo', ipDailyLimit: 2 });
		expect(
			await send({ phones: '79990000001,79990000002', mes: 'a', userip: '203.0.113.5' }),
		).toMatchObject({ cnt: 2 });
		expect(await send({ phones: '79990000003', mes: 'b', userip: '203.0.113.5' })).toMatchObject({
			error_code: 6,
		});
		expect(await send({ phones: '79990000003', mes: 'b', userip: '203.0.113.6' })).toMatchObject({
			cnt: 1,
		});
		expect(lastMessage().options).toMatchObject({ userip: '203.0.113.6' });
	});

	test('imgcode must come with userip; a malformed userip → error 1', async () => {
		expect(await send({ phones: '79990000001', mes: 'a', imgcode: 'x7k2' })).toMatchObject({
			error_code: 1,
		});
		expect(await send({ phones: '79990000001', mes: 'a', userip: '999.1.1.1' })).toMatchObject({
			error_code: 1,
		});
		expect(
			await send({ phones: '79990000001', mes: 'a', userip: '2001:db8::1', imgcode: 'x7k2' }),
		).toMatchObject({ cnt: 1 });
		expect(lastMessage().options).toMatchObject({ userip: '2001:db8::1', imgcode: 'x7k2' });
	});

	test.each([
		['10', true],
		['999', true],
		['9', false],
		['1000', false],
		['ten', false],
	])('smsreq=%s accepted: %s', async (smsreq, ok) => {
		const r = await send({ phones: '79990000001', mes: `r${smsreq}`, smsreq });
		if (ok) expect(lastMessage().options.smsreq).toBe(smsreq);
		else expect(r).toMatchObject({ error_code: 1 });
	});
});

describe('binary messages', () => {
	test('bin=1: the urlencoded bytes themselves; parts from the byte count', async () => {
		const bytes = Buffer.from([0x00, ...Buffer.from('Hello')]);
		const mes = Array.from(bytes, (b) => '%' + b.toString(16).padStart(2, '0')).join('');
		const r = await raw(
			emu,
			`/sys/send.php?login=demo&psw=demo-password&phones=79990000001&bin=1&mes=${mes}&fmt=3`,
		);
		expect(r.json).toEqual({ id: 1, cnt: 1 });
		expect(lastMessage()).toMatchObject({
			channel: 'bin',
			type: 2,
			text: '0048656C6C6F',
			options: expect.objectContaining({ bin: '1' }),
		});
		const long = '%41'.repeat(141);
		expect(
			(
				await raw(
					emu,
					`/sys/send.php?login=demo&psw=demo-password&phones=79990000001&bin=1&mes=${long}&fmt=3`,
				)
			).json,
		).toEqual({ id: 2, cnt: 2 });
	});

	test('bin=1 bytes are not text: 0x80 to 0xFF survive whatever the charset, in a form body too', async () => {
		const body = `login=demo&psw=demo-password&phones=79990000001&bin=1&mes=%00%80%FF%0A%3A&fmt=3&charset=utf-8`;
		const r = await raw(emu, '/sys/send.php', {
			method: 'POST',
			body,
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
		});
		expect(r.json).toEqual({ id: 1, cnt: 1 });
		expect(lastMessage()).toMatchObject({ channel: 'bin', text: '0080FF0A3A' });
	});

	test('bin=2 must be hex bytes', async () => {
		expect(await send({ phones: '79990000001', mes: '050A03', bin: 2 })).toMatchObject({ cnt: 1 });
		expect(await send({ phones: '79990000001', mes: '050A0', bin: 2 })).toMatchObject({
			error_code: 1,
		});
		expect(await send({ phones: '79990000001', mes: 'hello', bin: 2 })).toMatchObject({
			error_code: 1,
		});
	});
});

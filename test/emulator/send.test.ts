import { createHash } from 'node:crypto';
import { encodeText } from './codec';
import { call, raw, useEmulator } from './helpers';
import { countParts } from './sms';

const emu = useEmulator();

/** send.php with op=1, in JSON: the answer lists every recipient with its outcome. */
const sendListingAll = async (phones: string, mes: string) =>
	(await call(emu, 'send', { phones, mes, op: 1, fmt: 3 })).json;

describe('send.php examples of "Відправка SMS-повідомлення"', () => {
	test('plain message, fmt=0 default: "OK - 1 SMS, ID - <id>"', async () => {
		const r = await raw(
			emu,
			'/sys/send.php?login=demo&psw=demo-password&phones=79999999999&mes=Hello!',
		);
		expect(r.status).toBe(200);
		expect(r.text).toBe('OK - 1 SMS, ID - 1');
		expect(emu.getAccount({ login: 'demo' }).balance).toBe('997.50');
	});

	test('list with \\n escape: one id, 2 SMS', async () => {
		const r = await raw(
			emu,
			'/sys/send.php?login=demo&psw=demo-password&list=79999999999:Hello!%0A79999999999:Hello\\nworld!',
		);
		expect(r.text).toBe('OK - 2 SMS, ID - 1');
		const msgs = emu.getMessages({ login: 'demo' });
		expect(msgs.map((m) => m.text)).toEqual(['Hello!', 'Hello\nworld!']);
		expect(new Set(msgs.map((m) => m.id))).toEqual(new Set([1]));
	});

	test('flash, translit, utf-8, past time, sender', async () => {
		const r = await raw(
			emu,
			'/sys/send.php?login=demo&psw=demo-password&phones=79999999999&mes=Hello%20world!&translit=1&time=0101120000&flash=1&sender=ivan&charset=utf-8&fmt=3',
		);
		expect(r.json).toEqual({ id: 1, cnt: 1 });
		const [m] = emu.getMessages({ login: 'demo' });
		expect(m).toMatchObject({ channel: 'flash', type: 1, sender: 'ivan', text: 'Hello world!' });
		expect(m.options).toMatchObject({ flash: '1', translit: '1', time: '0101120000' });
		expect(m.sendAt).toBe(m.createdAt); // 01.01.2012 is past: sent at once
	});

	test('binary EMS (bin=2) and WAP push', async () => {
		const r1 = await raw(
			emu,
			'/sys/send.php?login=demo&psw=demo-password&phones=79999999999&mes=050A0307056048656C6C6F2C20576F726C6421&bin=2&fmt=3',
		);
		expect(r1.json).toEqual({ id: 1, cnt: 1 });
		const r2 = await raw(
			emu,
			'/sys/send.php?login=demo&psw=demo-password&phones=79999999999&mes=http://wap.ru%0AWAP.RU&push=1&fmt=3',
		);
		expect(r2.json).toEqual({ id: 2, cnt: 1 });
		expect(emu.getMessages({ login: 'demo' }).map((m) => [m.channel, m.type])).toEqual([
			['bin', 2],
			['push', 3],
		]);
	});
});

describe('answer shapes: cost × fmt', () => {
	const base = { phones: '79999999999', mes: 'Hi' };
	test.each([
		[0, 0, 'OK - 1 SMS, ID - 1'],
		[1, 0, '2.50 (1 SMS)'],
		[2, 0, 'OK - 1 SMS, ID - 1, COST - 2.50'],
		[3, 0, 'OK - 1 SMS, ID - 1, COST - 2.50, BALANCE - 997.50'],
		[0, 1, '1,1'],
		[1, 1, '2.50,1'],
		[2, 1, '1,1,2.50'],
		[3, 1, '1,1,2.50,997.50'],
		[0, 2, '<result>\n<id>1</id>\n<cnt>1</cnt>\n</result>'],
		[1, 2, '<result>\n<cost>2.50</cost>\n<cnt>1</cnt>\n</result>'],
		[2, 2, '<result>\n<id>1</id>\n<cnt>1</cnt>\n<cost>2.50</cost>\n</result>'],
		[
			3,
			2,
			'<result>\n<id>1</id>\n<cnt>1</cnt>\n<cost>2.50</cost>\n<balance>997.50</balance>\n</result>',
		],
		[0, 3, '{"id":1,"cnt":1}'],
		[1, 3, '{"cost":"2.50","cnt":1}'],
		[2, 3, '{"id":1,"cnt":1,"cost":"2.50"}'],
		[3, 3, '{"id":1,"cnt":1,"cost":"2.50","balance":"997.50"}'],
	])('cost=%i fmt=%i', async (cost, fmt, expected) => {
		const r = await call(emu, 'send', { ...base, cost, fmt });
		expect(r.text).toBe(expected);
		expect(emu.getAccount({ login: 'demo' }).balance).toBe(cost === 1 ? '1000.00' : '997.50');
		expect(emu.getMessages({ login: 'demo' })).toHaveLength(cost === 1 ? 0 : 1);
	});

	test('op=1 adds every recipient, in all formats', async () => {
		expect(await sendListingAll('79999999999,+79999999998,123', 'Hi')).toEqual({
			id: 1,
			cnt: 2,
			phones: [
				{
					phone: '79999999999',
					mccmnc: expect.stringMatching(/^250\d\d$/),
					cost: '2.50',
					status: '-1',
					error: '0',
				},
				{
					phone: '79999999998',
					mccmnc: expect.stringMatching(/^250\d\d$/),
					cost: '2.50',
					status: '-1',
					error: '0',
				},
				{ phone: '123', mccmnc: '', cost: '0.00', status: '22', error: '249' },
			],
		});
		const t = await call(emu, 'send', { phones: '79999999997', mes: 'Hi', op: 1 });
		expect(t.text).toMatch(/^OK - 1 SMS, ID - 2\n79999999997,250\d\d,2\.50,-1,0$/);
		const x = await call(emu, 'send', { phones: '79999999996', mes: 'Hi', op: 1, fmt: 2 });
		expect(x.text).toMatch(
			/<phones>\n<phone mccmnc="250\d\d" cost="2.50" status="-1" error="0">79999999996<\/phone>\n<\/phones>/,
		);
	});

	test('err=1 lists only refused numbers', async () => {
		const r = await call(emu, 'send', { phones: '79999999999,12ab', mes: 'Hi', err: 1, fmt: 3 });
		expect(r.json).toEqual({
			id: 1,
			cnt: 1,
			phones: [{ phone: '12ab', mccmnc: '', cost: '0.00', status: '22', error: '249' }],
		});
	});
});

describe('errors', () => {
	test('1: missing phones or mes, bad id, bad cost', async () => {
		expect((await call(emu, 'send', { mes: 'x', fmt: 3 })).json).toEqual({
			error: 'parameters error',
			error_code: 1,
		});
		expect((await call(emu, 'send', { phones: '79999999999' })).text).toBe(
			'ERROR = 1 (parameters error)',
		);
		expect(
			(await call(emu, 'send', { phones: '79999999999', mes: 'x', id: 'bad id!', fmt: 1 })).text,
		).toBe('0,-1');
		expect(
			(await call(emu, 'send', { phones: '79999999999', mes: 'x', cost: 7, fmt: 3 })).json
				.error_code,
		).toBe(1);
		expect(
			(await call(emu, 'send', { phones: '79999999999', mes: 'x'.repeat(1001), fmt: 3 })).json
				.error_code,
		).toBe(1);
	});

	test('2: wrong password, unknown login, apikey works', async () => {
		const r = await call(emu, 'send', {
			login: 'demo',
			psw: 'nope',
			phones: '79999999999',
			mes: 'x',
		});
		expect(r.text).toBe('ERROR = 2 (authorise error)');
		const x = await call(emu, 'send', {
			login: 'ghost',
			psw: 'x',
			phones: '79999999999',
			mes: 'x',
			fmt: 2,
		});
		expect(x.text).toBe(
			'<result>\n<error>authorise error</error>\n<error_code>2</error_code>\n</result>',
		);
		const k = await call(
			emu,
			'send',
			{ apikey: 'demo-api-key', phones: '79999999999', mes: 'x', fmt: 3 },
			{ auth: false },
		);
		expect(k.json).toEqual({ id: 1, cnt: 1 });
		const md5 = createHash('md5').update('demo-password').digest('hex');
		expect(
			(await call(emu, 'balance', { login: 'demo', psw: md5, fmt: 3 }, { auth: false })).json,
		).toEqual({ balance: '997.50' });
		const bad = await call(emu, 'balance', { apikey: 'wrong', fmt: 3 }, { auth: false });
		expect(bad.json).toEqual({ error: 'authorise error', error_code: 2 });
	});

	test('3: not enough money carries the id and sends nothing', async () => {
		emu.setBalance({ login: 'demo', balance: 4 });
		const r = await call(emu, 'send', { phones: '79999999999,79999999998', mes: 'x', fmt: 3 });
		expect(r.json).toEqual({ error: 'no money', error_code: 3, id: 1 });
		expect((await call(emu, 'send', { phones: '79999999999,79999999998', mes: 'y' })).text).toBe(
			'ERROR = 3 (no money), ID - 2',
		);
		expect(
			(await call(emu, 'send', { phones: '79999999999,79999999998', mes: 'z', fmt: 1 })).text,
		).toBe('3,-3');
		expect(emu.getMessages({ login: 'demo' })).toHaveLength(0);
		expect(emu.getAccount({ login: 'demo' }).balance).toBe('4.00');
		expect(
			(await call(emu, 'send', { phones: '79999999999', mes: 'one', fmt: 3, cost: 3 })).json,
		).toMatchObject({ balance: '1.50' });
	});

	test('5: malformed time', async () => {
		for (const time of ['tomorrow', '3201120000', '32.01.24 10:00', '1-30', '+x']) {
			const r = await call(emu, 'send', { phones: '79999999999', mes: `t ${time}`, time, fmt: 3 });
			expect(r.json).toEqual({ error: 'wrong date format', error_code: 5 });
		}
	});

	test('6: sender name too long', async () => {
		const r = await call(emu, 'send', {
			phones: '79999999999',
			mes: 'x',
			sender: 'ABCDEFGHIJKL',
			fmt: 3,
		});
		expect(r.json).toEqual({ error: 'message is denied', error_code: 6, id: 1 });
	});

	test('7: no valid phone; 8: all blacklisted', async () => {
		expect((await call(emu, 'send', { phones: '12345', mes: 'x', fmt: 3 })).json).toEqual({
			error: 'invalid phone',
			error_code: 7,
			id: 1,
		});
		expect((await call(emu, 'send', { phones: 'abc;', mes: 'x' })).text).toBe(
			'ERROR = 7 (invalid phone), ID - 2',
		);
		await call(emu, 'phones', { add_black: 1, phone: '79990000001' });
		expect((await call(emu, 'send', { phones: '79990000001', mes: 'x', fmt: 3 })).json).toEqual({
			error: "can't deliver the message",
			error_code: 8,
			id: 3,
		});
	});
});

describe('recipients and parts', () => {
	test('phone formats: +, separators, 8→7 auto-correction, 10..15 digits', async () => {
		const json = await sendListingAll(
			'+7 (999) 111-22-33; 89991112234, 9991112235,+380501234567,123456789',
			'x',
		);
		expect(json.cnt).toBe(4);
		expect(json.phones.map((p: { phone: string }) => p.phone)).toEqual([
			'79991112233',
			'79991112234',
			'79991112235',
			'380501234567',
			'123456789',
		]);
		expect(json.phones[4].status).toBe('22');
	});

	test('part counting: GSM-7 160/153, UCS-2 70/67, extension chars count twice', () => {
		expect(countParts('a'.repeat(160)).parts).toBe(1);
		expect(countParts('a'.repeat(161)).parts).toBe(2);
		expect(countParts('a'.repeat(306)).parts).toBe(2);
		expect(countParts('a'.repeat(307)).parts).toBe(3);
		expect(countParts('я'.repeat(70)).parts).toBe(1);
		expect(countParts('я'.repeat(71)).parts).toBe(2);
		expect(countParts('я'.repeat(134)).parts).toBe(2);
		expect(countParts('я'.repeat(135)).parts).toBe(3);
		expect(countParts('{'.repeat(80)).parts).toBe(1);
		expect(countParts('{'.repeat(81)).parts).toBe(2);
		expect(countParts('a'.repeat(159) + '€').parts).toBe(2);
		expect(countParts('a'.repeat(69) + '😀').encoding).toBe('ucs2');
	});

	test('cnt and cost = parts × recipients; Cyrillic in utf-8 and windows-1251', async () => {
		const r = await call(emu, 'send', {
			phones: '79999999999,79999999998',
			mes: 'Привет '.repeat(11),
			charset: 'utf-8',
			cost: 2,
			fmt: 3,
		});
		expect(r.json).toEqual({ id: 1, cnt: 4, cost: '10.00' });
		// windows-1251 is the default charset: %CF%F0%E8%E2%E5%F2 = "Привет"
		const w = await raw(
			emu,
			'/sys/send.php?login=demo&psw=demo-password&phones=79999999997&mes=%CF%F0%E8%E2%E5%F2&fmt=3',
		);
		expect(w.json).toEqual({ id: 2, cnt: 1 });
		expect(emu.getMessages({ login: 'demo', phone: '79999999997' })[0].text).toBe('Привет');
		// koi8-r on request
		const koi = [...encodeText('Ответ', 'koi8-r')]
			.map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0'))
			.join('');
		await raw(
			emu,
			`/sys/send.php?login=demo&psw=demo-password&phones=79999999996&mes=${koi}&charset=koi8-r&fmt=3`,
		);
		expect(emu.getMessages({ login: 'demo', phone: '79999999996' })[0].text).toBe('Ответ');
		// the answer follows the request's charset
		const s = await raw(
			emu,
			'/sys/status.php?login=demo&psw=demo-password&id=2&phone=79999999997&all=1&fmt=3',
		);
		expect(s.headers.get('content-type')).toBe('application/json; charset=windows-1251');
		expect(s.json.message).toBe('Привет');
		expect(s.bytes.includes(Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]))).toBe(true);
	});

	test('comment after \\n~~~\\n is not sent nor priced; maxsms truncates', async () => {
		const r = await call(emu, 'send', {
			phones: '79999999999',
			mes: 'a'.repeat(160) + '\n~~~\n' + 'comment '.repeat(30),
			fmt: 3,
		});
		expect(r.json.cnt).toBe(1);
		const [m] = emu.getMessages({ login: 'demo' });
		expect(m.comment).toBe('comment '.repeat(30));
		const t = await call(emu, 'send', {
			phones: '79999999999',
			mes: 'b'.repeat(1000),
			maxsms: 2,
			fmt: 3,
		});
		expect(t.json.cnt).toBe(2);
		expect(emu.getMessages({ login: 'demo', id: t.json.id })[0].text).toHaveLength(306);
	});

	test('G<group> expands to the contacts of the group; blacklist types 1 and 2', async () => {
		const g = (await call(emu, 'phones', { add_group: 1, name: 'VIP', num: 7, fmt: 3 })).json.id;
		await call(emu, 'phones', { add: 1, phone: '79990000001', grp: g });
		await call(emu, 'phones', { add: 1, phone: '79990000002,79990000003', grp: g });
		await call(emu, 'phones', { add: 1, phone: '79990000004' });
		await call(emu, 'phones', { add_black: 1, phone: '79990000003', type: 1 }); // mass mailings only
		await call(emu, 'phones', { add_black: 1, phone: '79990000005', type: 2 }); // single messages only
		const json = await sendListingAll('G7', 'x');
		expect(json.cnt).toBe(2);
		expect(json.phones).toEqual([
			expect.objectContaining({ phone: '79990000001', status: '-1' }),
			expect.objectContaining({ phone: '79990000002', status: '-1' }),
			expect.objectContaining({ phone: '79990000003', status: '23', error: '252' }),
		]);
		expect(
			(await call(emu, 'send', { phones: '79990000003', mes: 'single', fmt: 3 })).json,
		).toEqual({ id: 2, cnt: 1 });
		expect(
			(await call(emu, 'send', { phones: '79990000005', mes: 'single', fmt: 3 })).json.error_code,
		).toBe(8);
		expect(
			(await call(emu, 'send', { phones: '79990000005,79990000004', mes: 'mass', fmt: 3 })).json,
		).toEqual({ id: 4, cnt: 2 });
		expect((await call(emu, 'send', { phones: 'G99', mes: 'x', fmt: 3 })).json.error_code).toBe(7);
	});

	test('list: per-line sender and tz, nl=1 multi-line messages', async () => {
		emu.updateAccount({ login: 'demo', senders: ['BANK'] });
		const list = 'SHOP,2|79990000001,79990000002:Hello\\nthere\nBANK|79990000003:Second';
		const r = await call(emu, 'send', { list, fmt: 3 });
		expect(r.json).toEqual({ id: 1, cnt: 3 });
		const msgs = emu.getMessages({ login: 'demo' });
		expect(msgs.map((m) => [m.phone, m.sender, m.text])).toEqual([
			['79990000001', 'SHOP', 'Hello\nthere'],
			['79990000002', 'SHOP', 'Hello\nthere'],
			['79990000003', 'BANK', 'Second'],
		]);
		const n = await call(emu, 'send', {
			list: '79990000004:line one\nline two\n79990000005:other',
			nl: 1,
			fmt: 3,
		});
		expect(n.json.cnt).toBe(2);
		expect(emu.getMessages({ login: 'demo', phone: '79990000004' })[0].text).toBe(
			'line one\nline two',
		);
		expect((await call(emu, 'send', { list: 'no colon here', fmt: 3 })).json.error_code).toBe(1);
	});

	test('client id: numeric and string, not unique', async () => {
		expect(
			(await call(emu, 'send', { phones: '79990000001', mes: 'a', id: 777, fmt: 3 })).json,
		).toEqual({ id: 777, cnt: 1 });
		expect(
			(await call(emu, 'send', { phones: '79990000001', mes: 'b', id: 'order-1.a_b', fmt: 3 }))
				.json,
		).toEqual({ id: 'order-1.a_b', cnt: 1 });
		expect(
			(await call(emu, 'send', { phones: '79990000002', mes: 'c', id: 777, fmt: 3 })).json,
		).toEqual({ id: 777, cnt: 1 });
		expect((await call(emu, 'send', { phones: '79990000003', mes: 'd', fmt: 3 })).json).toEqual({
			id: 1,
			cnt: 1,
		});
	});

	test('channels are accepted, recorded and priced', async () => {
		emu.setPrices({ login: 'demo', prices: { viber: 1, call: 5, hlr: 0.25 } });
		const v = await call(emu, 'send', {
			phones: '79990000001',
			mes: 'hi',
			viber: 1,
			cost: 2,
			fmt: 3,
		});
		expect(v.json).toEqual({ id: 1, cnt: 1, cost: '1.00' });
		const c = await call(emu, 'send', {
			phones: '79990000001',
			mes: 'Your code is 1234',
			call: 1,
			voice: 'w2,en',
			param: '20,10,3',
			cost: 2,
			fmt: 3,
		});
		expect(c.json.cost).toBe('5.00');
		expect(c.json.cnt).toBeGreaterThanOrEqual(10); // seconds
		const h = await call(emu, 'send', {
			phones: '79990000001,79990000002',
			hlr: 1,
			cost: 2,
			fmt: 3,
		});
		expect(h.json).toEqual({ id: 3, cnt: 2, cost: '0.50' });
		await call(emu, 'send', { phones: '79990000003', mes: 'bot msg', bot: '@shop_bot', fmt: 3 });
		expect(
			(await call(emu, 'send', { phones: 'a@b.ru', mes: 'mail', mail: 1, fmt: 3 })).json.error_code,
		).toBe(1); // subj required
		expect(
			(
				await call(emu, 'send', {
					phones: 'a@b.ru',
					mes: 'mail',
					mail: 1,
					subj: 'Hi',
					sender: 'shop@example.com',
					fmt: 3,
				})
			).json,
		).toEqual({ id: 5, cnt: 1 });
		const byId = (id: number) => emu.getMessages({ login: 'demo', id })[0];
		expect(byId(2).options).toMatchObject({ call: '1', voice: 'w2,en', param: '20,10,3' });
		expect(byId(4)).toMatchObject({
			channel: 'bot',
			type: 15,
			options: expect.objectContaining({ bot: '@shop_bot' }),
		});
		expect(byId(5)).toMatchObject({
			channel: 'mail',
			phone: 'a@b.ru',
			options: expect.objectContaining({ subj: 'Hi' }),
		});
	});
});

describe('time parameter', () => {
	test('formats schedule the message', async () => {
		const now = emu.clock.now();
		const cases: Array<[string, number]> = [
			['+30', now + 30 * 60_000],
			[`0${Math.floor(now / 1000) + 3600}`, Math.floor(now / 1000) * 1000 + 3600_000],
		];
		for (const [time, expected] of cases) {
			const r = await call(emu, 'send', { phones: '79990000001', mes: `t${time}`, time, fmt: 3 });
			expect(emu.getMessages({ login: 'demo', id: r.json.id })[0].sendAt).toBe(expected);
		}
		const future = new Date(now + 2 * 86400_000 + 3 * 3600_000); // Moscow wall clock
		const dd = String(future.getUTCDate()).padStart(2, '0');
		const mm = String(future.getUTCMonth() + 1).padStart(2, '0');
		const yy = String(future.getUTCFullYear() % 100).padStart(2, '0');
		for (const time of [`${dd}${mm}${yy}1530`, `${dd}.${mm}.${yy} 15:30`]) {
			const r = await call(emu, 'send', { phones: '79990000001', mes: `t${time}`, time, fmt: 3 });
			const at = new Date(
				emu.getMessages({ login: 'demo', id: r.json.id })[0].sendAt + 3 * 3600_000,
			);
			expect([at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes()]).toEqual([
				future.getUTCDate(),
				15,
				30,
			]);
		}
		const h = await call(emu, 'send', {
			phones: '79990000001',
			mes: 'window',
			time: '0-24',
			fmt: 3,
		});
		expect(emu.getMessages({ login: 'demo', id: h.json.id })[0].sendAt).toBe(now);
	});

	test('a scheduled message stays queued until its time', async () => {
		const r = await call(emu, 'send', { phones: '79990000001', mes: 'later', time: '+10', fmt: 3 });
		emu.advanceClock({ ms: 9 * 60_000 });
		expect(emu.getMessages({ login: 'demo', id: r.json.id })[0].status).toBe(-1);
		emu.advanceClock({ ms: 61_000 });
		expect(emu.getMessages({ login: 'demo', id: r.json.id })[0].status).toBe(1);
	});
});

describe('bodies and endpoints', () => {
	test('POST form and query are merged, body wins', async () => {
		const r = await raw(emu, '/sys/send.php?fmt=1&mes=query', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'login=demo&psw=demo-password&phones=79990000001&mes=body&fmt=3',
		});
		expect(r.json).toEqual({ id: 1, cnt: 1 });
		expect(emu.getMessages({ login: 'demo' })[0].text).toBe('body');
	});

	test('POST /rest/send/ with a flat JSON body', async () => {
		const r = await raw(emu, '/rest/send/', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				login: 'demo',
				psw: 'demo-password',
				phones: '79990000001',
				mes: 'Привет мир',
				cost: 3,
				op: 1,
			}),
		});
		expect(r.json).toMatchObject({
			id: 1,
			cnt: 1,
			cost: '2.50',
			balance: '997.50',
			phones: [expect.objectContaining({ phone: '79990000001' })],
		});
		expect(emu.getMessages({ login: 'demo' })[0].text).toBe('Привет мир');
		const b = await raw(emu, '/rest/send/', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				apikey: 'demo-api-key',
				phones: ['79990000002', '79990000003'],
				mes: 'x',
				flash: false,
				viber: true,
				cost: 2,
			}),
		});
		expect(b.json).toEqual({ id: 2, cnt: 2, cost: '3.00' });
		expect(emu.getMessages({ login: 'demo', id: 2 }).map((m) => [m.phone, m.channel])).toEqual([
			['79990000002', 'viber'],
			['79990000003', 'viber'],
		]);
		const bad = await raw(emu, '/rest/send/', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{oops',
		});
		expect(bad.json).toEqual({ error: 'parameters error', error_code: 1 });
	});

	test('unknown script → 404', async () => {
		expect((await raw(emu, '/sys/nothing.php')).status).toBe(404);
	});
});

describe('duplicate limits', () => {
	test('send: the second identical request within a minute gets error 9', async () => {
		const p = { phones: '79990000001', mes: 'same', fmt: 3 };
		expect((await call(emu, 'send', p)).json).toEqual({ id: 1, cnt: 1 });
		expect((await call(emu, 'send', p)).json).toEqual({
			error: 'duplicate request, wait a minute',
			error_code: 9,
		});
		expect((await call(emu, 'send', { ...p, fmt: 0 })).text).toBe('OK - 1 SMS, ID - 2'); // different parameters
		expect((await call(emu, 'send', { ...p, fmt: 0 })).text).toBe(
			'ERROR = 9 (duplicate request, wait a minute)',
		);
		emu.advanceClock({ ms: 61_000 });
		expect((await call(emu, 'send', p)).json).toEqual({ id: 3, cnt: 1 });
		expect(emu.getStats().error9Duplicate).toBe(2);
	});

	test('cost=1: 5 allowed, the 6th refused', async () => {
		const p = { phones: '79990000001', mes: 'price?', cost: 1, fmt: 3 };
		for (let i = 0; i < 5; i++)
			expect((await call(emu, 'send', p)).json).toEqual({ cost: '2.50', cnt: 1 });
		expect((await call(emu, 'send', p)).json.error_code).toBe(9);
	});

	test('SMSC counts requests, not successes: a failed send counts, so its identical repeat gets 9', async () => {
		const bad = { phones: '1', mes: 'x', fmt: 3 };
		expect((await call(emu, 'send', bad)).json.error_code).toBe(7);
		expect((await call(emu, 'send', bad)).json.error_code).toBe(9);
		// a contact operation refused with 3 counts towards phones.php's 3 a minute
		const del = { del: 1, phone: '79990000077', fmt: 3 };
		for (let i = 0; i < 3; i++) expect((await call(emu, 'phones', del)).json.error_code).toBe(3);
		expect((await call(emu, 'phones', del)).json.error_code).toBe(9);
		// a refusal with 9 itself does not extend the block: a minute after the first requests they pass again
		emu.advanceClock({ ms: 61_000 });
		expect((await call(emu, 'phones', del)).json.error_code).toBe(3);
	});

	test('balance: 10 a minute; limits can be disabled', async () => {
		for (let i = 0; i < 10; i++)
			expect((await call(emu, 'balance', { fmt: 3 })).json).toEqual({ balance: '1000.00' });
		expect((await call(emu, 'balance', { fmt: 3 })).json).toEqual({
			error: 'duplicate request, wait a minute',
			error_code: 9,
		});
		emu.setLimits({ enabled: false });
		expect((await call(emu, 'balance', { fmt: 3 })).json).toEqual({ balance: '1000.00' });
	});
});

import { TextDecoder } from 'node:util';
import { call, handlerServer, start, useEmulator } from './helpers';

const emu = useEmulator({ callbackPolicy: { backoffMs: 10 } });
let handler: Awaited<ReturnType<typeof handlerServer>>;
afterEach(async () => {
	await handler?.close();
});

const cp1251 = new TextDecoder('windows-1251');

/** Decode a form body whose bytes are percent-encoded in `charset`. */
function formFields(body: Buffer, charset: string): Record<string, string> {
	const out: Record<string, string> = {};
	const dec = new TextDecoder(charset);
	for (const pair of body.toString('latin1').split('&')) {
		const [k, v = ''] = pair.split('=');
		const bytes = Buffer.from(
			v
				.replace(/\+/g, ' ')
				.replace(/%([0-9A-F]{2})/gi, (_m, h) => String.fromCharCode(parseInt(h, 16))),
			'latin1',
		);
		out[k] = dec.decode(bytes);
	}
	return out;
}

describe('callbacks to the handler URL', () => {
	test('default: POST form fields in windows-1251 (incoming SMS)', async () => {
		handler = await handlerServer();
		emu.setHandlerUrl({ login: 'demo', url: `${handler.url}/hook?token=s3cret` });
		const { id } = emu.injectIncoming({
			login: 'demo',
			phone: '79991112233',
			mes: 'Привет, мир',
			to: '74950000101',
		});
		const [r] = await handler.waitFor(1);
		expect(r.method).toBe('POST');
		expect(r.url).toBe('/hook?token=s3cret');
		expect(r.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(r.body.toString('latin1')).toContain('mes=%CF%F0%E8%E2%E5%F2%2C+%EC%E8%F0');
		const f = formFields(r.body, 'windows-1251');
		expect(f).toEqual({
			id: String(id),
			phone: '79991112233',
			mes: 'Привет, мир',
			to: '74950000101',
			sent: expect.stringMatching(/^\d{10}$/),
			time: expect.stringMatching(/^\d{10}$/),
			smsc_time: expect.stringMatching(/^\d{10}$/),
		});
		expect(cp1251.decode(Buffer.from([0xcf]))).toBe('П');
	});

	test('charset=utf-8 form; fmt=3 JSON; fmt=2 XML', async () => {
		handler = await handlerServer();
		emu.setHandlerUrl({ login: 'demo', url: `${handler.url}/a?charset=utf-8` });
		emu.injectIncoming({ login: 'demo', phone: '79991112233', mes: 'Привет' });
		emu.setHandlerUrl({ login: 'demo', url: `${handler.url}/b?fmt=3&charset=utf-8` });
		emu.injectIncoming({ login: 'demo', phone: '79991112233', mes: 'Привет' });
		emu.setHandlerUrl({ login: 'demo', url: `${handler.url}/c?fmt=2&charset=utf-8` });
		emu.injectIncoming({ login: 'demo', phone: '79991112233', mes: 'Привет <b>' });
		emu.setHandlerUrl({ login: 'demo', url: `${handler.url}/d?fmt=3` });
		emu.injectIncoming({ login: 'demo', phone: '79991112233', mes: 'Привет' });
		const got = await handler.waitFor(4);
		const by = (p: string) => got.find((r) => r.url.startsWith(p))!;
		expect(new URLSearchParams(by('/a').body.toString('utf8')).get('mes')).toBe('Привет');
		expect(by('/b').headers['content-type']).toBe('application/json; charset=utf-8');
		expect(JSON.parse(by('/b').body.toString('utf8'))).toMatchObject({
			phone: '79991112233',
			mes: 'Привет',
			to: '74950000101',
		});
		expect(by('/c').headers['content-type']).toBe('application/xml; charset=utf-8');
		const xml = by('/c').body.toString('utf8');
		expect(xml).toMatch(
			/^<\?xml version="1.0" encoding="utf-8"\?>\n<data>\n<id>\d+<\/id>\n<phone>79991112233<\/phone>\n<mes>Привет &lt;b&gt;<\/mes>\n/,
		);
		// JSON without charset=utf-8 is windows-1251 too, and says so
		expect(by('/d').headers['content-type']).toBe('application/json; charset=windows-1251');
		expect(JSON.parse(cp1251.decode(by('/d').body)).mes).toBe('Привет');
	});

	test('status callbacks: final by default, 0 and final with statusCallbacks=all; failures carry err', async () => {
		handler = await handlerServer();
		emu.setHandlerUrl({ login: 'demo', url: `${handler.url}/s?fmt=3`, statusCallbacks: 'all' });
		emu.setPhoneOutcome({ login: 'demo', phone: '79990000002', status: 20, err: 1 });
		const r = await call(emu, 'send', {
			phones: '79990000001,79990000002',
			mes: 'x',
			sender: 'SHOP',
			fmt: 3,
		});
		emu.advanceClock({ ms: 60 });
		await emu.waitForCallbacks();
		expect(handler.received).toHaveLength(2);
		emu.advanceClock({ ms: 300 });
		const got = (await handler.waitFor(4)).map((x) => JSON.parse(x.body.toString('utf8')));
		expect(got.map((g) => [g.phone, g.status])).toEqual([
			['79990000001', '0'],
			['79990000002', '0'],
			['79990000001', '1'],
			['79990000002', '20'],
		]);
		expect(got[3]).toEqual({
			id: String(r.json.id),
			phone: '79990000002',
			status: '20',
			err: '1',
			time: String(Math.floor(emu.clock.now() / 1000)),
			ts: expect.stringMatching(/^\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d$/),
			cnt: '1',
			cost: '2.50',
			sender: 'SHOP',
			type: '0',
			mccmnc: expect.stringMatching(/^250\d\d$/),
		});
		emu.updateAccount({ login: 'demo', statusCallbacks: 'final' });
		await call(emu, 'send', { phones: '79990000003', mes: 'y', fmt: 3 });
		emu.advanceClock({ ms: 1000 });
		await emu.waitForCallbacks();
		expect(handler.received).toHaveLength(5);
	});

	test('real clock: the delivery callback arrives on its own', async () => {
		handler = await handlerServer();
		const real = await start({ manualClock: false, deliveryDelays: { toOperator: 20, final: 50 } });
		try {
			real.setHandlerUrl({ login: 'demo', url: `${handler.url}/rt?fmt=3` });
			const r = await call(real, 'send', { phones: '79990000001,79990000002', mes: 'x', fmt: 3 });
			const got = (await handler.waitFor(2, 5000)).map((x) => JSON.parse(x.body.toString('utf8')));
			expect(got.map((g) => [g.id, g.status]).sort()).toEqual([
				[String(r.json.id), '1'],
				[String(r.json.id), '1'],
			]);
		} finally {
			await real.close();
		}
	});

	test('HLR result and [waitcall] reach the handler', async () => {
		handler = await handlerServer();
		emu.setHandlerUrl({ login: 'demo', url: `${handler.url}/h?fmt=3` });
		await call(emu, 'send', { phones: '79990000001', hlr: 1, fmt: 3 });
		emu.advanceClock({ ms: 1000 });
		await call(emu, 'wait_call', { phone: '79991112233', fmt: 3 });
		emu.completeWaitCall({ login: 'demo', phone: '79991112233' });
		const got = (await handler.waitFor(2)).map((x) => JSON.parse(x.body.toString('utf8')));
		expect(got[0]).toMatchObject({
			phone: '79990000001',
			status: '1',
			type: '4',
			imsi: expect.stringMatching(/^250/),
			mcc: '250',
			cn: 'Russia',
		});
		expect(got[1]).toMatchObject({ phone: '79991112233', mes: '[waitcall]', to: '74950000101' });
		expect(emu.getCallbacks({ kind: 'waitcall' })).toHaveLength(1);
	});

	test('HLR strings (country, operator) arrive urlencoded, as the SMPP page says of the HLR result', async () => {
		handler = await handlerServer();
		emu.setHandlerUrl({ login: 'demo', url: `${handler.url}/h?fmt=3&charset=utf-8` });
		emu.setHlrResult({ login: 'demo', phone: '79990000001', cn: 'Россия', net: 'Beeline & Co' });
		await call(emu, 'send', { phones: '79990000001', hlr: 1, fmt: 3 });
		emu.advanceClock({ ms: 1000 });
		const [got] = (await handler.waitFor(1)).map((x) => JSON.parse(x.body.toString('utf8')));
		expect(got).toMatchObject({
			cn: '%D0%A0%D0%BE%D1%81%D1%81%D0%B8%D1%8F',
			net: 'Beeline+%26+Co',
		});
		expect(decodeURIComponent(got.net.replace(/\+/g, ' '))).toBe('Beeline & Co');
	});

	test('GET method puts the fields in the query string', async () => {
		handler = await handlerServer();
		emu.setHandlerUrl({ login: 'demo', url: `${handler.url}/g?charset=utf-8`, method: 'GET' });
		emu.injectIncoming({ login: 'demo', phone: '79991112233', mes: 'Да' });
		const [r] = await handler.waitFor(1);
		expect(r.method).toBe('GET');
		const q = new URLSearchParams(r.url.split('?')[1]);
		expect(q.get('charset')).toBe('utf-8');
		expect(q.get('mes')).toBe('Да');
		expect(q.get('phone')).toBe('79991112233');
	});

	test('retries with backoff until the handler answers 200; gives up after `retries`', async () => {
		handler = await handlerServer((n) => (n <= 2 ? 500 : 200));
		emu.setHandlerUrl({ login: 'demo', url: `${handler.url}/r` });
		emu.injectIncoming({ login: 'demo', phone: '79991112233', mes: 'x' });
		await emu.waitForCallbacks();
		expect(handler.received).toHaveLength(3);
		const [rec] = emu.getCallbacks();
		expect(rec).toMatchObject({ kind: 'incoming', attempts: 3, status: 200, ok: true });

		await handler.close();
		handler = await handlerServer(() => 503);
		emu.setHandlerUrl({ login: 'demo', url: `${handler.url}/r` });
		emu.setCallbackPolicy({ retries: 2 });
		emu.injectIncoming({ login: 'demo', phone: '79991112233', mes: 'y' });
		await emu.waitForCallbacks();
		expect(handler.received).toHaveLength(3);
		expect(emu.getCallbacks().at(-1)).toMatchObject({ attempts: 3, status: 503, ok: false });

		// nobody listening: status 0 and an error
		emu.setHandlerUrl({ login: 'demo', url: 'http://127.0.0.1:1/nothing' });
		emu.setCallbackPolicy({ retries: 0 });
		emu.injectIncoming({ login: 'demo', phone: '79991112233', mes: 'z' });
		await emu.waitForCallbacks();
		expect(emu.getCallbacks().at(-1)).toMatchObject({
			attempts: 1,
			status: 0,
			ok: false,
			error: expect.any(String),
		});
	});

	test('fireCallbacks: 1,000 status callbacks at bounded concurrency', async () => {
		let inFlight = 0;
		let max = 0;
		const http = await import('node:http');
		const received: string[] = [];
		const server = http.createServer((req, res) => {
			inFlight++;
			max = Math.max(max, inFlight);
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () =>
				setTimeout(() => {
					received.push(Buffer.concat(chunks).toString('latin1'));
					inFlight--;
					res.end('OK');
				}, 1),
			);
		});
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		const port = (server.address() as { port: number }).port;
		try {
			emu.setHandlerUrl({ login: 'demo', url: `http://127.0.0.1:${port}/load` });
			const res = await emu.fireCallbacks({ count: 1000, concurrency: 10 });
			expect(res).toMatchObject({ count: 1000, ok: 1000, failed: 0, attempts: 1000 });
			expect(res.maxInFlight).toBeLessThanOrEqual(10);
			expect(received).toHaveLength(1000);
			expect(max).toBeLessThanOrEqual(10);
			expect(max).toBeGreaterThan(1);
			expect(new Set(received.map((b) => new URLSearchParams(b).get('id'))).size).toBe(1000);
			expect(new URLSearchParams(received[0]).get('status')).toBe('1');
			expect(emu.getStats()).toMatchObject({ callbacksOk: 1000, callbacksFailed: 0 });
		} finally {
			await new Promise<void>((r) => {
				server.close(() => r());
				server.closeAllConnections();
			});
		}
	}, 30_000);

	test('forgeCallback sends arbitrary fields or a raw body anywhere', async () => {
		handler = await handlerServer();
		const rec = await emu.forgeCallback({
			url: `${handler.url}/f?fmt=3`,
			fields: { id: '1', phone: '1', status: '1', evil: '<script>' },
		});
		expect(rec).toMatchObject({ kind: 'forged', ok: true, attempts: 1, format: 'json' });
		await emu.forgeCallback({
			url: `${handler.url}/f2`,
			rawBody: 'not a form %%%',
			headers: { 'content-type': 'text/plain', 'x-test': 'yes' },
		});
		await emu.forgeCallback({
			url: `${handler.url}/f3`,
			fields: { mes: 'Ё', n: 5 as unknown as string },
			format: 'xml',
			charset: 'utf-8',
			method: 'POST',
		});
		const got = await handler.waitFor(3);
		expect(JSON.parse(got[0].body.toString('utf8'))).toEqual({
			id: '1',
			phone: '1',
			status: '1',
			evil: '<script>',
		});
		expect(got[1].body.toString()).toBe('not a form %%%');
		expect(got[1].headers['x-test']).toBe('yes');
		expect(got[2].body.toString('utf8')).toContain('<mes>Ё</mes>\n<n>5</n>');
	});
});

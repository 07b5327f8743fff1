import { Pool } from 'undici';
import { spawnEmulator } from './client';
import { DEMO, call, raw, start } from './helpers';
import type { RunningEmulator } from './index';

let emu: RunningEmulator;
afterEach(async () => {
	await emu?.close();
});

async function waitUntil(cond: () => boolean, ms = 5000): Promise<void> {
	const end = Date.now() + ms;
	while (!cond()) {
		if (Date.now() > end) throw new Error('timeout');
		await new Promise((r) => setTimeout(r, 5));
	}
}

test('1,000 requests over 14 connections are all answered; the 15th concurrent request gets error 9', async () => {
	emu = await start({ manualClock: false });
	emu.setBalance({ login: 'demo', balance: 100_000 });
	const pool = new Pool(emu.url, { connections: 14, pipelining: 1 });
	try {
		const answers = await Promise.all(
			Array.from({ length: 1000 }, async (_, i) => {
				const body = new URLSearchParams({
					...DEMO,
					phones: `7999${String(i).padStart(7, '0')}`,
					mes: `load ${i}`,
					fmt: '3',
				}).toString();
				const res = await pool.request({
					path: '/sys/send.php',
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body,
				});
				return {
					status: res.statusCode,
					json: (await res.body.json()) as { id?: number; cnt?: number },
				};
			}),
		);
		expect(
			answers.every((a) => a.status === 200 && typeof a.json.id === 'number' && a.json.cnt === 1),
		).toBe(true);
		expect(new Set(answers.map((a) => a.json.id)).size).toBe(1000);
		const stats = emu.getStats();
		expect(stats.messagesAccepted).toBe(1000);
		expect(stats.error9).toBe(0);
		expect(stats.maxInFlightPerLogin).toBeLessThanOrEqual(14);
		expect(stats.maxConnections).toBeLessThanOrEqual(14);

		// 14 slow requests in flight, then a 15th
		emu.setLatency({ ms: 400 });
		const slow = Array.from({ length: 14 }, (_, i) =>
			pool
				.request({
					path: `/sys/balance.php?login=demo&psw=demo-password&fmt=3&n=${i}`,
					method: 'GET',
				})
				.then(async (r) => (await r.body.json()) as { balance?: string }),
		);
		await waitUntil(() => emu.getStats().inFlight === 14);
		const extra = await call(emu, 'balance', { fmt: 3, n: 'extra' });
		expect(extra.json).toEqual({ error: 'too many concurrent requests', error_code: 9 });
		const text = await call(emu, 'send', { phones: '79990000001', mes: 'x' });
		expect(text.text).toBe('ERROR = 9 (too many concurrent requests)');
		// apikey counts against the same login
		const key = await call(emu, 'balance', { apikey: 'demo-api-key', fmt: 3 }, { auth: false });
		expect(key.json.error_code).toBe(9);
		// another login is not affected (it waits for the latency, then answers)
		emu.createAccount({ login: 'other', psw: 'p' });
		const other = await call(emu, 'balance', { login: 'other', psw: 'p', fmt: 3 }, { auth: false });
		expect(other.json).toEqual({ balance: '1000.00' });
		expect((await Promise.all(slow)).every((a) => a.balance === '97500.00')).toBe(true);
		expect(emu.getStats()).toMatchObject({ error9Concurrent: 3, maxInFlightPerLogin: 14 });
		emu.setLatency({ ms: 0 });
		expect((await call(emu, 'balance', { fmt: 3, n: 'after' })).json).toEqual({
			balance: '97500.00',
		});
	} finally {
		await pool.close();
	}
}, 180_000);

describe('failure injection', () => {
	beforeEach(async () => {
		emu = await start();
	});

	test('drop destroys the socket without an answer', async () => {
		emu.failNext({ mode: 'drop' });
		await expect(
			fetch(`${emu.url}/sys/balance.php?login=demo&psw=demo-password&fmt=3`),
		).rejects.toThrow();
		expect((await call(emu, 'balance', { fmt: 3 })).json).toEqual({ balance: '1000.00' });
		expect(emu.getLog({ script: 'balance' }).map((e) => [e.failure, e.httpStatus])).toEqual([
			['drop', 0],
			[null, 200],
		]);
	});

	test('garbage: HTTP 200 labelled JSON that is not, a chosen body or a cut-off one', async () => {
		emu.failNext({ mode: 'garbage' });
		const cut = await call(emu, 'balance', { fmt: 3, g: 1 });
		expect([cut.status, cut.headers.get('content-type')]).toEqual([
			200,
			expect.stringMatching(/^application\/json/),
		]);
		expect(cut.json).toBeUndefined();
		emu.failNext({ mode: 'garbage', body: 'OK', status: 202 });
		const chosen = await call(emu, 'balance', { fmt: 3, g: 2 });
		expect([chosen.status, chosen.text]).toEqual([202, 'OK']);
		expect(emu.getLog({ limit: 2 }).map((e) => e.failure)).toEqual(['garbage', 'garbage']);
		expect((await call(emu, 'balance', { fmt: 3, g: 3 })).json).toEqual({ balance: '1000.00' });
	});

	test('5xx (500 / 503), html proxy page, slow; scoped to a script; count', async () => {
		emu.failNext({ mode: '5xx', count: 2 });
		expect((await call(emu, 'balance', { fmt: 3 })).status).toBe(500);
		expect((await call(emu, 'balance', { fmt: 3, x: 1 })).status).toBe(500);
		expect((await call(emu, 'balance', { fmt: 3, x: 2 })).status).toBe(200);
		emu.failNext({ mode: '5xx', status: 503 });
		expect((await call(emu, 'balance', { fmt: 3, x: 3 })).status).toBe(503);
		emu.failNext({ mode: 'html' });
		const h = await call(emu, 'balance', { fmt: 3, x: 4 });
		expect(h.status).toBe(502);
		expect(h.headers.get('content-type')).toMatch(/^text\/html/);
		expect(h.text).toContain('<h1>502 Bad Gateway</h1>');
		expect(h.json).toBeUndefined();
		emu.failNext({ mode: 'html', status: 200 });
		expect((await call(emu, 'balance', { fmt: 3, x: 5 })).status).toBe(200);
		// The delay is long so that "not delayed" holds with a wide margin on a busy machine.
		emu.failNext({ mode: 'slow', ms: 3000, script: 'send' });
		let t = Date.now();
		expect((await call(emu, 'balance', { fmt: 3, x: 6 })).json).toEqual({ balance: '1000.00' });
		expect(Date.now() - t).toBeLessThan(2500);
		t = Date.now();
		expect((await call(emu, 'send', { phones: '79990000001', mes: 'slow', fmt: 3 })).json).toEqual({
			id: 1,
			cnt: 1,
		});
		expect(Date.now() - t).toBeGreaterThanOrEqual(2990);
		expect(emu.getLog({ limit: 2 }).map((e) => [e.script, e.failure])).toEqual([
			['balance', null],
			['send', 'slow'],
		]);
		expect(emu.getStats().failuresInjected).toBe(6);
	});

	// Latencies are long so that "not delayed" holds with a wide margin on a busy machine.
	test('latency applies to every SMSC request but not to the control API', async () => {
		emu.setLatency({ ms: 3000 });
		let t = Date.now();
		await call(emu, 'balance', { fmt: 3 });
		expect(Date.now() - t).toBeGreaterThanOrEqual(2995);
		t = Date.now();
		await raw(emu, '/__emulator/getStats');
		expect(Date.now() - t).toBeLessThan(2500);
		emu.setLatency({ ms: 0 });
		emu.setLatency({ ms: 3000, script: 'status' });
		t = Date.now();
		await call(emu, 'balance', { fmt: 3, x: 1 });
		expect(Date.now() - t).toBeLessThan(2500);
		t = Date.now();
		await call(emu, 'status', { id: 1, phone: '79990000001', fmt: 3 });
		expect(Date.now() - t).toBeGreaterThanOrEqual(2995);
	}, 30_000);
});

describe('control API over HTTP', () => {
	beforeEach(async () => {
		emu = await start();
	});

	const post = (name: string, body: unknown) =>
		raw(emu, `/__emulator/${name}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});

	test('accounts, incoming, clock, log with redaction, stats, reset', async () => {
		expect(
			(
				await post('createAccount', {
					login: 'acme',
					psw: 'pw',
					apikey: 'k1',
					balance: 10,
					prices: { sms: 3 },
				})
			).json.result,
		).toMatchObject({
			login: 'acme',
			balance: '10.00',
			prices: expect.objectContaining({ sms: 3, hlr: 0.5 }),
		});
		expect(
			(
				await call(
					emu,
					'send',
					{ login: 'acme', psw: 'pw', phones: '79990000001', mes: 'x', cost: 3, fmt: 3 },
					{ auth: false },
				)
			).json,
		).toEqual({
			id: 1,
			cnt: 1,
			cost: '3.00',
			balance: '7.00',
		});
		await call(emu, 'balance', { apikey: 'k1', fmt: 3 }, { auth: false });
		const log = (await raw(emu, '/__emulator/getLog?login=acme')).json.result;
		expect(log).toHaveLength(2);
		expect(log[0]).toMatchObject({
			script: 'send',
			method: 'GET',
			path: '/sys/send.php',
			params: expect.objectContaining({ psw: '***', phones: '79990000001' }),
		});
		expect(log[1].params.apikey).toBe('***');
		expect(JSON.stringify(log)).not.toContain('"pw"');
		expect(log[0].response).toBe('{"id":1,"cnt":1,"cost":"3.00","balance":"7.00"}');
		expect(
			(await post('injectIncoming', { login: 'acme', phone: '79991112233', mes: 'hi' })).json.result
				.id,
		).toEqual(expect.any(Number));
		expect((await post('advanceClock', { ms: 1000 })).json.result.now).toBe(emu.clock.now());
		expect((await raw(emu, '/__emulator/getMessages?login=acme')).json.result[0]).toMatchObject({
			phone: '79990000001',
			status: 1,
		});
		expect((await raw(emu, '/__emulator/getStats')).json.result).toMatchObject({
			messagesAccepted: 1,
			requests: 2,
		});
		expect((await post('setBalance', { login: 'nobody', balance: 1 })).status).toBe(400);
		expect((await post('noSuchMethod', {})).status).toBe(404);
		expect((await raw(emu, '/__emulator/setBalance')).status).toBe(405);
		expect((await post('resetLog', {})).json).toEqual({ result: { result: 'OK' } });
		expect((await raw(emu, '/__emulator/getLog')).json.result).toEqual([]);
		await post('setLatency', { ms: 1 });
		await post('setLimits', { enabled: false, maxConcurrent: 2 });
		expect((await post('reset', {})).json.result).toEqual({ result: 'OK' });
		expect(emu.latencyMs).toBe(0);
		expect(emu.maxConcurrent).toBe(14);
		expect(emu.duplicateLimits).toMatchObject({ send: 1, phones: 3 });
		expect(
			(await raw(emu, '/__emulator/listAccounts')).json.result.map(
				(a: { login: string }) => a.login,
			),
		).toEqual(['demo']);
		expect((await raw(emu, '/__emulator/')).json.result.methods).toContain('failNext');
	});

	test('failNext, setLatency, setLimits over HTTP', async () => {
		expect(
			(await post('setPhoneOutcome', { login: 'demo', phone: 79990000001, status: 20, err: 1 }))
				.json,
		).toEqual({ result: { result: 'OK' } });
		await post('failNext', { mode: '5xx', script: 'balance' });
		expect((await call(emu, 'balance', { fmt: 3 })).status).toBe(500);
		expect((await post('failNext', { mode: 'weird' })).status).toBe(400);
		await post('setLimits', { balance: 1 });
		await call(emu, 'balance', { fmt: 3, a: 1 });
		expect((await call(emu, 'balance', { fmt: 3, a: 1 })).json.error_code).toBe(9);
		await post('resetLimits', {});
		expect((await call(emu, 'balance', { fmt: 3, a: 1 })).json).toEqual({ balance: '1000.00' });
	});
});

test('cli.ts runs as a separate process; controlClient drives it over HTTP', async () => {
	const spawned = await spawnEmulator({ env: { LATENCY_MS: '5' } });
	try {
		const r = await fetch(`${spawned.url}/sys/balance.php`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'login=demo&psw=demo-password&fmt=3&cur=1',
		});
		expect(await r.json()).toEqual({ balance: '1000.00', currency: 'RUR' });
		const k = await fetch(`${spawned.url}/sys/balance.php?apikey=demo-api-key`);
		expect(await k.text()).toBe('1000.00');
		const c = spawned.control;
		expect(await c.setBalance({ login: 'demo', balance: 5 })).toMatchObject({ balance: '5.00' });
		expect((await c.getLog({ script: 'balance' })).map((e) => e.params.psw)).toEqual([
			'***',
			undefined,
		]);
		expect((await c.getStats()).requests).toBe(2);
		await expect(c.getAccount({ login: 'nobody' })).rejects.toThrow(/not found/);
	} finally {
		await spawned.stop();
	}
}, 30_000);

import { call, start, useEmulator } from './helpers';
import { formatDay } from './time';

const emu = useEmulator();

async function sendOne(
	phone: string,
	mes = 'Hello',
	extra: Record<string, string | number> = {},
): Promise<number> {
	const r = await call(emu, 'send', { phones: phone, mes, fmt: 3, ...extra });
	expect(r.json.id).toBeDefined();
	return r.json.id;
}

describe('delivery simulation and status.php', () => {
	test('-1 → 0 → 1 driven by the clock', async () => {
		const id = await sendOne('79990000001');
		const st = async () => (await call(emu, 'status', { id, phone: '79990000001', fmt: 3 })).json;
		expect(await st()).toMatchObject({ status: -1, err: 0 });
		emu.advanceClock({ ms: 50 });
		expect(await st()).toMatchObject({ status: 0, err: 0 });
		emu.advanceClock({ ms: 200 });
		const s = await st();
		expect(s).toEqual({
			status: 1,
			last_date: expect.stringMatching(/^\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d$/),
			last_timestamp: expect.any(Number),
			err: 0,
		});
		expect(s.last_timestamp).toBe(Math.floor(emu.clock.now() / 1000));
	});

	test('real clock: delivered after ~250 ms without advancing', async () => {
		const real = await start({ manualClock: false });
		try {
			const r = await call(real, 'send', { phones: '79990000001', mes: 'x', fmt: 3 });
			await new Promise((res) => setTimeout(res, 800));
			expect(
				(await call(real, 'status', { id: r.json.id, phone: '79990000001', fmt: 3 })).json.status,
			).toBe(1);
		} finally {
			await real.close();
		}
	});

	test('configured failures: status and err per phone', async () => {
		emu.setPhoneOutcomes({
			login: 'demo',
			outcomes: { '79990000002': { status: 20, err: 1 }, '79990000003': { status: 25, err: 6 } },
		});
		const id = await sendOne('79990000001,79990000002,79990000003');
		emu.advanceClock({ ms: 1000 });
		const r = await call(emu, 'status', {
			id: `${id},${id},${id}`,
			phone: '79990000001,79990000002,79990000003',
			fmt: 3,
		});
		expect(
			r.json.map((s: { phone: string; status: number; err: number }) => [s.phone, s.status, s.err]),
		).toEqual([
			['79990000001', 1, 0],
			['79990000002', 20, 1],
			['79990000003', 25, 6],
		]);
	});

	test('outcomes given at account creation', async () => {
		emu.createAccount({
			login: 'acme',
			psw: 'pw',
			outcomes: { '+7 999 000-00-05': { status: 22, err: 249 } },
		});
		const r = await call(
			emu,
			'send',
			{ login: 'acme', psw: 'pw', phones: '79990000005', mes: 'x', fmt: 3 },
			{ auth: false },
		);
		emu.advanceClock({ ms: 1000 });
		expect(emu.getMessages({ login: 'acme', id: r.json.id })[0]).toMatchObject({
			status: 22,
			err: 249,
		});
	});

	test('all=1 and all=2 fields; fmt 0 and 1', async () => {
		const id = await sendOne('79990000001', 'Text\n~~~\nmy note', { sender: 'SHOP' });
		emu.advanceClock({ ms: 1000 });
		const a1 = (await call(emu, 'status', { id, phone: '79990000001', all: 1, fmt: 3 })).json;
		expect(a1).toMatchObject({
			status: 1,
			err: 0,
			phone: '79990000001',
			cost: '2.50',
			sender_id: 'SHOP',
			status_name: 'Delivered',
			message: 'Text',
			comment: 'my note',
			type: 0,
			sms_cnt: 1,
		});
		expect(a1.country).toBeUndefined();
		const a2 = (await call(emu, 'status', { id, phone: '79990000001', all: 2, fmt: 3 })).json;
		expect(a2).toMatchObject({ country: 'Russia', operator: expect.any(String) });
		const t = (await call(emu, 'status', { id, phone: '79990000001' })).text;
		expect(t).toMatch(/^Status = 1, check_time = \d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d, err = 0$/);
		const n = (await call(emu, 'status', { id, phone: '79990000001', all: 1, fmt: 1 })).text;
		expect(n.split(',')).toEqual([
			'1',
			expect.stringMatching(/^\d+$/),
			'0',
			expect.stringMatching(/^\d+$/),
			'79990000001',
			'2.50',
			'SHOP',
			'Delivered',
			'Text',
		]);
	});

	test('errors: 1 without id or phone, 3 not found; list gives -3; trailing comma forces a list', async () => {
		expect((await call(emu, 'status', { id: 1, fmt: 3 })).json).toEqual({
			error: 'parameters error',
			error_code: 1,
		});
		expect((await call(emu, 'status', { id: 5, phone: '79990000001', fmt: 3 })).json).toEqual({
			error: 'message not found',
			error_code: 3,
		});
		const id = await sendOne('79990000001');
		const l = (await call(emu, 'status', { id: `${id},`, phone: '79990000001,', fmt: 3 })).json;
		expect(l).toEqual([expect.objectContaining({ id, phone: '79990000001', status: -1 })]);
		const m = (await call(emu, 'status', { id: `${id},999`, phone: '79990000001', fmt: 3 })).json;
		expect(m[1]).toMatchObject({ id: 999, status: -3 });
		expect((await call(emu, 'status', { id: `${id},999`, phone: '79990000001' })).text).toMatch(
			/^id = 1, phone = 79990000001, status = -1, .*\nid = 999, phone = 79990000001, status = -3/,
		);
	});

	test('del=1 deletes', async () => {
		const id = await sendOne('79990000001');
		expect((await call(emu, 'status', { id, phone: '79990000001', del: 1, fmt: 3 })).json).toEqual({
			result: 'OK',
		});
		expect((await call(emu, 'status', { id, phone: '79990000001', fmt: 3 })).json.error_code).toBe(
			3,
		);
		expect(
			(await call(emu, 'status', { id, phone: '79990000001', del: 1, fmt: 3 })).json.error_code,
		).toBe(3);
	});

	test('HLR request produces HLR results', async () => {
		emu.setHlrResult({
			login: 'demo',
			phone: '79990000009',
			imsi: '250019999999999',
			net: 'Test Net',
		});
		const id = await sendOne('79990000001,79990000009', '', { hlr: 1 });
		emu.advanceClock({ ms: 1000 });
		const s = (await call(emu, 'status', { id, phone: '79990000001', fmt: 3 })).json;
		expect(s).toMatchObject({
			status: 1,
			mcc: '250',
			mnc: expect.stringMatching(/^\d\d$/),
			imsi: expect.stringMatching(/^250\d{12}$/),
			cn: 'Russia',
		});
		const t = (await call(emu, 'status', { id, phone: '79990000009', fmt: 3 })).json;
		// "string data, e.g. country and operator, are urlencoded" (SMPP page, "Отправка HLR-запроса")
		expect(t).toMatchObject({ imsi: '250019999999999', net: 'Test+Net' });
	});

	test('testMode: cost 0, err 200', async () => {
		emu.updateAccount({ login: 'demo', testMode: true });
		const r = await call(emu, 'send', { phones: '79990000001', mes: 'virtual', cost: 3, fmt: 3 });
		expect(r.json).toEqual({ id: 1, cnt: 1, cost: '0.00', balance: '1000.00' });
		emu.advanceClock({ ms: 1000 });
		expect((await call(emu, 'status', { id: 1, phone: '79990000001', fmt: 3 })).json).toMatchObject(
			{ status: 1, err: 200 },
		);
	});
});

describe('balance.php', () => {
	test('fmt 0/1/2/3 and cur=1', async () => {
		expect((await call(emu, 'balance', {})).text).toBe('1000.00');
		expect((await call(emu, 'balance', { cur: 1 })).text).toBe('1000.00, RUR');
		expect((await call(emu, 'balance', { fmt: 1 })).text).toBe('1000.00');
		expect((await call(emu, 'balance', { fmt: 2, cur: 1 })).text).toBe(
			'<result>\n<balance>1000.00</balance>\n<currency>RUR</currency>\n</result>',
		);
		expect((await call(emu, 'balance', { fmt: 3, cur: 1 })).json).toEqual({
			balance: '1000.00',
			currency: 'RUR',
		});
		await sendOne('79990000001');
		expect((await call(emu, 'balance', { fmt: 3, x: 1 })).json).toEqual({ balance: '997.50' });
	});
});

describe('get.php', () => {
	test('get_messages: newest first, prev_id paging, phone filter, cnt, dates', async () => {
		for (let i = 1; i <= 5; i++) await sendOne(`7999000000${i}`, `m${i}`);
		const all = (await call(emu, 'get', { get_messages: 1, fmt: 3 })).json;
		expect(all.map((m: { message: string }) => m.message)).toEqual(['m5', 'm4', 'm3', 'm2', 'm1']);
		expect(all[0]).toMatchObject({
			id: 5,
			phone: '79990000005',
			status: -1,
			cost: '2.50',
			int_id: expect.any(Number),
		});
		const p1 = (await call(emu, 'get', { get_messages: 1, cnt: 2, fmt: 3 })).json;
		expect(p1.map((m: { id: number }) => m.id)).toEqual([5, 4]);
		const p2 = (await call(emu, 'get', { get_messages: 1, cnt: 2, prev_id: p1[1].int_id, fmt: 3 }))
			.json;
		expect(p2.map((m: { id: number }) => m.id)).toEqual([3, 2]);
		const p3 = (await call(emu, 'get', { get_messages: 1, cnt: 2, prev_id: p2[1].int_id, fmt: 3 }))
			.json;
		expect(p3.map((m: { id: number }) => m.id)).toEqual([1]);
		expect(
			(await call(emu, 'get', { get_messages: 1, cnt: 2, prev_id: p3[0].int_id, fmt: 3 })).json,
		).toEqual({ error: 'records not found', error_code: 3 });
		expect(
			(await call(emu, 'get', { get_messages: 1, phone: '79990000003', fmt: 3 })).json,
		).toHaveLength(1);
		expect(
			(await call(emu, 'get', { get_messages: 1, start: '01.01.2000', end: '02.01.2000', fmt: 3 }))
				.json.error_code,
		).toBe(3);
		const today = formatDay(emu.clock.now());
		expect(
			(
				await call(emu, 'get', { get_messages: 1, start: today, end: today, cnt: 3, fmt: 3 })
			).json.map((m: { id: number }) => m.id),
		).toEqual([5, 4, 3]);
		emu.advanceClock({ ms: 2 * 86400_000 });
		await sendOne('79990000006', 'later');
		expect(
			(await call(emu, 'get', { get_messages: 1, end: today, fmt: 3 })).json.map(
				(m: { id: number }) => m.id,
			),
		).toEqual([5, 4, 3, 2, 1]);
		expect(
			(
				await call(emu, 'get', { get_messages: 1, start: formatDay(emu.clock.now()), fmt: 3 })
			).json.map((m: { id: number }) => m.id),
		).toEqual([6]);
		expect(
			(await call(emu, 'get', { get_messages: 1, start: 'yesterday', fmt: 3 })).json.error_code,
		).toBe(1);
	});

	test('get_answers: after_id, hour, cnt, to_phone; error 3 when empty', async () => {
		expect((await call(emu, 'get', { get_answers: 1, fmt: 3 })).json).toEqual({
			error: 'records not found',
			error_code: 3,
		});
		const ids: number[] = [];
		for (let i = 0; i < 4; i++)
			ids.push(
				emu.injectIncoming({
					login: 'demo',
					phone: `7999111000${i}`,
					mes: `reply ${i}`,
					to: i % 2 ? '74950000102' : '74950000101',
				}).id,
			);
		const all = (await call(emu, 'get', { get_answers: 1, fmt: 3 })).json;
		expect(all).toHaveLength(4);
		expect(all[0]).toEqual({
			id: ids[0],
			received: expect.any(String),
			phone: '79991110000',
			message: 'reply 0',
			to_phone: '74950000101',
			sent: expect.any(Number),
		});
		expect(
			(await call(emu, 'get', { get_answers: 1, after_id: ids[1], fmt: 3 })).json.map(
				(m: { id: number }) => m.id,
			),
		).toEqual(ids.slice(2));
		expect(
			(await call(emu, 'get', { get_answers: 1, after_id: ids[0], cnt: 2, fmt: 3 })).json.map(
				(m: { id: number }) => m.id,
			),
		).toEqual(ids.slice(1, 3));
		expect(
			(await call(emu, 'get', { get_answers: 1, to_phone: '74950000102', fmt: 3 })).json,
		).toHaveLength(2);
		emu.advanceClock({ ms: 2 * 3600_000 });
		expect((await call(emu, 'get', { get_answers: 1, hour: 1, fmt: 3 })).json.error_code).toBe(3);
		expect((await call(emu, 'get', { get_answers: 1, hour: 3, fmt: 3 })).json).toHaveLength(4);
		expect((await call(emu, 'get', { get_answers: 1, hour: 500, fmt: 3 })).json.error_code).toBe(1);
		expect((await call(emu, 'get', { nothing: 1, fmt: 3 })).json.error_code).toBe(1);
	});
});

describe('wait_call.php', () => {
	test('number to call; call arrives as [waitcall]; errors 1, 3, 5, duplicates above 50', async () => {
		const r = await call(emu, 'wait_call', { phone: '79991112233', fmt: 3 });
		expect(r.json).toEqual({
			phone: '74950000101',
			all_phones: ['74950000101', '74950000102', '74950000103'],
		});
		expect((await call(emu, 'wait_call', { phone: '79991112233' })).text).toBe(
			'phone = 74950000101, all_phones = 74950000101,74950000102,74950000103',
		);
		expect((await call(emu, 'wait_call', { phone: '79991112233', fmt: 1 })).text).toBe(
			'74950000101,74950000102,74950000103',
		);
		expect((await call(emu, 'wait_call', { phone: '79991112233', fmt: 2 })).text).toBe(
			'<result>\n<phone>74950000101</phone>\n<all_phones>\n<phone>74950000101</phone>\n<phone>74950000102</phone>\n<phone>74950000103</phone>\n</all_phones>\n</result>',
		);
		expect(emu.completeWaitCall({ login: 'demo', phone: '79991112233' })).toMatchObject({
			to: '74950000101',
		});
		const ans = (await call(emu, 'get', { get_answers: 1, fmt: 3 })).json;
		expect(ans).toEqual([
			expect.objectContaining({
				phone: '79991112233',
				message: '[waitcall]',
				to_phone: '74950000101',
			}),
		]);
		expect(() => emu.completeWaitCall({ login: 'demo', phone: '79991112233' })).toThrow(
			/no pending/,
		);
		expect((await call(emu, 'wait_call', { fmt: 3 })).json).toEqual({
			error: 'parameters error',
			error_code: 1,
		});
		await call(emu, 'phones', { add_black: 1, phone: '79990000000' });
		expect((await call(emu, 'wait_call', { phone: '79990000000', fmt: 3 })).json).toEqual({
			error: 'phone is in the blacklist',
			error_code: 5,
		});
		emu.setBalance({ login: 'demo', balance: 0 });
		expect((await call(emu, 'wait_call', { phone: '79990000001', fmt: 3 })).json).toEqual({
			error: 'no money',
			error_code: 3,
		});
		emu.setBalance({ login: 'demo', balance: 100 });
		for (let i = 0; i < 50; i++)
			expect(
				(await call(emu, 'wait_call', { phone: '79990000002', fmt: 3 })).json.phone,
			).toBeDefined();
		expect((await call(emu, 'wait_call', { phone: '79990000002', fmt: 3 })).json.error_code).toBe(
			9,
		);
	});

	test('pending calls expire after 15 minutes; waitCallAutoMs completes them', async () => {
		await call(emu, 'wait_call', { phone: '79991112233', fmt: 3 });
		expect(emu.getWaitCalls({ login: 'demo' })).toHaveLength(1);
		emu.advanceClock({ ms: 15 * 60_000 + 1 });
		expect(emu.getWaitCalls({ login: 'demo' })).toHaveLength(0);
		emu.updateAccount({ login: 'demo', waitCallAutoMs: 5000 });
		await call(emu, 'wait_call', { phone: '79991112244', fmt: 3 });
		emu.advanceClock({ ms: 5000 });
		expect(emu.getIncoming({ login: 'demo' })).toEqual([
			expect.objectContaining({ phone: '79991112244', mes: '[waitcall]' }),
		]);
		expect(emu.getAccount({ login: 'demo' }).balance).toBe('999.50');
	});
});

describe('status.php list order', () => {
	test("statusListOrder 'reordered': newest pair first, unknown pairs left out", async () => {
		emu.updateAccount({ login: 'demo', statusListOrder: 'reordered' });
		const a = (await call(emu, 'send', { phones: '79990000001', mes: 'a', fmt: 3 })).json.id;
		const b = (await call(emu, 'send', { phones: '79990000002', mes: 'b', fmt: 3 })).json.id;
		const r = (
			await call(emu, 'status', {
				id: `${a},${b},99`,
				phone: '79990000001,79990000002,79990000003',
				fmt: 3,
			})
		).json;
		expect(r.map((o: { id: number; phone: string }) => [o.id, o.phone])).toEqual([
			[b, '79990000002'],
			[a, '79990000001'],
		]);
	});
});

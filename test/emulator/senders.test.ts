import { call, useEmulator } from './helpers';

// an account with no sender names yet (the demo account has some registered)
const emu = useEmulator({
	demoAccount: false,
	accounts: [{ login: 'demo', psw: 'demo-password' }],
});

describe('senders.php ("Управление именами отправителей (Sender ID)")', () => {
	test('add, get (active only / all=1), chg by sender and id, del', async () => {
		expect((await call(emu, 'senders', { get: 1, fmt: 3 })).json).toEqual({
			error: 'records not found',
			error_code: 3,
		});
		expect(
			(await call(emu, 'senders', { add: 1, sender: 'SHOP', cmt: 'main', fmt: 3 })).json,
		).toEqual({ id: 1 });
		expect((await call(emu, 'senders', { add: 1, sender: '79990001122', fmt: 3 })).json).toEqual({
			id: 2,
		});
		expect((await call(emu, 'senders', { get: 1, fmt: 3 })).json).toEqual([
			{ id: 1, sender: 'SHOP', cmt: 'main', status: 1 },
		]);
		expect((await call(emu, 'senders', { get: 1, all: 1, fmt: 3 })).json).toEqual([
			{ id: 2, sender: '79990001122', cmt: '', status: 0 },
			{ id: 1, sender: 'SHOP', cmt: 'main', status: 1 },
		]);
		expect(
			(await call(emu, 'senders', { chg: 1, sender: 'SHOP', cmt: 'renamed', fmt: 3 })).json,
		).toEqual({ result: 'OK', id: 1 });
		expect((await call(emu, 'senders', { chg: 1, id: 2, cmt: 'digital', fmt: 3 })).json).toEqual({
			result: 'OK',
			id: 2,
		});
		expect(
			(await call(emu, 'senders', { get: 1, all: 1, fmt: 3 })).json.map(
				(s: { cmt: string }) => s.cmt,
			),
		).toEqual(['digital', 'renamed']);
		expect((await call(emu, 'senders', { del: 1, id: 2, fmt: 3 })).json).toEqual({ result: 'OK' });
		expect((await call(emu, 'senders', { del: 1, sender: 'SHOP' })).text).toBe('OK');
		expect((await call(emu, 'senders', { del: 1, sender: 'SHOP', fmt: 3 })).json).toEqual({
			error: 'records not found',
			error_code: 3,
		});
	});

	test('get: prev_id, cnt, operators=1, files=1', async () => {
		for (const s of ['AAA', 'BBB', 'CCC', 'DDD'])
			await call(emu, 'senders', { add: 1, sender: s, mts_step: 1, tele2: 1 });
		const p1 = (await call(emu, 'senders', { get: 1, cnt: 2, fmt: 3 })).json;
		expect(p1.map((s: { sender: string }) => s.sender)).toEqual(['DDD', 'CCC']);
		const p2 = (await call(emu, 'senders', { get: 1, cnt: 2, prev_id: p1[1].id, fmt: 3 })).json;
		expect(p2.map((s: { sender: string }) => s.sender)).toEqual(['BBB', 'AAA']);
		const op = (await call(emu, 'senders', { get: 1, cnt: 1, operators: 1, files: 1, fmt: 3 }))
			.json;
		expect(op).toEqual([
			{ id: 4, sender: 'DDD', cmt: '', status: 1, operators: { mts_step: 0, tele2: 0 }, files: [] },
		]);
		expect((await call(emu, 'senders', { get: 1 })).text.split('\n')).toHaveLength(4);
	});

	test('digital sender: send_code and check_code', async () => {
		await call(emu, 'senders', { add: 1, sender: '79990001122' });
		expect(
			(await call(emu, 'senders', { send_code: 1, sender: '79990001122', fmt: 3 })).json,
		).toEqual({ result: 'OK' });
		const { code } = emu.getSenderCode({ login: 'demo', sender: '79990001122' });
		expect(code).toMatch(/^\d{4}$/);
		const wrong = String((Number(code) % 9000) + 1000 === Number(code) ? Number(code) + 1 : 1000);
		expect(
			(
				await call(emu, 'senders', {
					check_code: 1,
					sender: '79990001122',
					code: wrong === code ? '0000' : wrong,
					fmt: 3,
				})
			).json.error_code,
		).toBe(5);
		expect(
			(await call(emu, 'senders', { check_code: 1, sender: '79990001122', code: code!, fmt: 3 }))
				.json,
		).toEqual({ result: 'OK' });
		expect((await call(emu, 'senders', { get: 1, fmt: 3 })).json).toEqual([
			{ id: 1, sender: '79990001122', cmt: '', status: 1 },
		]);
	});

	test('errors: 1 missing/invalid, 3 unknown, 5 duplicate; registration flags need their fields', async () => {
		expect((await call(emu, 'senders', { fmt: 3 })).json).toEqual({
			error: 'parameters error',
			error_code: 1,
		});
		expect((await call(emu, 'senders', { add: 1, fmt: 3 })).json.error_code).toBe(1);
		expect(
			(await call(emu, 'senders', { add: 1, sender: 'TOOLONGNAME12', fmt: 3 })).json.error_code,
		).toBe(1);
		expect(
			(await call(emu, 'senders', { add: 1, sender: 'SHOP', ua_reg: 1, fio: 'LLC', fmt: 3 })).json
				.error_code,
		).toBe(1);
		expect(
			(
				await call(emu, 'senders', {
					add: 1,
					sender: 'SHOP',
					ua_reg: 1,
					fio: 'LLC',
					inn: '123',
					site: 'shop.ua',
					email: 'a@shop.ua',
					address: 'Kyiv',
					desc: 'shop',
					subj: 'orders',
					fmt: 3,
				})
			).json,
		).toEqual({ id: 1 });
		expect((await call(emu, 'senders', { add: 1, sender: 'shop', fmt: 3 })).json).toEqual({
			error: 'operation error',
			error_code: 5,
		});
		expect((await call(emu, 'senders', { chg: 1, id: 77, cmt: 'x', fmt: 3 })).json.error_code).toBe(
			3,
		);
		expect(
			(await call(emu, 'senders', { send_code: 1, sender: 'SHOP', fmt: 3 })).json.error_code,
		).toBe(1);
		expect(
			(
				await call(emu, 'senders', {
					add: 1,
					mail: 1,
					sender: 'info@shop.ru',
					name: 'Shop',
					fmt: 3,
				})
			).json,
		).toEqual({ id: 2 });
		expect((await call(emu, 'senders', { get: 1, fmt: 3 })).json[0]).toEqual({
			id: 2,
			sender: 'info@shop.ru',
			cmt: '',
			status: 1,
			mail: 1,
			name: 'Shop',
		});
	});
});

describe('Belarus fields and the document for the operators', () => {
	const BY = {
		by_reg: 1,
		by_fio: 'OOO',
		by_inn: '1',
		by_address: 'Minsk',
		by_mes: 'Hi',
		by_site: 'x.by',
		by_type: 3,
	};
	test('by_ocup is numbered 1 to 19, by_type 1 to 3: anything else is error 1', async () => {
		expect(
			(await call(emu, 'senders', { add: 1, sender: 'ByA', ...BY, by_ocup: 19, fmt: 3 })).json,
		).toEqual({
			id: expect.any(Number),
		});
		expect(
			(await call(emu, 'senders', { add: 1, sender: 'ByB', ...BY, by_ocup: 20, fmt: 3 })).json,
		).toMatchObject({
			error_code: 1,
		});
		expect(
			(await call(emu, 'senders', { add: 1, sender: 'ByC', ...BY, by_ocup: 1, by_type: 4, fmt: 3 }))
				.json,
		).toMatchObject({ error_code: 1 });
	});

	test('a document in the body is listed by get files=1; another type is error 1', async () => {
		const post = async (fileName: string) => {
			const form = new FormData();
			for (const [k, v] of Object.entries({
				login: 'demo',
				psw: 'demo-password',
				fmt: '3',
				add: '1',
				sender: `D${fileName.length}`,
			}))
				form.set(k, v);
			form.set('file', new Blob([Buffer.alloc(200, 1)]), fileName);
			return (await fetch(`${emu.url}/sys/senders.php`, { method: 'POST', body: form })).json();
		};
		expect(await post('cert.pdf')).toEqual({ id: expect.any(Number) });
		expect(await post('cert.docx')).toMatchObject({ error_code: 1 });
		const [listed] = (await call(emu, 'senders', { get: 1, files: 1, fmt: 3 })).json;
		expect(listed.files).toEqual([
			{ file: 'cert.pdf', fid: expect.any(Number), fstatus: 0, fcomment: '' },
		]);
	});
});

test("user: the command applies to the caller's sub-client; any other login is error 2 (a guess)", async () => {
	emu.createAccount({ login: 'branch', psw: 'x', parent: 'demo' });
	emu.createAccount({ login: 'stranger', psw: 'x' });
	expect(
		(await call(emu, 'senders', { add: 1, sender: 'Branch', user: 'branch', fmt: 3 })).json,
	).toEqual({
		id: expect.any(Number),
	});
	expect(emu.mustAccount('branch').findSender('Branch')).toBeDefined();
	expect(emu.mustAccount('demo').findSender('Branch')).toBeUndefined();
	expect((await call(emu, 'senders', { get: 1, user: 'stranger', fmt: 3 })).json).toMatchObject({
		error_code: 2,
	});
});

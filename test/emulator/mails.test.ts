/**
 * mails.php ("Управление контактами": "the format of requests is the same as for phones.php") and
 * the fmt=3 contact shape of that page, with and without the guessed `int_id`.
 */
import { call, useEmulator } from './helpers';

const emu = useEmulator();

const mails = async (params: Record<string, string | number>) =>
	(await call(emu, 'mails', { fmt: 3, ...params })).json;

describe('mails.php: phones.php commands for e-mail addresses', () => {
	test('add, get, chg (new_mail), move_group, del: contacts carry mail and mail_other', async () => {
		expect(await mails({ add_group: 1, name: 'Newsletter', type: 1 })).toEqual({ id: 1 });
		expect(await mails({ add: 1, mail: 'Anna@Example.com', name: 'Anna', grp: 1 })).toEqual({
			id: 1,
		});
		expect(await mails({ get: 1 })).toEqual([
			{
				mail: 'anna@example.com',
				name: 'Anna',
				group: 1,
				first_name: '',
				last_name: '',
				middle_name: '',
				birthday: '',
				id: '',
				comments: '',
				tags: '',
				mail_other: '',
				int_id: 1,
			},
		]);
		expect(await mails({ add: 1, mail: 'not-an-address' })).toMatchObject({ error_code: 1 });
		expect(await mails({ add: 1, mail: 'anna@example.com' })).toMatchObject({ error_code: 5 });
		expect(
			await mails({ chg: 1, mail: 'anna@example.com', new_mail: 'anna@shop.example' }),
		).toEqual({ result: 'OK' });
		expect(await mails({ get: 1, mail: 'anna@shop.example' })).toMatchObject([
			{ mail: 'anna@shop.example' },
		]);
		expect(await mails({ move_group: 3, grp: 1, mail: 'anna@shop.example' })).toEqual({
			result: 'OK',
		});
		expect(await mails({ del: 1, mail: 'anna@shop.example' })).toEqual({ result: 'OK' });
		expect(await mails({ get: 1 })).toMatchObject({ error_code: 3 });
	});

	test('its own book: phones.php does not see e-mail contacts, and an e-mail to G<n> uses the mails.php group', async () => {
		await mails({ add_group: 1, name: 'Mail group', num: 7 });
		await mails({ add: 1, mail: 'anna@example.com, bob@example.com', grp: 1 });
		expect((await call(emu, 'phones', { get: 1, fmt: 3 })).json).toMatchObject({ error_code: 3 });
		const r = await call(emu, 'send', {
			phones: 'G7',
			mes: 'News',
			mail: 1,
			subj: 'News',
			sender: 'shop@example.com',
			fmt: 3,
		});
		expect(r.json).toEqual({ id: 1, cnt: 2 });
		expect(emu.getMessages({ login: 'demo' }).map((m) => m.phone)).toEqual([
			'anna@example.com',
			'bob@example.com',
		]);
	});

	test('blacklist: add_black/get_black/del_black by address; a blocked address is not mailed', async () => {
		expect(await mails({ add_black: 1, mail: 'spam@example.com', cmt: 'asked' })).toEqual({
			id: 1,
		});
		expect(await mails({ get_black: 1 })).toEqual([
			{ id: 1, email: 'spam@example.com', type: 0, comment: 'asked' },
		]);
		const r = await call(emu, 'send', {
			phones: 'spam@example.com',
			mes: 'x',
			mail: 1,
			subj: 'S',
			sender: 'shop@example.com',
			fmt: 3,
		});
		expect(r.json).toMatchObject({ error_code: 8 });
		expect(await mails({ del_black: 1, mail: 'spam@example.com' })).toEqual({ result: 'OK' });
	});

	test('the same limit as phones.php: 3 identical requests a minute', async () => {
		for (let i = 0; i < 3; i++)
			expect(await mails({ get_group: 1 })).toMatchObject({ error_code: 3 });
		expect(await mails({ get_group: 1 })).toMatchObject({ error_code: 9 });
	});
});

describe('contacts fmt=3: int_id', () => {
	test('by default each contact carries int_id (the after_id cursor; a guess)', async () => {
		await call(emu, 'phones', { add: 1, phone: '79990000001', fmt: 3 });
		expect((await call(emu, 'phones', { get: 1, fmt: 3 })).json[0]).toHaveProperty('int_id', 1);
	});

	test('contactIntId: false gives exactly the shape on the page, and after_id still pages', async () => {
		emu.updateAccount({ login: 'demo', contactIntId: false });
		for (let i = 1; i <= 3; i++)
			await call(emu, 'phones', { add: 1, phone: `7999000000${i}`, fmt: 3 });
		const page = (await call(emu, 'phones', { get: 1, cnt: 2, fmt: 3 })).json;
		expect(Object.keys(page[0])).toEqual([
			'phone',
			'name',
			'group',
			'first_name',
			'last_name',
			'middle_name',
			'birthday',
			'id',
			'comments',
			'tags',
			'phone_other',
		]);
		expect(page).toHaveLength(2);
		expect(
			(await call(emu, 'phones', { get: 1, after_id: 2, fmt: 3 })).json.map(
				(c: { phone: string }) => c.phone,
			),
		).toEqual(['79990000003']);
	});
});

describe('senders.php get: all=0 (the default) returns active names only', () => {
	test('a pending digital name is listed only with all=1', async () => {
		await call(emu, 'senders', { add: 1, sender: '79990001122', fmt: 3 });
		const names = async (p: Record<string, number>) =>
			(await call(emu, 'senders', { get: 1, fmt: 3, ...p })).json.map(
				(s: { sender: string }) => s.sender,
			);
		expect(await names({})).not.toContain('79990001122');
		expect(await names({ all: 0 })).toEqual(await names({}));
		expect(await names({ all: 1 })).toContain('79990001122');
	});
});

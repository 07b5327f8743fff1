import { call, start, useEmulator } from './helpers';

const emu = useEmulator({ duplicateLimits: { phones: 1000 } });

describe('phones.php examples of "Управление контактами"', () => {
	test('contacts and groups, in the documented order', async () => {
		// create group "Group" (the doc's id 321 is ours 1)
		expect((await call(emu, 'phones', { add_group: 1, name: 'Group' })).text).toBe('ID = 1');
		// contact "Contact" in that group
		expect(
			(await call(emu, 'phones', { add: 1, phone: '79999999999', name: 'Contact', grp: 1 })).text,
		).toBe('ID = 1');
		// rename the contact
		expect(
			(await call(emu, 'phones', { chg: 1, phone: '79999999999', name: 'Contact1' })).text,
		).toBe('OK');
		// rename the group
		expect((await call(emu, 'phones', { chg_group: 1, grp: 1, name: 'Group1' })).text).toBe('OK');
		// contacts of group 1
		expect((await call(emu, 'phones', { get: 1, grp: 1 })).text).toBe(
			'phone = 79999999999, name = Contact1, group = 1, first_name = , last_name = , middle_name = , birthday = , id = , comments = , tags = , phone_other = ',
		);
		// contact by phone
		expect((await call(emu, 'phones', { get: 1, phone: '79999999999', fmt: 1 })).text).toBe(
			'79999999999,Contact1,1,,,,,,,,',
		);
		// all groups
		expect((await call(emu, 'phones', { get_group: 1 })).text).toBe(
			'id = 1, name = Group1, number = 1, cnt = 1',
		);
		expect((await call(emu, 'phones', { get_group: 1, fmt: 3 })).json).toEqual([
			{ id: 1, name: 'Group1', number: 1, cnt: '1' },
		]);
		// delete the contact, then the group
		expect((await call(emu, 'phones', { del: 1, phone: '79999999999' })).text).toBe('OK');
		expect((await call(emu, 'phones', { del_group: 1, grp: 1 })).text).toBe('OK');
		expect((await call(emu, 'phones', { get_group: 1, fmt: 3 })).json).toEqual({
			error: 'records not found',
			error_code: 3,
		});
	});

	test('blacklist: add with type=1, get, delete', async () => {
		expect(
			(await call(emu, 'phones', { add_black: 1, phone: '79999999999', type: 1, fmt: 3 })).json,
		).toEqual({ id: 1 });
		expect(
			(await call(emu, 'phones', { add_black: 1, phone: '79999999998', cmt: 'spam', fmt: 2 })).text,
		).toBe('<phone>\n<id>2</id>\n</phone>');
		expect((await call(emu, 'phones', { get_black: 1, fmt: 3 })).json).toEqual([
			{ id: 2, phone: '79999999998', type: 0, comment: 'spam' },
			{ id: 1, phone: '79999999999', type: 1, comment: '' },
		]);
		expect((await call(emu, 'phones', { get_black: 1 })).text).toBe(
			'id = 2, phone = 79999999998, type = 0, comment = spam\nid = 1, phone = 79999999999, type = 1, comment = ',
		);
		expect((await call(emu, 'phones', { get_black: 1, prev_id: 2, fmt: 3 })).json).toEqual([
			{ id: 1, phone: '79999999999', type: 1, comment: '' },
		]);
		expect((await call(emu, 'phones', { get_black: 1, cnt: 1, fmt: 1 })).text).toBe(
			'2,79999999998,0,spam',
		);
		expect(
			(await call(emu, 'phones', { del_black: 1, phone: '79999999999', fmt: 3 })).json,
		).toEqual({ result: 'OK' });
		expect(
			(await call(emu, 'phones', { del_black: 1, phone: '79999999999', fmt: 3 })).json,
		).toEqual({ error: 'records not found', error_code: 3 });
		expect((await call(emu, 'phones', { del_black: 1, phone: '79999999998', fmt: 2 })).text).toBe(
			'<result>OK</result>',
		);
		expect((await call(emu, 'phones', { get_black: 1, fmt: 3 })).json).toEqual({
			error: 'records not found',
			error_code: 3,
		});
	});
});

describe('contacts', () => {
	test('all fields round-trip in fmt=3 and fmt=2', async () => {
		await call(emu, 'phones', { add_group: 1, name: 'A' });
		await call(emu, 'phones', { add_group: 1, name: 'B', num: 42 });
		const r = await call(emu, 'phones', {
			add: 1,
			phone: '+7 999 000-00-01, 79990000002',
			name: 'Ivan',
			grp: '1,2',
			fnm: 'Иван',
			lnm: 'Петров',
			mnm: 'Сергеевич',
			bd: '01.02.1990',
			myid: 'crm-7',
			cmt: 'note',
			tags: 'vip,new',
			pho: '79990000009',
			charset: 'utf-8',
			fmt: 3,
		});
		expect(r.json).toEqual({ id: 1 });
		const g = await call(emu, 'phones', { get: 1, fmt: 3, charset: 'utf-8' });
		expect(g.json).toEqual([
			{
				phone: '79990000001,79990000002',
				name: 'Ivan',
				group: '1,2',
				first_name: 'Иван',
				last_name: 'Петров',
				middle_name: 'Сергеевич',
				birthday: '01.02.1990',
				id: 'crm-7',
				comments: 'note',
				tags: 'vip,new',
				phone_other: '79990000009',
				int_id: 1,
			},
		]);
		const x = await call(emu, 'phones', { get: 1, fmt: 2 });
		expect(x.text).toMatch(
			/^<list>\n<contact>\n<phone>79990000001,79990000002<\/phone>\n<name>Ivan<\/name>\n<group>1,2<\/group>\n/,
		);
		expect((await call(emu, 'phones', { get_group: 1, fmt: 3 })).json).toEqual([
			{ id: 1, name: 'A', number: 1, cnt: '1' },
			{ id: 2, name: 'B', number: 42, cnt: '1' },
		]);
	});

	test('chg with new_phone, grp; move_group 1/2/3', async () => {
		for (const n of ['A', 'B', 'C']) await call(emu, 'phones', { add_group: 1, name: n });
		await call(emu, 'phones', { add: 1, phone: '79990000001', grp: 1 });
		const groupOf = async () =>
			(await call(emu, 'phones', { get: 1, phone: '79990000002', fmt: 3 })).json[0]?.group;
		expect(
			(
				await call(emu, 'phones', {
					chg: 1,
					phone: '79990000001',
					new_phone: '79990000002',
					fmt: 3,
				})
			).json,
		).toEqual({ result: 'OK' });
		expect(
			(await call(emu, 'phones', { get: 1, phone: '79990000001', fmt: 3 })).json.error_code,
		).toBe(3);
		expect(await groupOf()).toBe(1);
		expect(
			(await call(emu, 'phones', { move_group: 1, grp: 2, phone: '79990000002', fmt: 3 })).json,
		).toEqual({ result: 'OK' });
		expect(await groupOf()).toBe(2);
		await call(emu, 'phones', { move_group: 2, grp: 3, phone: '79990000002' });
		expect(await groupOf()).toBe('2,3');
		await call(emu, 'phones', { move_group: 3, grp: 2, phone: '79990000002' });
		expect(await groupOf()).toBe(3);
		expect(
			(await call(emu, 'phones', { move_group: 3, grp: 2, phone: '79990000002', fmt: 3 })).json
				.error_code,
		).toBe(3);
		expect(
			(await call(emu, 'phones', { move_group: 4, grp: 2, phone: '79990000002', fmt: 3 })).json
				.error_code,
		).toBe(1);
		expect(
			(await call(emu, 'phones', { move_group: 1, grp: 99, phone: '79990000002', fmt: 3 })).json
				.error_code,
		).toBe(3);
		await call(emu, 'phones', { chg: 1, phone: '79990000002', grp: '1,2' });
		expect(await groupOf()).toBe('1,2');
		// deleting a group unlinks its contacts
		await call(emu, 'phones', { del_group: 1, grp: 1 });
		expect(await groupOf()).toBe(2);
	});

	test('errors: 1 no command / bad phone / unknown group; 3 unknown contact; 5 duplicate phone', async () => {
		expect((await call(emu, 'phones', { fmt: 3 })).json).toEqual({
			error: 'parameters error',
			error_code: 1,
		});
		expect((await call(emu, 'phones', { add: 1, fmt: 3 })).json.error_code).toBe(1);
		expect((await call(emu, 'phones', { add: 1, phone: 'abc', fmt: 3 })).json.error_code).toBe(1);
		expect(
			(await call(emu, 'phones', { add: 1, phone: '79990000001', grp: 5, fmt: 3 })).json.error_code,
		).toBe(1);
		expect(
			(await call(emu, 'phones', { add: 1, phone: '79990000001', bd: '1990-01-01', fmt: 3 })).json
				.error_code,
		).toBe(1);
		expect((await call(emu, 'phones', { add_group: 1, fmt: 3 })).json.error_code).toBe(1);
		expect(
			(await call(emu, 'phones', { chg: 1, phone: '79990000001', name: 'x', fmt: 3 })).json,
		).toEqual({ error: 'records not found', error_code: 3 });
		expect(
			(await call(emu, 'phones', { del: 1, phone: '79990000001', fmt: 3 })).json.error_code,
		).toBe(3);
		expect(
			(await call(emu, 'phones', { chg_group: 1, grp: 9, name: 'x', fmt: 3 })).json.error_code,
		).toBe(3);
		expect((await call(emu, 'phones', { del_group: 1, grp: 9, fmt: 1 })).text).toBe('0,-3');
		expect((await call(emu, 'phones', { get: 1, fmt: 3 })).json).toEqual({
			error: 'records not found',
			error_code: 3,
		});
		await call(emu, 'phones', { add: 1, phone: '79990000001' });
		expect((await call(emu, 'phones', { add: 1, phone: '89990000001', fmt: 3 })).json).toEqual({
			error: 'operation error',
			error_code: 5,
		});
		expect((await call(emu, 'phones', { add: 1, phone: '79990000001' })).text).toBe(
			'ERROR = 5 (operation error)',
		);
	});

	test('get: after_id paging, cnt, fio and search', async () => {
		for (let i = 1; i <= 7; i++)
			await call(emu, 'phones', {
				add: 1,
				phone: `7999000000${i}`,
				name: `Name${i}`,
				lnm: i % 2 ? 'Smith' : 'Jones',
			});
		const page = async (after: number) =>
			(await call(emu, 'phones', { get: 1, cnt: 3, after_id: after, fmt: 3 })).json.map?.(
				(c: { int_id: number }) => c.int_id,
			);
		expect(await page(0)).toEqual([1, 2, 3]);
		expect(await page(3)).toEqual([4, 5, 6]);
		expect(await page(6)).toEqual([7]);
		expect(await page(7)).toBeUndefined();
		await call(emu, 'phones', { del: 1, phone: '79990000005' });
		expect(await page(3)).toEqual([4, 6, 7]);
		expect(
			(await call(emu, 'phones', { get: 1, fio: 'jones', fmt: 3 })).json.map(
				(c: { name: string }) => c.name,
			),
		).toEqual(['Name2', 'Name4', 'Name6']);
		expect((await call(emu, 'phones', { get: 1, search: 'name3', fmt: 3 })).json).toHaveLength(1);
		expect(
			(await call(emu, 'phones', { get: 1, search: '0000007', fmt: 3 })).json.map(
				(c: { name: string }) => c.name,
			),
		).toEqual(['Name7']);
		expect((await call(emu, 'phones', { get: 1, cnt: 0, fmt: 3 })).json.error_code).toBe(1);
	});
});

test('more than 3 identical phones.php requests a minute → error 9', async () => {
	const strict = await start();
	try {
		await call(strict, 'phones', { add_group: 1, name: 'G' });
		for (let i = 0; i < 3; i++)
			expect((await call(strict, 'phones', { get_group: 1, fmt: 3 })).json).toHaveLength(1);
		expect((await call(strict, 'phones', { get_group: 1, fmt: 3 })).json).toEqual({
			error: 'duplicate request, wait a minute',
			error_code: 9,
		});
		strict.advanceClock({ ms: 60_001 });
		expect((await call(strict, 'phones', { get_group: 1, fmt: 3 })).json).toHaveLength(1);
	} finally {
		await strict.close();
	}
});

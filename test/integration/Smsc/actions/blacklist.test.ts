import { startEmulator } from '../../../emulator';
import type { RunningEmulator } from '../../../emulator';
import { forResource, newAccount, phonesApi, runAs } from '../../../support/accounts';

// Each test runs whole workflows through n8n-core; a busy CI machine can take seconds for one.
jest.setTimeout(30_000);

let emu: RunningEmulator;
beforeAll(async () => (emu = await startEmulator({ demoAccount: false })));
afterAll(async () => emu.close());

const blacklist = forResource('blacklist');

describe('Blacklist: Add', () => {
	it('blocks a number with the chosen type and comment', async () => {
		const login = newAccount(emu);
		const { json, requests, result } = await runAs(
			emu,
			login,
			'phones',
			blacklist('add', {
				phone: '={{ $json.phone }}',
				blockType: '={{ $json.type }}',
				additionalFields: { comment: '={{ $json.why }}' },
			}),
			{
				items: [
					{ phone: '+7 999 000 11 01', type: 'all', why: '' },
					{ phone: '+79990001102', type: 'mass', why: 'asked to stop newsletters' },
					{ phone: '+79990001103', type: 'single', why: 'robot' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(requests).toEqual([
			{ add_black: '1', phone: '+79990001101', type: '0' },
			{ add_black: '1', phone: '+79990001102', type: '1', cmt: 'asked to stop newsletters' },
			{ add_black: '1', phone: '+79990001103', type: '2', cmt: 'robot' },
		]);
		expect(json).toEqual([
			{ id: expect.any(Number), phone: '+79990001101', type: 'all' },
			{
				id: expect.any(Number),
				phone: '+79990001102',
				type: 'mass',
				comment: 'asked to stop newsletters',
			},
			{ id: expect.any(Number), phone: '+79990001103', type: 'single', comment: 'robot' },
		]);
		const stored = await phonesApi(emu, login, { get_black: 1 });
		expect(stored).toEqual([
			{ id: json[2].id, phone: '79990001103', type: 2, comment: 'robot' },
			{ id: json[1].id, phone: '79990001102', type: 1, comment: 'asked to stop newsletters' },
			{ id: json[0].id, phone: '79990001101', type: 0, comment: '' },
		]);
	});

	it('refuses a malformed phone before any request, or with continueOnFail outputs the error', async () => {
		const login = newAccount(emu);
		const items = [{ phone: 'call me' }, { phone: '+79990001104' }];
		const parameters = blacklist('add', { phone: '={{ $json.phone }}', blockType: 'all' });
		const stopped = await runAs(emu, login, 'phones', parameters, { items });
		expect(stopped.result.error?.errorName).toBe('NodeOperationError');
		expect(stopped.result.error?.message).toMatch(
			/The Phone "call me" is not a phone number.*\[item 0\]/,
		);
		expect(stopped.requests).toEqual([]);
		const continued = await runAs(emu, login, 'phones', parameters, {
			items,
			continueOnFail: true,
		});
		expect(continued.json).toEqual([
			{ error: expect.stringMatching(/not a phone number/), itemIndex: 0 },
			{ id: expect.any(Number), phone: '+79990001104', type: 'all' },
		]);
		expect(continued.requests).toEqual([{ add_black: '1', phone: '+79990001104', type: '0' }]);
	});

	it('reports SMSC refusing a fourth identical request within a minute (error 9)', async () => {
		const login = newAccount(emu);
		const { json, requests } = await runAs(
			emu,
			login,
			'phones',
			blacklist('add', { phone: '+79990001105', blockType: 'all' }),
			{
				items: [{}, {}, {}, {}],
				continueOnFail: true,
			},
		);
		expect(requests).toHaveLength(4);
		expect(json.slice(0, 3).every((item) => item.id === json[0].id)).toBe(true);
		expect(json[3]).toEqual({
			error: expect.stringMatching(
				/more than three identical .* requests within a minute \(error 9\)/,
			),
			itemIndex: 3,
		});
	});
});

describe('Blacklist: Remove', () => {
	it('unblocks the number', async () => {
		const login = newAccount(emu);
		await phonesApi(emu, login, { add_black: 1, phone: '79990002201' });
		await phonesApi(emu, login, { add_black: 1, phone: '79990002202' });
		const { json, requests } = await runAs(
			emu,
			login,
			'phones',
			blacklist('remove', { phone: '+79990002201' }),
		);
		expect(requests).toEqual([{ del_black: '1', phone: '+79990002201' }]);
		expect(json).toEqual([{ success: true, phone: '+79990002201' }]);
		const left = await phonesApi(emu, login, { get_black: 1 });
		expect(left.map((row: { phone: string }) => row.phone)).toEqual(['79990002202']);
	});

	it('names a number that is not listed, or with continueOnFail outputs that error', async () => {
		const login = newAccount(emu);
		const parameters = blacklist('remove', { phone: '+79990002299' });
		const stopped = await runAs(emu, login, 'phones', parameters);
		expect(stopped.result.error?.errorName).toBe('NodeApiError');
		expect(stopped.result.error?.message).toMatch(
			/The phone \+79990002299 is not on the SMSC blacklist \(SMSC error 3\)/,
		);
		const continued = await runAs(emu, login, 'phones', parameters, { continueOnFail: true });
		expect(continued.json).toEqual([
			{ error: expect.stringMatching(/not on the SMSC blacklist/), itemIndex: 0 },
		]);
	});
});

describe('Blacklist: Get Many', () => {
	it('outputs the newest entries up to the limit in one request', async () => {
		const login = newAccount(emu);
		for (let n = 1; n <= 4; n++)
			await phonesApi(emu, login, {
				add_black: 1,
				phone: `7999000330${n}`,
				type: n % 3,
				cmt: `c${n}`,
			});
		const { json, requests } = await runAs(emu, login, 'phones', blacklist('getAll', { limit: 2 }));
		expect(requests).toEqual([{ get_black: '1', cnt: '2' }]);
		expect(json).toEqual([
			{ id: expect.any(Number), phone: '79990003304', type: 'mass', comment: 'c4' },
			{ id: expect.any(Number), phone: '79990003303', type: 'all', comment: 'c3' },
		]);
	});

	it('asks SMSC once when several items ask for the same list (SMSC refuses a fourth identical request)', async () => {
		const login = newAccount(emu);
		await phonesApi(emu, login, { add_black: 1, phone: '79990003311', type: 0 });
		const { json, requests } = await runAs(
			emu,
			login,
			'phones',
			blacklist('getAll', { limit: 5 }),
			{ items: [{}, {}, {}, {}, {}] },
		);
		expect(requests).toEqual([{ get_black: '1', cnt: '5' }]);
		expect(json.map((row) => row.phone)).toEqual(Array(5).fill('79990003311'));
	});

	it('returns every entry page by page with prev_id', async () => {
		const login = newAccount(emu);
		const total = 1002;
		// Twelve at a time: SMSC (and the emulator) refuse a fifteenth concurrent request per login.
		for (let start = 0; start < total; start += 12) {
			const answers = await Promise.all(
				Array.from({ length: Math.min(12, total - start) }, (_, k) =>
					phonesApi(emu, login, {
						add_black: 1,
						phone: `7998${String(start + k).padStart(7, '0')}`,
					}),
				),
			);
			expect(answers.every((answer) => typeof answer.id === 'number')).toBe(true);
		}
		const { json, requests } = await runAs(
			emu,
			login,
			'phones',
			blacklist('getAll', { returnAll: true }),
		);
		expect(json).toHaveLength(total);
		expect(new Set(json.map((item) => item.id)).size).toBe(total);
		const smallestOfFirstPage = Math.min(...json.slice(0, 1000).map((item) => item.id as number));
		expect(requests).toEqual([
			{ get_black: '1', cnt: '1000' },
			{ get_black: '1', cnt: '1000', prev_id: String(smallestOfFirstPage) },
		]);
	}, 60_000);

	it('outputs nothing for an empty blacklist', async () => {
		const login = newAccount(emu);
		const { json, result } = await runAs(
			emu,
			login,
			'phones',
			blacklist('getAll', { returnAll: true }),
		);
		expect(result.error).toBeUndefined();
		expect(json).toEqual([]);
	});

	it('fails on a rejected login, or with continueOnFail outputs the error', async () => {
		const login = newAccount(emu);
		emu.updateAccount({ login, psw: 'changed-elsewhere' });
		const stopped = await runAs(emu, login, 'phones', blacklist('getAll', { limit: 10 }));
		expect(stopped.result.error?.message).toMatch(/error 2/);
		const continued = await runAs(emu, login, 'phones', blacklist('getAll', { limit: 10 }), {
			continueOnFail: true,
		});
		expect(continued.json).toEqual([{ error: expect.stringMatching(/error 2/), itemIndex: 0 }]);
	});
});

import { useEmulator } from '../../../../support/emulator';
import { newAccount, phonesApi, resourceRuns } from '../../../../support/accounts';

const emu = useEmulator();

const blacklist = resourceRuns(emu, 'blacklist', 'phones');

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
		const { json, requests } = await blacklist.run(login, 'getAll', { limit: 2 });
		expect(requests).toEqual([{ get_black: '1', cnt: '2' }]);
		expect(json).toEqual([
			{ id: expect.any(Number), phone: '79990003304', type: 'mass', comment: 'c4' },
			{ id: expect.any(Number), phone: '79990003303', type: 'all', comment: 'c3' },
		]);
	});

	it('asks SMSC once when several items ask for the same list (SMSC refuses a fourth identical request)', async () => {
		const login = newAccount(emu);
		await phonesApi(emu, login, { add_black: 1, phone: '79990003311', type: 0 });
		const { json, requests } = await blacklist.run(
			login,
			'getAll',
			{ limit: 5 },
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
		const { json, requests } = await blacklist.run(login, 'getAll', { returnAll: true });
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
		const { json, result } = await blacklist.run(login, 'getAll', { returnAll: true });
		expect(result.error).toBeUndefined();
		expect(json).toEqual([]);
	});

	it('fails on a rejected login, or with continueOnFail outputs the error', async () => {
		const login = newAccount(emu);
		emu.updateAccount({ login, psw: 'changed-elsewhere' });
		const stopped = await blacklist.run(login, 'getAll', { limit: 10 });
		expect(stopped.result.error?.message).toMatch(/error 2/);
		const continued = await blacklist.run(
			login,
			'getAll',
			{ limit: 10 },
			{
				continueOnFail: true,
			},
		);
		expect(continued.json).toEqual([{ error: expect.stringMatching(/error 2/), itemIndex: 0 }]);
	});
});

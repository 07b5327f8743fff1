import { newAccount } from '../../../../support/accounts';
import { usePhoneBook } from '../../../../support/resources';

const { emu, blacklist, seedBlocked, seedBlockedMany, expectTwoPages } = usePhoneBook();

describe('Blacklist: Get Many', () => {
	it('outputs the newest entries up to the limit in one request', async () => {
		const login = newAccount(emu);
		for (let n = 1; n <= 4; n++)
			await seedBlocked(login, `7999000330${n}`, { type: n % 3, cmt: `c${n}` });
		const { json, requests } = await blacklist.run(login, 'getAll', { limit: 2 });
		expect(requests).toEqual([{ get_black: '1', cnt: '2' }]);
		expect(json).toEqual([
			{ id: expect.any(Number), phone: '79990003304', type: 'mass', comment: 'c4' },
			{ id: expect.any(Number), phone: '79990003303', type: 'all', comment: 'c3' },
		]);
	});

	it('asks SMSC once when several items ask for the same list (SMSC refuses a fourth identical request)', async () => {
		const login = newAccount(emu);
		await seedBlocked(login, '79990003311', { type: 0 });
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
		await expectTwoPages(blacklist, seedBlockedMany, 1002, { get_black: '1' }, 'prev_id');
	}, 60_000);

	it('outputs nothing for an empty blacklist', async () => {
		await blacklist.expectNothingListed('getAll', { returnAll: true });
	});

	it('fails on a rejected login, or with continueOnFail outputs the error', async () => {
		await blacklist.expectRejectedLogin('getAll', { limit: 10 });
	});
});

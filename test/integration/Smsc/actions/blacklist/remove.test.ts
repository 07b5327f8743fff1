import { useEmulator } from '../../../../support/emulator';
import { newAccount, phonesApi, resourceRuns, runAs } from '../../../../support/accounts';

const emu = useEmulator();

const blacklist = resourceRuns(emu, 'blacklist', 'phones');

describe('Blacklist: Remove', () => {
	it('unblocks the number', async () => {
		const login = newAccount(emu);
		await phonesApi(emu, login, { add_black: 1, phone: '79990002201' });
		await phonesApi(emu, login, { add_black: 1, phone: '79990002202' });
		const { json, requests } = await blacklist.run(login, 'remove', { phone: '+79990002201' });
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

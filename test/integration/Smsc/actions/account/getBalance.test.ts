import { useEmulator } from '../../../../support/emulator';
import { newAccount, resourceRuns, runAs } from '../../../../support/accounts';
import { schemaViolations } from '../../../../support/schema';

const emu = useEmulator();

const getBalance = { resource: 'account', operation: 'getBalance' };
const account = resourceRuns(emu, 'account', 'balance');

describe('Account: Get Balance', () => {
	it('outputs the balance as a number with its currency', async () => {
		const login = newAccount(emu, { balance: 123.45, currency: 'KZT' });
		const { json, requests, result } = await runAs(emu, login, 'balance', getBalance);
		expect(result.error).toBeUndefined();
		expect(requests).toEqual([{ cur: '1' }]);
		expect(json).toEqual([{ balance: 123.45, currency: 'KZT' }]);
		expect(schemaViolations('account', 'getBalance', json[0])).toEqual([]);
	});

	it('answers every input item from one request, so many items never hit the 10-a-minute limit', async () => {
		const login = newAccount(emu, { balance: 50 });
		const items = Array.from({ length: 12 }, (_, i) => ({ i }));
		const { json, requests, result } = await runAs(emu, login, 'balance', getBalance, { items });
		expect(result.error).toBeUndefined();
		expect(requests).toHaveLength(1);
		expect(json).toEqual(items.map(() => ({ balance: 50, currency: 'RUR' })));
		expect(result.output('SMSC').map((item) => item.pairedItem)).toEqual(
			items.map((_, item) => ({ item })),
		);
	});

	it('fails with a wrong password, or with continueOnFail gives every item the error', async () => {
		const login = newAccount(emu);
		emu.updateAccount({ login, psw: 'changed-elsewhere' });
		const { continued } = await account.expectItemFails(login, 'getBalance', {
			fields: {},
			items: [{}, {}],
			error: 'NodeApiError',
			message: /rejected the login and password or the API key \(error 2\)/,
			// one request answers both items, so the second gets the same error
			outputs: [{ error: expect.stringMatching(/error 2/), itemIndex: 1 }],
		});
		expect(continued.requests).toHaveLength(1);
		expect(continued.json[1].error).not.toMatch(/\[item/);
	});

	it("reports SMSC's duplicate limit in English when other clients used it up", async () => {
		const login = newAccount(emu);
		for (let i = 0; i < 10; i++) await runAs(emu, login, 'balance', getBalance);
		const { result, requests } = await runAs(emu, login, 'balance', getBalance);
		expect(requests).toHaveLength(1);
		expect(result.error?.message).toMatch(
			/refused an identical request repeated too often within a minute \(error 9\)/,
		);
	});
});

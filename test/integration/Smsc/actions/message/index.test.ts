import type { IDataObject } from 'n8n-workflow';

import { useEmulator } from '../../../../support/emulator';
import { messageAccount } from '../../../../support/accounts';
import { messages } from '../../../../support/resources';

const emu = useEmulator();

const { run } = messages(emu);

describe('Message: every operation reports SMSC errors per item', () => {
	const operations: Array<[string, IDataObject]> = [
		['send', { phones: '+79991234567', message: 'Hi' }],
		['getCost', { phones: '+79991234567', message: 'Hi' }],
		['getStatus', { messageId: '1', phones: '+79991234567' }],
		['delete', { messageId: '1', phones: '+79991234567' }],
		['getManySent', { limit: 5 }],
		['getManyIncoming', { limit: 5 }],
	];
	it.each(operations)(
		'%s: stops with an API error, or outputs it with Continue On Fail',
		async (operation, parameters) => {
			const login = messageAccount(emu, { balance: 5000 });
			const off = await run(login, operation, parameters, { password: 'wrong' });
			expect(off.result.error?.errorName).toBe('NodeApiError');
			expect(off.result.error?.message).toMatch(
				/rejected the login and password or the API key \(error 2\).*\[item 0\]/,
			);
			const on = await run(login, operation, parameters, {
				password: 'wrong',
				continueOnFail: true,
				items: [{ n: 1 }, { n: 2 }],
			});
			expect(on.result.error).toBeUndefined();
			expect(on.json).toEqual([
				expect.objectContaining({
					error: expect.stringMatching(/error 2.*\[item 0\]/),
					itemIndex: 0,
				}),
				expect.objectContaining({
					error: expect.stringMatching(/error 2.*\[item 1\]/),
					itemIndex: 1,
				}),
			]);
			expect(on.result.output('SMSC').map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
			]);
		},
	);
});

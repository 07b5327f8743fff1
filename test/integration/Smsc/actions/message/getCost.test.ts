import { useEmulator } from '../../../../support/emulator';
import { messageAccount } from '../../../../support/accounts';
import { messages } from '../../../../support/resources';

const emu = useEmulator();

const { requests, run } = messages(emu);

describe('Message: Get Cost', () => {
	it('prices the message with cost=1 and sends nothing', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		const { json, result } = await run(login, 'getCost', {
			phones: '+79991234567, +79991234568',
			message: 'x'.repeat(200),
			options: { sender: 'MyShop' },
		});
		expect(result.error).toBeUndefined();
		expect(requests(login, 'send')).toEqual([
			{ phones: '+79991234567,+79991234568', mes: 'x'.repeat(200), sender: 'MyShop', cost: '1' },
		]);
		expect(json).toEqual([
			{
				cost: 10,
				parts: 4,
				channel: 'sms',
				phones: ['+79991234567', '+79991234568'],
				encoding: 'GSM-7',
				characters: 200,
				partsPerRecipient: 2,
			},
		]);
		expect(emu.getMessages({ login })).toEqual([]);
		expect(emu.getAccount({ login }).balance).toBe('5000.00');
	});

	it('checks the item like Send does, before any request', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		const { result } = await run(login, 'getCost', {
			phones: '+79991234567',
			message: '={{ "" }}',
		});
		expect(result.error?.message).toMatch(/The Message is empty.*\[item 0\]/);
		expect(requests(login, 'send')).toEqual([]);
	});

	it('explains error 9 the way the page does for a price: more than five identical price requests a minute', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		const { json, result } = await run(
			login,
			'getCost',
			{ phones: '+79991234567', message: 'Same price' },
			{ items: [{}, {}, {}, {}, {}, {}], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(json.slice(0, 5).map((item) => item.cost)).toEqual([2.5, 2.5, 2.5, 2.5, 2.5]);
		expect(json[5]).toEqual({
			error: expect.stringMatching(
				/more than five identical price requests were made within a minute \(error 9\).*\[item 5\]/,
			),
			itemIndex: 5,
		});
		expect(String(json[5].error)).not.toMatch(/send history|refused this send/);
	});
});

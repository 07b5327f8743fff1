/**
 * Map Automatically (nodes/Smsc/send/mapping.ts): Send and Get Cost read the recipients and the
 * text from each item's fields by name, through n8n's engine against the emulator.
 */
import type { IDataObject } from 'n8n-workflow';

import { useEmulator } from '../../../support/emulator';
import { messageAccount, runMessage } from '../../../support/accounts';

const emu = useEmulator();

const phone = (n: number) => `+7999100${String(n).padStart(4, '0')}`;

const AUTO = { dataMode: 'autoMapInputData' };

function send(
	login: string,
	items: IDataObject[],
	fields: IDataObject = {},
	continueOnFail = false,
	operation = 'send',
) {
	return runMessage(emu, login, { operation, ...AUTO, ...fields }, { items, continueOnFail });
}

describe('Message: Send with Map Automatically', () => {
	it('sends each item its own text from the fields phone and message, once, paired with its item', async () => {
		const login = messageAccount(emu);
		const input = Array.from({ length: 7 }, (_, i) => ({
			phone: phone(i),
			message: `Order ${i} is ready`,
		}));
		const { result, output, requests } = await send(login, input);
		expect(result.error).toBeUndefined();
		// the defaults pack them into one list request, as in the expression mode
		expect(requests).toHaveLength(1);
		expect(requests[0].list.split('\n')).toEqual(input.map((x) => `${x.phone}:${x.message}`));
		expect(output.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
		output.forEach((item, i) => expect(item.json.phones).toEqual([phone(i)]));
		const messages = emu.getMessages({ login });
		expect(messages).toHaveLength(input.length);
		for (const [i, x] of input.entries()) {
			const own = messages.filter((m) => m.phone === x.phone.slice(1));
			expect(own.map((m) => m.text)).toEqual([`Order ${i} is ready`]);
		}
	});

	it('reads the field names given, nested ones by a dotted path, and numbers as numbers', async () => {
		const login = messageAccount(emu);
		const { result, requests } = await send(
			login,
			[
				{ contact: { mobile: 79991002001 }, body: 'Hello' },
				{ contact: { mobile: '+79991002002' }, body: 42 },
			],
			{ recipientField: 'contact.mobile', textField: 'body' },
		);
		expect(result.error).toBeUndefined();
		expect(requests[0].list.split('\n')).toEqual(['79991002001:Hello', '+79991002002:42']);
	});

	it('an item whose phone field holds several numbers sends to each, as the expression mode does', async () => {
		const login = messageAccount(emu);
		const numbers = [phone(20), phone(21), phone(22)];
		const input = [
			{ phone: `${numbers[0]}, ${numbers[1]}`, message: 'Two of us' },
			{ phone: [numbers[2]], message: 'From an array' },
		];
		const auto = await send(login, input);
		expect(auto.result.error).toBeUndefined();
		expect(auto.output[0].json.phones).toEqual([numbers[0], numbers[1]]);
		expect(auto.output[1].json.phones).toEqual([numbers[2]]);

		const other = messageAccount(emu);
		const expression = await runMessage(
			emu,
			other,
			{ operation: 'send', phones: '={{ $json.phone }}', message: '={{ $json.message }}' },
			{ items: input },
		);
		expect(expression.requests).toEqual(auto.requests);
		expect(expression.output.map((item) => item.json.phones)).toEqual(
			auto.output.map((item) => item.json.phones),
		);
		expect(
			emu
				.getMessages({ login })
				.map((m) => `${m.phone}:${m.text}`)
				.sort(),
		).toEqual(
			[
				`${numbers[0].slice(1)}:Two of us`,
				`${numbers[1].slice(1)}:Two of us`,
				`${numbers[2].slice(1)}:From an array`,
			].sort(),
		);
	});

	it('a missing recipients field stops the run before anything is sent, naming the item and the field', async () => {
		const login = messageAccount(emu);
		const { result, requests } = await send(login, [
			{ phone: phone(30), message: 'ok' },
			{ mobile: phone(31), message: 'no phone field' },
		]);
		expect(result.error?.errorName).toBe('NodeOperationError');
		expect(result.error?.message).toBe('The item has no field "phone". [item 1]');
		expect(requests).toEqual([]);
	});

	it('an empty text is refused before anything is sent, naming the item and the field', async () => {
		const login = messageAccount(emu);
		const { result, requests } = await send(
			login,
			[
				{ phone: phone(40), text: 'ok' },
				{ phone: phone(41), text: '   ' },
			],
			{ textField: 'text' },
		);
		expect(result.error?.message).toBe('The field "text" of the item is empty. [item 1]');
		expect(requests).toEqual([]);
	});

	it('with Continue On Fail, mixed items: the bad ones fail alone and the good ones are sent', async () => {
		const login = messageAccount(emu);
		const { result, output, requests } = await send(
			login,
			[
				{ phone: phone(50), message: 'first' },
				{ phone: '', message: 'empty phone' },
				{ phone: 'not a phone', message: 'bad phone' },
				{ phone: phone(53) },
				{ phone: phone(54), message: { nested: true } },
				{ phone: phone(55), message: 'last' },
			],
			{},
			true,
		);
		expect(result.error).toBeUndefined();
		expect(output.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3, 4, 5].map((item) => ({ item })),
		);
		expect(output.map((item) => item.json.error)).toEqual([
			undefined,
			'The field "phone" of the item is empty. [item 1]',
			'"not a phone" is not a phone number in international format, e.g. +79991234567. [item 2]',
			'The item has no field "message". [item 3]',
			'The field "message" of the item holds an object, not the text to send. [item 4]',
			undefined,
		]);
		expect(requests).toHaveLength(1);
		expect(requests[0].list.split('\n')).toEqual([`${phone(50)}:first`, `${phone(55)}:last`]);
	});

	it('the other parameters still apply to every item, expressions included', async () => {
		const login = messageAccount(emu);
		const { result, requests } = await send(
			login,
			[
				{ phone: phone(60), message: 'a', shop: 'ShopA' },
				{ phone: phone(61), message: 'b', shop: 'ShopB' },
			],
			{ options: { sender: '={{ $json.shop }}', translit: 1 } },
		);
		expect(result.error).toBeUndefined();
		expect(requests).toEqual([
			{ list: `ShopA|${phone(60)}:a\nShopB|${phone(61)}:b`, translit: '1', op: '1' },
		]);
	});

	it('Get Cost prices each item from its own fields, sending nothing', async () => {
		const login = messageAccount(emu);
		const { result, output } = await send(
			login,
			[
				{ phone: phone(70), message: 'short' },
				{ phone: `${phone(71)},${phone(72)}`, message: 'x'.repeat(200) },
			],
			{},
			false,
			'getCost',
		);
		expect(result.error).toBeUndefined();
		expect(output.map((item) => item.json.phones)).toEqual([[phone(70)], [phone(71), phone(72)]]);
		expect(output.map((item) => item.json.partsPerRecipient)).toEqual([1, 2]);
		expect(Number(output[1].json.cost)).toBeGreaterThan(Number(output[0].json.cost));
		expect(emu.getMessages({ login })).toEqual([]);
	});

	it('Get Cost refuses a missing field, naming the item and the field', async () => {
		const login = messageAccount(emu);
		const { result } = await send(login, [{ phone: phone(80) }], {}, false, 'getCost');
		expect(result.error?.message).toBe('The item has no field "message". [item 0]');
	});
});

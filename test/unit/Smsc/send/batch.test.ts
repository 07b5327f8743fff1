import { batchRequestParams, packBatches } from '../../../../nodes/Smsc/send/batch';
import { describeItems } from '../../../../nodes/Smsc/send/itemRanges';
import { recipientKey } from '../../../../nodes/Smsc/send/recipients';
import type { PreparedMessage } from '../../../../nodes/Smsc/send/item';

function message(
	itemIndex: number,
	recipients: string[],
	overrides: Partial<PreparedMessage> = {},
): PreparedMessage {
	return {
		itemIndex,
		channel: 'sms',
		recipients,
		keys: recipients.map(recipientKey),
		mes: `text ${itemIndex}`,
		attachments: [],
		sender: '',
		params: {},
		batchKey: 'same',
		batchable: true,
		costReport: 0,
		perRecipient: false,
		rawResponse: false,
		...overrides,
	};
}

const indexes = (batches: ReturnType<typeof packBatches>) =>
	batches.map((b) => b.messages.map((m) => m.itemIndex));

describe('packBatches', () => {
	it('fills batches up to the batch size, in input order', () => {
		const messages = Array.from({ length: 7 }, (_, i) => message(i, [`+7999000000${i}`]));
		const batches = packBatches(messages, 3);
		expect(indexes(batches)).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
		expect(batches.map((b) => b.list)).toEqual([true, true, false]);
	});

	it('keeps items with different send options apart', () => {
		const messages = [
			message(0, ['+79990000000']),
			message(1, ['+79990000001'], { batchKey: 'other' }),
			message(2, ['+79990000002']),
		];
		expect(indexes(packBatches(messages, 10))).toEqual([[0, 2], [1]]);
	});

	it('puts each repeat of a subscriber in a later batch, never with its earlier message', () => {
		const messages = [
			message(0, ['+79990000001']),
			message(1, ['+79990000002']),
			message(2, ['89990000001']), // the same subscriber written the Russian domestic way
			message(3, ['+79990000003', '+79990000002']),
			message(4, ['+79990000004']),
			message(5, ['+79990000001']),
		];
		expect(indexes(packBatches(messages, 10))).toEqual([[0, 1, 4], [2, 3], [5]]);
	});

	it('reuses a later batch with room instead of opening one per repeat', () => {
		const messages = [
			message(0, ['+79990000001']),
			message(1, ['+79990000001']),
			message(2, ['+79990000002']),
			message(3, ['+79990000002']),
		];
		expect(indexes(packBatches(messages, 10))).toEqual([
			[0, 2],
			[1, 3],
		]);
	});

	it('sends items that cannot be a list line alone', () => {
		const messages = [
			message(0, ['+79990000000']),
			message(1, ['G5'], { batchable: false }),
			message(2, ['+79990000002']),
		];
		const batches = packBatches(messages, 10);
		expect(indexes(batches)).toEqual([[0, 2], [1]]);
		expect(batches[1].list).toBe(false);
	});

	it('packs 100,000 items, mostly distinct with some repeats, each batch without a repeated recipient', () => {
		const messages = Array.from({ length: 100_000 }, (_, i) =>
			message(i, [`+7900${String(i % 90_000).padStart(7, '0')}`]),
		);
		const batches = packBatches(messages, 200);
		expect(batches.reduce((n, b) => n + b.messages.length, 0)).toBe(100_000);
		for (const batch of batches)
			expect(new Set(batch.messages.flatMap((m) => m.keys)).size).toBe(batch.messages.length);
	});
});

describe('batchRequestParams', () => {
	it('writes a single item as phones + mes', () => {
		const batch = packBatches(
			[message(0, ['+79990000000', '+79990000001'], { sender: 'Shop', params: { translit: 1 } })],
			10,
		)[0];
		expect(batchRequestParams(batch)).toEqual({
			translit: 1,
			phones: '+79990000000,+79990000001',
			mes: 'text 0',
			sender: 'Shop',
		});
	});

	it('writes a list with one sender as a request parameter and escapes newlines', () => {
		const batch = packBatches(
			[
				message(0, ['+79990000000'], { sender: 'Shop', mes: 'a\nb' }),
				message(1, ['+79990000001'], { sender: 'Shop' }),
			],
			10,
		)[0];
		expect(batchRequestParams(batch)).toEqual({
			sender: 'Shop',
			list: '+79990000000:a\\nb\n+79990000001:text 1',
		});
	});

	it('writes differing senders per line', () => {
		const batch = packBatches(
			[
				message(0, ['+79990000000'], { sender: 'A' }),
				message(1, ['+79990000001', '+79990000002'], { sender: 'B' }),
			],
			10,
		)[0];
		expect(batchRequestParams(batch)).toEqual({
			list: 'A|+79990000000:text 0\nB|+79990000001,+79990000002:text 1',
		});
	});
});

describe('describeItems', () => {
	it('writes ranges', () => {
		expect(describeItems([5])).toBe('item 5');
		expect(describeItems([0, 1, 2, 4, 6, 7])).toBe('items 0–2, 4, 6–7');
	});

	it('shortens long gap lists', () => {
		const odd = Array.from({ length: 50 }, (_, i) => i * 2);
		expect(describeItems(odd)).toMatch(/^items 0, 2, 4, .* and 30 more ranges$/);
	});
});

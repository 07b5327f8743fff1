import type { IDataObject } from 'n8n-workflow';

import { useEmulator } from '../../../../support/emulator';
import { messageAccount, PASSWORD, requests, runMessage } from '../../../../support/accounts';

const emu = useEmulator();
afterEach(() => {
	emu.clearFailures();
	emu.setLatency({ ms: 0 });
});

const sendRequests = (login: string) => requests(emu, login);

const phone = (n: number) => `+7999000${String(n).padStart(4, '0')}`;
const items = (count: number, extra: (i: number) => IDataObject = () => ({})) =>
	Array.from({ length: count }, (_, i) => ({
		phone: phone(i),
		text: `Order ${i} is ready`,
		...extra(i),
	}));

/** Send's Bulk Options; every other option is a message option. */
const BULK_OPTIONS = ['batching', 'batchSize', 'concurrency', 'rawResponse'];

/** A Send of `input` with these options, each given to Options or Bulk Options as the node has it. */
const send = (
	login: string,
	settings: IDataObject,
	input: IDataObject[],
	continueOnFail = false,
	fields: IDataObject = {},
) => {
	const pick = (bulk: boolean) =>
		Object.fromEntries(
			Object.entries(settings).filter(([name]) => BULK_OPTIONS.includes(name) === bulk),
		);
	return runMessage(
		emu,
		login,
		{
			operation: 'send',
			phones: '={{ $json.phone }}',
			message: '={{ $json.text }}',
			options: pick(false),
			bulkOptions: pick(true),
			...fields,
		},
		{ items: input, continueOnFail },
	);
};

describe('Message: Send in bulk', () => {
	it('packs items with the same options into one list request and pairs each output with its item', async () => {
		const login = messageAccount(emu);
		const { result, output, requests } = await send(
			login,
			{ perRecipient: true, costReport: 2 },
			items(5, (i) => ({ text: i === 2 ? 'Two\nlines' : `Order ${i}` })),
		);
		expect(result.error).toBeUndefined();
		expect(requests).toEqual([
			{
				list: [
					`${phone(0)}:Order 0`,
					`${phone(1)}:Order 1`,
					`${phone(2)}:Two\\nlines`,
					`${phone(3)}:Order 3`,
					`${phone(4)}:Order 4`,
				].join('\n'),
				cost: '2',
				op: '1',
			},
		]);
		expect(output.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3, 4].map((item) => ({ item })),
		);
		output.forEach((item, i) => {
			expect(item.json).toMatchObject({
				id: 1,
				phones: [phone(i)],
				parts: 1,
				partsEstimated: true,
				requestItems: 5,
				note: expect.stringMatching(
					/^5 items went out in one SMSC request, so they share its message ID.*parts \(partsEstimated\) is the node's estimate/,
				),
				cost: 2.5,
				recipients: [{ phone: phone(i).slice(1), status: -1, statusName: 'waiting', cost: 2.5 }],
			});
		});
		expect(emu.getMessages({ login }).find((m) => m.phone === phone(2).slice(1))?.text).toBe(
			'Two\nlines',
		);
	});

	it('splits items whose options differ, and writes differing senders per line', async () => {
		const login = messageAccount(emu);
		const { result, requests, output } = await send(
			login,
			{ sender: '={{ $json.sender }}', translit: '={{ $json.translit }}' },
			items(6, (i) => ({ sender: i % 2 ? 'ShopA' : 'ShopB', translit: i < 4 ? 0 : 1 })),
		);
		expect(result.error).toBeUndefined();
		expect(requests).toEqual([
			{
				list: [
					`ShopB|${phone(0)}:Order 0 is ready`,
					`ShopA|${phone(1)}:Order 1 is ready`,
					`ShopB|${phone(2)}:Order 2 is ready`,
					`ShopA|${phone(3)}:Order 3 is ready`,
				].join('\n'),
				op: '1',
			},
			{
				list: [`ShopB|${phone(4)}:Order 4 is ready`, `ShopA|${phone(5)}:Order 5 is ready`].join(
					'\n',
				),
				translit: '1',
				op: '1',
			},
		]);
		expect(output.map((item) => item.json.id)).toEqual([1, 1, 1, 1, 2, 2]);
		expect(emu.getMessages({ login }).map((m) => m.sender)).toEqual([
			'ShopB',
			'ShopA',
			'ShopB',
			'ShopA',
			'ShopB',
			'ShopA',
		]);
	});

	it('never puts two items for the same phone into one request', async () => {
		const login = messageAccount(emu);
		const input = [
			{ phone: phone(1), text: 'a' },
			{ phone: phone(2), text: 'b' },
			{ phone: '+7 999 000 00 01', text: 'c' },
			{ phone: phone(3), text: 'd' },
			{ phone: phone(1), text: 'e' },
		];
		const { result, requests, output } = await send(login, {}, input);
		expect(result.error).toBeUndefined();
		// "+7 999 000 00 01" is the same subscriber as phone 1: it and the repeat go to later requests
		expect(requests).toEqual([
			{ list: `${phone(1)}:a\n${phone(2)}:b\n${phone(3)}:d`, op: '1' },
			{ phones: '+79990000001', mes: 'c' },
			{ phones: '+79990000001', mes: 'e' },
		]);
		expect(output.map((item) => item.json.id)).toEqual([1, 1, 2, 1, 3]);
		expect(output.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3, 4].map((item) => ({ item })),
		);
	});

	it('sends a text containing | alone, since SMSC reads | in a list line as the sender separator', async () => {
		const login = messageAccount(emu);
		const { requests } = await send(login, {}, [
			{ phone: phone(1), text: 'a' },
			{ phone: phone(2), text: 'Price|50%' },
			{ phone: phone(3), text: 'c' },
		]);
		expect(requests).toEqual([
			{ list: `${phone(1)}:a\n${phone(3)}:c`, op: '1' },
			{ phones: phone(2), mes: 'Price|50%' },
		]);
	});

	it('respects the batch size', async () => {
		const login = messageAccount(emu);
		const { requests, output } = await send(login, { batchSize: 2 }, items(5));
		expect(requests.map((r) => (r.list ?? r.phones).split('\n').length)).toEqual([2, 2, 1]);
		expect(requests[2]).toEqual({ phones: phone(4), mes: 'Order 4 is ready' });
		expect(output).toHaveLength(5);
	});

	it('sends one request per item with Batching off, several at once but never more than Concurrency', async () => {
		const login = messageAccount(emu);
		emu.setLatency({ ms: 40 });
		emu.resetStats();
		const { result, requests, output } = await send(
			login,
			{ batching: false, concurrency: 3 },
			items(9),
		);
		expect(result.error).toBeUndefined();
		expect(requests).toHaveLength(9);
		expect(requests.every((r) => r.phones && !r.list && !r.op)).toBe(true);
		const stats = emu.getStats();
		expect(stats.maxInFlightPerLogin).toBe(3);
		expect(output.map((item) => item.json.phones)).toEqual(items(9).map((i) => [i.phone]));
		expect(new Set(output.map((item) => item.json.id)).size).toBe(9);
	});

	it('keeps concurrency at 14 or below: the most the editor allows runs, more from an expression is refused before any request (version 2)', async () => {
		const login = messageAccount(emu);
		emu.setLatency({ ms: 30 });
		emu.resetStats();
		const { result } = await send(login, { batching: false, concurrency: '={{ 14 }}' }, items(40));
		expect(result.error).toBeUndefined();
		expect(emu.getStats().maxInFlightPerLogin).toBeLessThanOrEqual(14);
		expect(emu.getStats().error9).toBe(0);
		const refused = await runMessage(
			emu,
			login,
			{
				operation: 'send',
				phones: '={{ $json.phone }}',
				message: '={{ $json.text }}',
				bulkOptions: { batching: false, concurrency: '={{ 50 }}' },
			},
			{ items: items(3), typeVersion: 2 },
		);
		expect(refused.result.error?.message).toMatch(
			/Concurrency "50" is not a whole number from 1 to 14/,
		);
		expect(sendRequests(login)).toHaveLength(40);
	});
});

describe('Message: Send in bulk, failures', () => {
	it('a failed batch fails only its own items (Continue On Fail)', async () => {
		const login = messageAccount(emu);
		emu.failNext({ count: 1, mode: '5xx', script: 'send' });
		const { result, output } = await send(login, { batchSize: 2, concurrency: 1 }, items(6), true);
		expect(result.error).toBeUndefined();
		expect(output.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3, 4, 5].map((item) => ({ item })),
		);
		expect(output[0].json).toEqual({
			error: expect.stringMatching(/HTTP 500.*may have reached SMSC.*\[item 0\]/),
			itemIndex: 0,
			phones: [phone(0)],
			maybeSent: true,
		});
		expect(output[1].json).toMatchObject({
			error: expect.stringMatching(/HTTP 500.*\[item 1\]/),
			itemIndex: 1,
		});
		expect(output.slice(2).map((item) => item.json.id)).toEqual([1, 1, 2, 2]);
		expect(sendRequests(login)).toHaveLength(3);
	});

	it('without Continue On Fail, stops and says which items were sent and which were not', async () => {
		// 2.50 per SMS: the first batch of two fits the balance, the second does not
		const login = messageAccount(emu, { balance: 7 });
		const { result, requests } = await send(login, { batchSize: 2, concurrency: 1 }, items(6));
		expect(result.error?.errorName).toBe('NodeApiError');
		expect(result.error?.message).toBe(
			'Not enough money on the SMSC account for this message (error 3). Top up the balance, then send again after a minute: SMSC refuses an identical send request made less than a minute after the first (error 9). [item 2] Not sent: items 2–3 (this error); items 4–5 (not attempted). Sent: items 0–1.',
		);
		expect(requests).toHaveLength(2);
		expect(emu.getMessages({ login }).map((m) => m.phone)).toEqual([
			phone(0).slice(1),
			phone(1).slice(1),
		]);
	});

	it('after a failure that may have reached SMSC, says which items may have been sent', async () => {
		const login = messageAccount(emu);
		emu.failNext({ count: 1, mode: 'drop', script: 'send' });
		const { result, requests } = await send(login, { batchSize: 2, concurrency: 1 }, items(4));
		expect(result.error?.message).toMatch(
			/closed before an answer came\. The request may have reached SMSC.*\[item 0\] Not sent: items 2–3 \(not attempted\)\. Unknown, may have been sent: items 0–1; check the SMSC message history before sending them again\. Sent: none\.$/,
		);
		expect(requests).toHaveLength(1);
	});

	it('an item whose recipients SMSC refuses inside a list fails alone', async () => {
		const login = messageAccount(emu);
		const body = new URLSearchParams({
			login,
			psw: PASSWORD,
			fmt: '3',
			add_black: '1',
			phone: phone(1).slice(1),
			type: '0',
		});
		await fetch(`${emu.url}/sys/phones.php`, { method: 'POST', body });
		const { result, output, requests } = await send(login, {}, items(3), true);
		expect(result.error).toBeUndefined();
		expect(requests).toHaveLength(1);
		expect(output[1].json).toEqual({
			error: expect.stringMatching(
				/refused every recipient of this item.*79990000001: Prohibited \(Number is forbidden\).*\[item 1\]/,
			),
			itemIndex: 1,
			phones: [phone(1)],
		});
		expect(output[0].json).toMatchObject({ id: 1, phones: [phone(0)] });
		expect(output[2].json).toMatchObject({ id: 1, phones: [phone(2)] });
	});

	it('a number SMSC may not recognise goes alone, so its error touches no other item', async () => {
		const login = messageAccount(emu);
		const input = [
			{ phone: phone(0), text: 'ok' },
			{ phone: '+12345678', text: 'short number' },
			{ phone: phone(2), text: 'ok too' },
		];
		const { result, output, requests } = await send(login, {}, input, true);
		expect(result.error).toBeUndefined();
		expect(requests).toEqual([
			{ list: `${phone(0)}:ok\n${phone(2)}:ok too`, op: '1' },
			{ phones: '+12345678', mes: 'short number' },
		]);
		expect(output[1].json).toEqual({
			error: expect.stringMatching(/did not accept a phone number \(error 7\).*\[item 1\]/),
			itemIndex: 1,
			phones: ['+12345678'],
		});
		expect(output[0].json).toMatchObject({ id: 1 });
		expect(output[2].json).toMatchObject({ id: 1 });
	});

	it('an identical repeat within a minute gets error 9 and is not resent', async () => {
		const login = messageAccount(emu);
		const first = await send(login, {}, items(3));
		expect(first.result.error).toBeUndefined();
		emu.resetStats();
		const second = await send(login, {}, items(3), true);
		expect(second.output.map((item) => item.json.error)).toEqual([
			expect.stringMatching(/identical request was made less than a minute ago \(error 9\)/),
			expect.stringMatching(/identical request was made less than a minute ago \(error 9\)/),
			expect.stringMatching(/identical request was made less than a minute ago \(error 9\)/),
		]);
		expect(sendRequests(login)).toHaveLength(2);
		expect(emu.getStats().error9Duplicate).toBe(1);
	});

	it('a sender name with ";" goes in a request of its own, since ";" separates phones and text in a list line', async () => {
		const login = messageAccount(emu, { senders: ['A;B', 'Shop'] });
		const { result, requests } = await send(login, { sender: '={{ $json.sender }}' }, [
			{ phone: '+79991234567', text: 'Hi', sender: 'A;B' },
			{ phone: '+79991234568', text: 'Hi', sender: 'Shop' },
			{ phone: '+79991234569', text: 'Hi', sender: 'Shop' },
		]);
		expect(result.error).toBeUndefined();
		expect(requests.find((r) => r.sender === 'A;B')).toMatchObject({
			phones: '+79991234567',
			mes: 'Hi',
		});
		expect(
			emu
				.getMessages({ login })
				.map((m) => m.sender)
				.sort(),
		).toEqual(['A;B', 'Shop', 'Shop']);
	});
});

describe('Message: Send in bulk at version 1, Concurrency and Batch Size from an expression', () => {
	it('caps a Concurrency above 14 at 14 and sends, as version 1 always did', async () => {
		const login = messageAccount(emu);
		emu.setLatency({ ms: 30 });
		emu.resetStats();
		const { result, output } = await send(
			login,
			{ batching: false, concurrency: '={{ 50 }}' },
			items(40),
		);
		expect(result.error).toBeUndefined();
		expect(sendRequests(login)).toHaveLength(40);
		expect(output.map((item) => item.json.phones)).toEqual(items(40).map((i) => [i.phone]));
		// more than 1 at once, so the number was capped, not lowered to the minimum
		expect(emu.getStats().maxInFlightPerLogin).toBeGreaterThan(1);
		expect(emu.getStats().maxInFlightPerLogin).toBeLessThanOrEqual(14);
		expect(emu.getStats().error9).toBe(0);
	});

	it('takes a Batch Size above 1000 (no upper bound at version 1) and one below 1 raised to 1, as version 1 always did', async () => {
		const login = messageAccount(emu);
		const big = await send(login, { batchSize: '={{ 5000 }}' }, items(3));
		expect(big.result.error).toBeUndefined();
		expect(sendRequests(login)).toHaveLength(1);
		const small = await send(login, { batchSize: '={{ 0 }}', concurrency: '={{ 0.5 }}' }, items(2));
		expect(small.result.error).toBeUndefined();
		expect(sendRequests(login)).toHaveLength(3);
	});

	it('still refuses a Concurrency that is not a number, which never sent anything', async () => {
		const login = messageAccount(emu);
		const { result } = await send(login, { concurrency: '={{ "many" }}' }, items(2));
		expect(result.error?.message).toMatch(
			/Bulk Options > Concurrency "many" is not a whole number from 1 to 14/,
		);
		expect(result.error?.errorName).toBe('NodeOperationError');
		expect(sendRequests(login)).toEqual([]);
	});
});

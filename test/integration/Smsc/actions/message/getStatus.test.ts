import { useEmulator } from '../../../../support/emulator';
import { messageAccount } from '../../../../support/accounts';
import { messages } from '../../../../support/resources';

const emu = useEmulator();

const { requests, run, sendDirect, settle } = messages(emu);

describe('Message: Get Status', () => {
	it('looks up one or many messages in one request and decodes the statuses', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		emu.setPhoneOutcome({ login, phone: '79991234568', status: 20, err: 1 });
		const sent = await sendDirect(login, { phones: '79991234567,79991234568', mes: 'Hello' });
		await settle();
		const { json, result } = await run(login, 'getStatus', {
			messageId: String(sent.id),
			phones: '+79991234567, +79991234568, +79990000000',
		});
		expect(result.error).toBeUndefined();
		expect(requests(login, 'status')).toEqual([
			{ id: '1,1,1,', phone: '+79991234567,+79991234568,+79990000000,' },
		]);
		expect(json).toEqual([
			expect.objectContaining({
				id: 1,
				phone: '79991234567',
				status: 1,
				statusName: 'delivered',
				final: true,
				error: 0,
				errorDescription: 'No error',
			}),
			expect.objectContaining({
				id: 1,
				phone: '79991234568',
				status: 20,
				statusName: 'undeliverable',
				error: 1,
				errorDescription: 'Subscriber does not exist',
			}),
			expect.objectContaining({ id: 1, phone: '79990000000', status: -3, statusName: 'notFound' }),
		]);
		expect(json[0].lastDate).toEqual(expect.any(String));
	});

	it('adds the details with all=2', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		const sent = await sendDirect(login, {
			phones: '79991234567',
			mes: 'Detailed',
			sender: 'MyShop',
		});
		const { json } = await run(login, 'getStatus', {
			messageId: String(sent.id),
			phones: '79991234567',
			options: { details: true },
		});
		expect(requests(login, 'status')[0]).toMatchObject({ all: '2' });
		expect(json[0]).toMatchObject({
			message: 'Detailed',
			sender_id: 'MyShop',
			cost: 2.5,
			country: 'Russia',
			operator: expect.any(String),
		});
	});

	it('refuses ID and phone lists of different lengths', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		const { result } = await run(login, 'getStatus', {
			messageId: '1,2,3',
			phones: '79991234567,79991234568',
		});
		expect(result.error?.message).toMatch(/3 message IDs but 2 phone numbers.*\[item 0\]/);
		expect(requests(login, 'status')).toEqual([]);
	});

	it('refuses an item without a Message ID or without Phone Numbers before any request', async () => {
		const login = messageAccount(emu);
		const noId = await run(login, 'getStatus', { messageId: ' ', phones: '79991234567' });
		expect(noId.result.error?.message).toMatch(
			/^The Message ID is empty\. Use the ID that Send returned\./,
		);
		const noPhone = await run(login, 'getStatus', { messageId: '1', phones: '={{ "" }}' });
		expect(noPhone.result.error?.message).toMatch(
			/^The Phone Numbers is empty\. Enter the recipient the message was sent to\./,
		);
		expect(requests(login, 'status')).toEqual([]);
	});

	it('names the Phone Numbers entry that is not a phone number', async () => {
		const login = messageAccount(emu);
		const bad = await run(login, 'getStatus', { messageId: '1', phones: '79991234567, 7999-x' });
		expect(bad.result.error?.message).toMatch(
			/^"7999-x" in Phone Numbers is not a phone number in international format/,
		);
		expect(requests(login, 'status')).toEqual([]);
	});

	it('reports a wrong credential as an API error, or as the item output with Continue On Fail', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		const off = await run(
			login,
			'getStatus',
			{ messageId: '1', phones: '79991234567' },
			{ password: 'wrong' },
		);
		expect(off.result.error?.errorName).toBe('NodeApiError');
		expect(off.result.error?.message).toMatch(/rejected the login and password/);
		const on = await run(
			login,
			'getStatus',
			{ messageId: '1', phones: '79991234567' },
			{ password: 'wrong', continueOnFail: true, items: [{}, {}] },
		);
		expect(on.json).toEqual([
			{ error: expect.stringMatching(/rejected the login and password.*\[item 0\]/), itemIndex: 0 },
			{ error: expect.stringMatching(/rejected the login and password.*\[item 1\]/), itemIndex: 1 },
		]);
	});
});

describe('Message: Get Status matches entries by id and phone', () => {
	it('a reordered answer with a missing entry puts every status on its own message', async () => {
		const login = messageAccount(emu, { statusListOrder: 'reordered' });
		emu.setPhoneOutcome({ login, phone: '79991234568', status: 20, err: 1 });
		await run(login, 'send', { phones: '+79991234567', message: 'First' });
		await run(login, 'send', { phones: '+79991234568', message: 'Second' });
		const [first, second] = emu.getMessages({ login });
		emu.advanceClock({ ms: 1000 });
		await settle();
		const { json, result } = await run(login, 'getStatus', {
			messageId: `${first.id},${second.id},999`,
			phones: '+79991234567,+79991234568,+79991234569',
		});
		expect(result.error).toBeUndefined();
		expect(json.map((row) => [row.id, row.phone, row.status])).toEqual([
			[first.id, '79991234567', 1],
			[second.id, '79991234568', 20],
			['999', '+79991234569', -3],
		]);
	});
});

describe('Message: Get Status at version 2, a message SMSC does not know beside found ones', () => {
	/** Two messages SMSC has, and a third ID it does not know, asked in one item. */
	async function twoFoundOneUnknown() {
		const login = messageAccount(emu, { balance: 5000 });
		emu.setPhoneOutcome({ login, phone: '79991234568', status: 20, err: 1 });
		const sent = await sendDirect(login, { phones: '79991234567,79991234568', mes: 'Hello' });
		await settle();
		const parameters = {
			messageId: `${String(sent.id)},999,${String(sent.id)}`,
			phones: '+79991234567, +79991234569, +79991234568',
		};
		return { login, sent, parameters };
	}

	it('fails the item with an API error naming only the unknown message and counting the found ones', async () => {
		const { login, parameters } = await twoFoundOneUnknown();
		const { result } = await run(login, 'getStatus', parameters, { typeVersion: 2 });
		expect(result.error?.errorName).toBe('NodeApiError');
		expect(result.error?.message).toMatch(
			/^SMSC has no message 999 to \+79991234569 \(status -3, not found\) \[item 0\]$/,
		);
		expect(result.error?.description).toMatch(/SMSC found the other 2 messages of this item/);
		expect(requests(login, 'status')).toHaveLength(1);
	});

	it('with Continue On Fail outputs the found statuses and an error entry for the unknown one, in the order asked', async () => {
		const { login, sent, parameters } = await twoFoundOneUnknown();
		const { json, output, result } = await run(
			login,
			'getStatus',
			{ messageId: '={{ $json.ids }}', phones: '={{ $json.phones }}' },
			{
				typeVersion: 2,
				continueOnFail: true,
				items: [
					{ ids: parameters.messageId, phones: parameters.phones },
					{ ids: String(sent.id), phones: '+79991234567' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(json).toEqual([
			expect.objectContaining({ id: sent.id, phone: '+79991234567', status: 1, delivered: true }),
			{
				error: 'SMSC has no message 999 to +79991234569 (status -3, not found) [item 0]',
				errorDetails: expect.stringMatching(/Check the Message ID and the phone/),
				itemIndex: 0,
				id: 999,
				phone: '+79991234569',
			},
			expect.objectContaining({ id: sent.id, phone: '+79991234568', status: 20, failed: true }),
			expect.objectContaining({ id: sent.id, phone: '+79991234567', status: 1 }),
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 0 },
			{ item: 1 },
		]);
	});

	it('keeps version 1 as it was: notFound in its place, no error', async () => {
		const { login, parameters } = await twoFoundOneUnknown();
		const { json, result } = await run(login, 'getStatus', parameters);
		expect(result.error).toBeUndefined();
		expect(json.map((row) => [row.phone, row.statusName])).toEqual([
			['79991234567', 'delivered'],
			['79991234569', 'notFound'],
			['79991234568', 'undeliverable'],
		]);
	});
});

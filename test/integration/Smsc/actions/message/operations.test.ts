import type { IDataObject } from 'n8n-workflow';

import { startEmulator } from '../../../../emulator';
import type { RunningEmulator } from '../../../../emulator';
import {
	messageAccount,
	requests as sendLog,
	runMessage,
	smscApi,
} from '../../../../support/accounts';
import type { MessageRunOptions } from '../../../../support/accounts';

jest.setTimeout(60_000);

let emu: RunningEmulator;
beforeAll(async () => (emu = await startEmulator({ demoAccount: false })));
afterAll(async () => emu.close());

const requests = (login: string, script: string) => sendLog(emu, login, script);
const run = (
	login: string,
	operation: string,
	parameters: IDataObject,
	options: MessageRunOptions = {},
) => runMessage(emu, login, { operation, ...parameters }, options);

/** Sends straight to send.php, as another SMSC client would, to set up history. */
const sendDirect = (login: string, params: Record<string, string>): Promise<IDataObject> =>
	smscApi(emu, login, 'send', params);

const settle = () => new Promise((resolve) => setTimeout(resolve, 600));

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
		expect(result.error?.message).toMatch(/The message is empty.*\[item 0\]/);
		expect(requests(login, 'send')).toEqual([]);
	});
});

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

describe('Message: Delete', () => {
	it('deletes each message with del=1, after which it is not found', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		const sent = await sendDirect(login, { phones: '79991234567,79991234568', mes: 'Bye' });
		const { json, result } = await run(login, 'delete', {
			messageId: String(sent.id),
			phones: '79991234567, 79991234568',
		});
		expect(result.error).toBeUndefined();
		expect(requests(login, 'status')).toEqual([
			{ id: '1', phone: '79991234567', del: '1' },
			{ id: '1', phone: '79991234568', del: '1' },
		]);
		expect(json).toEqual([
			{ id: '1', phone: '79991234567', deleted: true, result: 'OK' },
			{ id: '1', phone: '79991234568', deleted: true, result: 'OK' },
		]);
		expect(emu.getMessages({ login }).every((m) => m.deleted)).toBe(true);
	});

	it('fails for an unknown message, or outputs the error with Continue On Fail', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		const off = await run(login, 'delete', { messageId: '99', phones: '79991234567' });
		expect(off.result.error?.message).toMatch(/no message with this id for this phone \(error 3\)/);
		const on = await run(
			login,
			'delete',
			{ messageId: '99', phones: '79991234567' },
			{ continueOnFail: true },
		);
		expect(on.json).toEqual([
			{ error: expect.stringMatching(/error 3.*\[item 0\]/), itemIndex: 0 },
		]);
	});
});

describe('Message: Get Many Sent', () => {
	it('returns up to Limit messages, newest first, with decoded statuses and filters', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		for (let i = 0; i < 4; i++)
			await sendDirect(login, { phones: `7999123456${i}`, mes: `History ${i}` });
		const { json, result } = await run(login, 'getManySent', { limit: 3, filters: { phone: '' } });
		expect(result.error).toBeUndefined();
		expect(requests(login, 'get')).toEqual([{ get_messages: '1', cnt: '3' }]);
		expect(json.map((m) => m.message)).toEqual(['History 3', 'History 2', 'History 1']);
		expect(json[0]).toMatchObject({
			statusName: expect.any(String),
			cost: 2.5,
			int_id: expect.any(Number),
		});

		const filtered = await run(login, 'getManySent', {
			returnAll: true,
			filters: {
				phone: '+79991234561',
				startDate: '2020-01-01T00:00:00',
				endDate: '2020-05-01T00:00:00',
			},
		});
		expect(requests(login, 'get')[1]).toEqual({
			get_messages: '1',
			cnt: '1000',
			phone: '+79991234561',
			start: '01.01.2020',
			end: '01.05.2020',
		});
		expect(filtered.json).toEqual([]);
	});

	it('pages with prev_id for Return All', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		const list = Array.from(
			{ length: 1003 },
			(_, i) => `7999${String(i).padStart(7, '0')}:Bulk`,
		).join('\n');
		expect(await sendDirect(login, { list })).toMatchObject({ cnt: 1003 });
		const { json, result } = await run(login, 'getManySent', { returnAll: true });
		expect(result.error).toBeUndefined();
		const gets = requests(login, 'get');
		expect(gets).toHaveLength(2);
		expect(gets[0]).toEqual({ get_messages: '1', cnt: '1000' });
		expect(gets[1]).toEqual({ get_messages: '1', cnt: '1000', prev_id: String(json[999].int_id) });
		expect(json).toHaveLength(1003);
		expect(new Set(json.map((m) => m.phone)).size).toBe(1003);
	});

	it('refuses a range longer than six months', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		const { result } = await run(login, 'getManySent', {
			filters: { startDate: '2024-01-01', endDate: '2024-12-01' },
		});
		expect(result.error?.message).toMatch(/at most six months/);
		expect(requests(login, 'get')).toEqual([]);
	});
});

describe('Message: Get Many Incoming', () => {
	it('returns incoming messages oldest first and pages with after_id', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		for (let i = 0; i < 5; i++)
			emu.injectIncoming({
				login,
				phone: `7999000000${i}`,
				mes: `Reply ${i}`,
				to: i % 2 ? '74950000101' : '74950000102',
			});
		const first = await run(login, 'getManyIncoming', { limit: 2, filters: { afterId: 0 } });
		expect(first.result.error).toBeUndefined();
		expect(first.json.map((m) => m.message)).toEqual(['Reply 0', 'Reply 1']);
		const rest = await run(login, 'getManyIncoming', {
			returnAll: true,
			filters: { afterId: first.json[1].id },
		});
		expect(rest.json.map((m) => m.message)).toEqual(['Reply 2', 'Reply 3', 'Reply 4']);
		const toPhone = await run(login, 'getManyIncoming', {
			returnAll: true,
			filters: { hours: 2, toPhone: '74950000101' },
		});
		expect(toPhone.json.map((m) => m.message)).toEqual(['Reply 1', 'Reply 3']);
		expect(requests(login, 'get')).toEqual([
			{ get_answers: '1', after_id: '0', cnt: '2' },
			{ get_answers: '1', after_id: String(first.json[1].id), cnt: '10000' },
			{ get_answers: '1', hour: '2', to_phone: '74950000101', cnt: '10000' },
		]);
	});

	it('returns nothing when there is nothing (error 3 is an empty list)', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		const { json, result } = await run(login, 'getManyIncoming', { returnAll: true });
		expect(result.error).toBeUndefined();
		expect(json).toEqual([]);
	});

	it('refuses After ID together with Last Hours', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		const off = await run(login, 'getManyIncoming', { filters: { afterId: 5, hours: 3 } });
		expect(off.result.error?.message).toMatch(/either After ID or Last Hours.*\[item 0\]/);
		const on = await run(
			login,
			'getManyIncoming',
			{ filters: { afterId: 5, hours: 3 } },
			{ continueOnFail: true },
		);
		expect(on.json).toEqual([
			{ error: expect.stringMatching(/either After ID or Last Hours/), itemIndex: 0 },
		]);
		expect(requests(login, 'get')).toEqual([]);
	});
});

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

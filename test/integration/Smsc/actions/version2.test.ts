/**
 * What version 2 of the SMSC node outputs (nodes/Smsc/actions/version.ts, docs/smsc-node.md), on
 * n8n's engine against the emulator: phones as "+" and digits, times as ISO with the zone, SMSC's
 * values under `raw`, bulk output without the per-item note, an unknown message an item error.
 * Version 1's output is what the other tests of this folder check, unchanged.
 */
import type { IDataObject } from 'n8n-workflow';

import { useEmulator } from '../../../support/emulator';
import { messageAccount, newAccount, runAs, runMessage, smscApi } from '../../../support/accounts';
import type { MessageRunOptions } from '../../../support/accounts';
import { schemaViolations } from '../../../support/schema';

const emu = useEmulator();

const ISO_MOSCOW = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/;

const run = (
	login: string,
	parameters: IDataObject,
	options: MessageRunOptions = {},
	typeVersion = 2,
) => runMessage(emu, login, parameters, { ...options, typeVersion });

const settle = () => new Promise((resolve) => setTimeout(resolve, 600));

/** The Moscow wall time SMSC writes (`dd.mm.yyyy hh:mm:ss`) of an ISO time with +03:00. */
function moscowText(iso: string): string {
	const [, y, m, d, time] = /^(\d{4})-(\d\d)-(\d\d)T(\d\d:\d\d:\d\d)/.exec(iso)!;
	return `${d}.${m}.${y} ${time}`;
}

describe('SMSC node version 2: Send', () => {
	it('writes the numbers SMSC used as "+" and digits, a Russian 8… as SMSC rewrote it', async () => {
		const login = messageAccount(emu);
		const { json, result, requests } = await run(login, {
			operation: 'send',
			phones: '89991234567, +79991234568',
			message: 'Hello',
		});
		expect(result.error).toBeUndefined();
		expect(requests.at(-1)).toMatchObject({ op: '1' });
		expect(json[0].phones).toEqual(['+79991234567', '+79991234568']);
		expect(schemaViolations('message', 'send', json[0], 2)).toEqual([]);
	});

	it('gives bulk items no note and no bookkeeping; Include Raw Response adds partsEstimated and requestItems', async () => {
		const login = messageAccount(emu);
		const items = [1, 2, 3].map((n) => ({ phone: `7999123450${n}`, text: `Hello ${n}` }));
		const parameters = {
			operation: 'send',
			phones: '={{ $json.phone }}',
			message: '={{ $json.text }}',
		};
		const plain = await run(login, parameters, { items });
		expect(plain.result.error).toBeUndefined();
		expect(new Set(plain.json.map((item) => item.id)).size).toBe(1);
		for (const [index, item] of plain.json.entries()) {
			expect(item).not.toHaveProperty('note');
			expect(item).not.toHaveProperty('partsEstimated');
			expect(item).not.toHaveProperty('requestItems');
			expect(item.phones).toEqual([`+7999123450${index + 1}`]);
			expect(item.parts).toBe(1);
			expect(schemaViolations('message', 'send', item, 2)).toEqual([]);
		}

		const again = items.map((item) => ({ ...item, text: `${item.text} again` }));
		const raw = await run(
			login,
			{ ...parameters, bulkOptions: { rawResponse: true } },
			{ items: again },
		);
		expect(raw.result.error).toBeUndefined();
		expect(raw.json.map((item) => [item.requestItems, item.partsEstimated])).toEqual([
			[3, true],
			[3, true],
			[3, true],
		]);
		expect(raw.json[0]).not.toHaveProperty('note');
		expect(raw.json[0].rawResponse).toEqual(expect.objectContaining({ id: raw.json[0].id }));
	});

	it('keeps version 1 as it was: the note and the bookkeeping on every bulk item', async () => {
		const login = messageAccount(emu);
		const items = [1, 2].map((n) => ({ phone: `7999123450${n}`, text: `Hi ${n}` }));
		const { json } = await run(
			login,
			{ operation: 'send', phones: '={{ $json.phone }}', message: '={{ $json.text }}' },
			{ items },
			1,
		);
		expect(json.map((item) => item.requestItems)).toEqual([2, 2]);
		expect(String(json[0].note)).toMatch(/2 items went out in one SMSC request/);
		expect(json[0].phones).toEqual(['79991234501']);
	});
});

describe('SMSC node version 2: Get Status', () => {
	it('names the status as the triggers do, lastDate as ISO with the zone and SMSC answer under raw', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		emu.setPhoneOutcome({ login, phone: '79991234568', status: 20, err: 1 });
		const sent = await smscApi(emu, login, 'send', {
			phones: '79991234567,79991234568',
			mes: 'Hello',
			sender: 'MyShop',
		});
		await settle();
		const { json, result } = await run(login, {
			operation: 'getStatus',
			messageId: String(sent.id),
			phones: '79991234567, 79991234568',
			options: { details: true },
		});
		expect(result.error).toBeUndefined();
		expect(json[0]).toMatchObject({
			id: sent.id,
			phone: '+79991234567',
			status: 1,
			statusName: 'delivered',
			final: true,
			delivered: true,
			failed: false,
			sender: 'MyShop',
			text: 'Hello',
			cost: 2.5,
		});
		expect(json[1]).toMatchObject({
			phone: '+79991234568',
			status: 20,
			failed: true,
			error: 1,
			errorDescription: 'Subscriber does not exist',
		});
		for (const item of json) {
			const raw = item.raw as IDataObject;
			expect(item.lastDate).toMatch(ISO_MOSCOW);
			expect(item.sendDate).toMatch(ISO_MOSCOW);
			// the same instant SMSC gives as Unix time, and SMSC's own wall-clock text
			expect(Date.parse(String(item.lastDate)) / 1000).toBe(Number(raw.last_timestamp));
			expect(raw.last_date).toBe(moscowText(String(item.lastDate)));
			expect(item).not.toHaveProperty('lastTimestamp');
			expect(item).not.toHaveProperty('sender_id');
			expect(schemaViolations('message', 'getStatus', item, 2)).toEqual([]);
		}
	});

	it('makes a message SMSC does not know an item error, with Continue On Fail an error item naming it', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		const parameters = { operation: 'getStatus', messageId: '4242', phones: '+79990000000' };
		const failed = await run(login, parameters);
		expect(failed.result.error?.message).toMatch(
			/SMSC has no message 4242 to \+79990000000 \(status -3, not found\).*\[item 0\]/,
		);
		const { json } = await run(login, parameters, { continueOnFail: true });
		expect(json).toHaveLength(1);
		expect(String(json[0].error)).toMatch(/SMSC has no message 4242 to \+79990000000/);
		expect(json[0]).not.toHaveProperty('statusName');
		expect(json[0]).not.toHaveProperty('final');
	});

	it('keeps version 1 as it was: notFound beside the other statuses', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		const { json, result } = await run(
			login,
			{ operation: 'getStatus', messageId: '4242', phones: '+79990000000' },
			{},
			1,
		);
		expect(result.error).toBeUndefined();
		expect(json[0]).toMatchObject({ status: -3, statusName: 'notFound', phone: '79990000000' });
	});
});

describe('SMSC node version 2: Get Many and Call Verification', () => {
	it('gives incoming messages the SMSC Poll Trigger version 2 fields', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		const { id } = emu.injectIncoming({
			login,
			phone: '79991234567',
			mes: 'Hi',
			to: '74950000101',
		});
		const { json, result } = await run(login, { operation: 'getManyIncoming', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({
			event: 'incomingMessage',
			id,
			phone: '+79991234567',
			to: '+74950000101',
			text: 'Hi',
			raw: expect.objectContaining({ message: 'Hi', to_phone: '74950000101' }),
		});
		expect(json[0].sentDate).toMatch(ISO_MOSCOW);
		expect(json[0].receivedDate).toMatch(ISO_MOSCOW);
	});

	it('gives sent messages the Get Status fields, SMSC row under raw', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		await smscApi(emu, login, 'send', { phones: '79991234567', mes: 'History' });
		await settle();
		const { json, result } = await run(login, { operation: 'getManySent', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(json[0]).toMatchObject({
			phone: '+79991234567',
			statusName: expect.any(String),
			text: 'History',
			cost: 2.5,
			raw: expect.objectContaining({ message: 'History', int_id: expect.any(Number) }),
		});
		expect(json[0]).not.toHaveProperty('event');
		expect(json[0].sendDate).toMatch(ISO_MOSCOW);
		expect(Date.parse(String(json[0].sendDate)) / 1000).toBe(
			Number((json[0].raw as IDataObject).send_timestamp),
		);
	});

	it('writes the call verification numbers as "+" and digits and its time with the zone', async () => {
		const numbers = ['74950000101', '74950000102'];
		const login = newAccount(emu, { waitCallNumbers: numbers });
		const { json, result } = await runAs(
			emu,
			login,
			'wait_call',
			{ resource: 'callVerification', operation: 'request', phone: '79991234567' },
			{ typeVersion: 2 },
		);
		expect(result.error).toBeUndefined();
		expect(json[0]).toMatchObject({
			phone: '+79991234567',
			callTo: '+74950000101',
			allPhones: ['+74950000101', '+74950000102'],
		});
		expect(json[0].expiresAt).toMatch(ISO_MOSCOW);
		expect(schemaViolations('callVerification', 'request', json[0], 1)).toEqual([]);
	});
});

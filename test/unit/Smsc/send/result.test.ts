import { recipientKey } from '../../../../nodes/Smsc/send/recipients';
import { cleanPhone, splitList as splitRecipients } from '../../../../nodes/shared/smsc/phones';
import { smscTime, toInstant } from '../../../../nodes/Smsc/send/schedule';
import { decodeHlr } from '../../../../nodes/shared/smsc/hlr';
import { describeRecipient, sendOutput } from '../../../../nodes/Smsc/send/result';
import type { PreparedMessage } from '../../../../nodes/Smsc/send/item';

describe('recipients', () => {
	it('splits comma lists, arrays and numbers', () => {
		expect(splitRecipients('+79990000001, 79990000002;79990000003')).toEqual([
			'+79990000001',
			'79990000002',
			'79990000003',
		]);
		expect(splitRecipients(['+79990000001', 79990000002, ['a, b'], null])).toEqual([
			'+79990000001',
			'79990000002',
			'a',
			'b',
		]);
		expect(splitRecipients('  ,  ')).toEqual([]);
	});

	it('cleans phone decoration and refuses what is not a number', () => {
		expect(cleanPhone('+7 (999) 123-45.67')).toBe('+79991234567');
		expect(cleanPhone('12ab')).toBeUndefined();
		expect(cleanPhone('+123456')).toBeUndefined();
		expect(cleanPhone('1234567890123456')).toBeUndefined();
	});

	it('identifies a subscriber by the last ten digits', () => {
		expect(recipientKey('+79991234567')).toBe(recipientKey('89991234567'));
		expect(recipientKey('Anna@Example.com')).toBe('anna@example.com');
	});
});

describe('schedule', () => {
	it('reads ISO dates with an offset as instants', () => {
		expect(toInstant('2030-01-02T03:04:05Z', 'Europe/Berlin')).toBe(Date.UTC(2030, 0, 2, 3, 4, 5));
		expect(toInstant('2030-01-02T06:04:05+03:00', 'UTC')).toBe(Date.UTC(2030, 0, 2, 3, 4, 5));
		expect(toInstant('2030-01-02T01:04:05.123-0200', 'UTC')).toBe(Date.UTC(2030, 0, 2, 3, 4, 5));
	});

	it('reads a date without offset in the workflow time zone, summer time included', () => {
		expect(toInstant('2030-01-02T06:04:05', 'Europe/Moscow')).toBe(Date.UTC(2030, 0, 2, 3, 4, 5));
		expect(toInstant('2030-07-01T12:00:00', 'America/New_York')).toBe(
			Date.UTC(2030, 6, 1, 16, 0, 0),
		);
		expect(toInstant('2030-01-01T12:00:00', 'America/New_York')).toBe(
			Date.UTC(2030, 0, 1, 17, 0, 0),
		);
		expect(toInstant('2030-01-01', 'UTC')).toBe(Date.UTC(2030, 0, 1));
	});

	it('accepts Date and Luxon-like values and refuses non-dates', () => {
		expect(toInstant(new Date(1_900_000_000_000), 'UTC')).toBe(1_900_000_000_000);
		expect(toInstant({ toMillis: () => 42, isValid: true }, 'UTC')).toBe(42);
		expect(toInstant('tomorrow', 'UTC')).toBeUndefined();
		expect(toInstant('2030-02-30T10:00:00', 'UTC')).toBeUndefined();
		expect(toInstant({ isValid: false, toMillis: () => 1 }, 'UTC')).toBeUndefined();
	});

	it('writes SMSC time as 0<unix seconds>', () => {
		expect(smscTime(Date.UTC(2030, 0, 2, 3, 4, 5, 999))).toBe(
			`0${Date.UTC(2030, 0, 2, 3, 4, 5) / 1000}`,
		);
	});
});

describe('send results', () => {
	const base: PreparedMessage = {
		itemIndex: 0,
		channel: 'sms',
		recipients: ['+79990000001', '+79990000002'],
		keys: ['9990000001', '9990000002'],
		mes: 'Hi',
		attachments: [],
		sender: '',
		params: {},
		batchKey: '',
		batchable: true,
		estimate: { encoding: 'GSM-7', characters: 2, parts: 1 },
		costReport: 3,
		perRecipient: true,
		rawResponse: false,
	};
	const rows = [
		{ phone: '79990000001', mccmnc: '25001', cost: '2.50', status: '-1', error: '0' },
		{ phone: '79990000002', mccmnc: '25002', cost: '1.25', status: '22', error: '249' },
	];

	it('gives a shared request item its own share of parts and cost', () => {
		expect(
			sendOutput(base, { id: 7, cnt: 9, cost: '99.00', balance: '10.00', phones: rows }, rows, 3),
		).toEqual({
			id: 7,
			channel: 'sms',
			phones: ['+79990000001', '+79990000002'],
			parts: 2,
			partsEstimated: true,
			encoding: 'GSM-7',
			characters: 2,
			partsPerRecipient: 1,
			cost: 3.75,
			balance: 10,
			requestItems: 3,
			note: "3 items went out in one SMSC request, so they share its message ID; Get Status and Delete tell them apart by the ID together with the phones. SMSC counts parts only for the whole request, so parts (partsEstimated) is the node's estimate for this item: partsPerRecipient × recipients.",
			recipients: [
				{
					phone: '79990000001',
					status: -1,
					statusName: 'waiting',
					statusDescription: 'Waiting to be sent',
					final: false,
					error: 0,
					errorDescription: 'No error',
					mccmnc: '25001',
					cost: 2.5,
				},
				{
					phone: '79990000002',
					status: 22,
					statusName: 'invalidNumber',
					statusDescription: 'Invalid number',
					final: true,
					error: 249,
					errorDescription: 'Invalid number format',
					mccmnc: '25002',
					cost: 1.25,
				},
			],
		});
	});

	it("uses SMSC's own counts for an item sent alone", () => {
		expect(
			sendOutput(
				{ ...base, perRecipient: false },
				{ id: 7, cnt: 4, cost: '10.00', balance: '5.00' },
				undefined,
			),
		).toEqual(
			expect.not.objectContaining({
				note: expect.anything(),
				requestItems: expect.anything(),
				partsEstimated: expect.anything(),
			}),
		);
		expect(
			sendOutput(
				{ ...base, perRecipient: false },
				{ id: 7, cnt: 4, cost: '10.00', balance: '5.00' },
				undefined,
			),
		).toMatchObject({ parts: 4, cost: 10, balance: 5 });
	});

	it('decodes urlencoded HLR fields', () => {
		expect(
			decodeHlr({ imsi: '250023012345678', net: 'Mobile%20TeleSystems', cn: 'Russian+Federation' }),
		).toEqual({
			imsi: '250023012345678',
			net: 'Mobile TeleSystems',
			cn: 'Russian Federation',
		});
		expect(decodeHlr({ status: 1 })).toBeUndefined();
		expect(describeRecipient({ phone: '7999', status: 1, err: 0, imsi: '1' })).toMatchObject({
			statusName: 'delivered',
			hlr: { imsi: '1' },
		});
	});
});

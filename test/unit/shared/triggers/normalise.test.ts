import {
	classifyCallback,
	epochToIso,
	matchesFilters,
	normaliseCallback,
} from '../../../../nodes/shared/triggers/normalise';
import { DELIVERY_STATUS, INCOMING_CALLED, INCOMING_LISTED } from './smscEvents';

const ALL = ['deliveryStatus', 'incomingMessage', 'callVerification', 'other'];

describe('normaliseCallback', () => {
	it('decodes a delivery status and keeps every received field, numbers as numbers', () => {
		const item = normaliseCallback(DELIVERY_STATUS);
		expect(item).toEqual({
			id: 5,
			phone: '79991234567',
			status: 20,
			err: 1,
			cost: 2.5,
			time: 1735689600,
			extra: 'x',
			event: 'deliveryStatus',
			statusName: 'undeliverable',
			statusDescription: 'Cannot be delivered',
			final: true,
			delivered: false,
			failed: true,
			errorDescription: 'Subscriber does not exist',
			timeIso: '2025-01-01T00:00:00.000Z',
		});
	});

	it('gives incoming messages the same names whether SMSC called (mes, to) or get.php listed them (message, to_phone)', () => {
		const called = normaliseCallback(INCOMING_CALLED);
		const listed = normaliseCallback(INCOMING_LISTED);
		const common = {
			event: 'incomingMessage',
			id: 7,
			phone: '79991234567',
			text: 'Hi',
			to: '74950000101',
			sent: 1735689600,
			sentIso: '2025-01-01T00:00:00.000Z',
		};
		expect(called).toMatchObject(common);
		expect(listed).toMatchObject(common);
	});

	it('marks incoming messages and verification calls', () => {
		// `sent` in milliseconds is read as well
		const incoming = normaliseCallback({
			id: '1',
			phone: '7999',
			mes: 'Hi',
			sent: '1735689600000',
		});
		expect(incoming).toMatchObject({ event: 'incomingMessage', text: 'Hi' });
		expect(incoming.sentIso).toBe('2025-01-01T00:00:00.000Z');
		expect(classifyCallback({ phone: '7999', mes: ' [WAITCALL] ' })).toBe('callVerification');
		expect(classifyCallback({ phone: '7999', mes: 'please [waitcall] me' })).toBe(
			'incomingMessage',
		);
		expect(classifyCallback({ hello: 'world' })).toBe('other');
		expect(classifyCallback({ status: 'weird', mes: 'x' })).toBe('incomingMessage');
	});

	it('converts only plausible epoch values to ISO dates', () => {
		expect(epochToIso('1735689600')).toBe('2025-01-01T00:00:00.000Z');
		for (const implausible of ['01.01.2025 10:00', '12345678901', ''])
			expect(epochToIso(implausible)).toBeUndefined();
	});
});

describe('matchesFilters', () => {
	const delivered = normaliseCallback({ id: '1', phone: '7999', status: '1' });
	const failed = normaliseCallback({ id: '1', phone: '7999', status: '22' });
	const incoming = normaliseCallback({
		id: '2',
		phone: '7999',
		mes: 'Order 15 please',
		to: '+7 (900) 000-00-01',
	});
	const call = normaliseCallback({ id: '3', phone: '7999', mes: '[waitcall]', to: '79000000002' });

	it('passes only the chosen events', () => {
		expect(matchesFilters(delivered, ['incomingMessage'], {})).toBe(false);
		expect(matchesFilters(incoming, ['incomingMessage'], {})).toBe(true);
		expect(matchesFilters(call, ['incomingMessage'], {})).toBe(false);
		expect(matchesFilters(call, ['callVerification'], {})).toBe(true);
	});

	it('filters statuses by code and by group', () => {
		expect(matchesFilters(delivered, ALL, { statuses: ['anyDelivered'] })).toBe(true);
		expect(matchesFilters(failed, ALL, { statuses: ['anyDelivered'] })).toBe(false);
		expect(matchesFilters(failed, ALL, { statuses: ['anyFailed'] })).toBe(true);
		expect(matchesFilters(failed, ALL, { statuses: ['22'] })).toBe(true);
		expect(matchesFilters(failed, ALL, { statuses: ['1', '2'] })).toBe(false);
		expect(matchesFilters(incoming, ALL, { statuses: ['1'] })).toBe(true);
	});

	it('filters by receiving number, comparing digits only', () => {
		expect(matchesFilters(incoming, ALL, { toNumbers: '79000000001' })).toBe(true);
		expect(matchesFilters(incoming, ALL, { toNumbers: '+7 900 000 00 09, 7 900 000 00 01' })).toBe(
			true,
		);
		expect(matchesFilters(incoming, ALL, { toNumbers: '79000000002' })).toBe(false);
		expect(matchesFilters(call, ALL, { toNumbers: '79000000002' })).toBe(true);
		expect(matchesFilters(delivered, ALL, { toNumbers: '79000000002' })).toBe(true);
	});

	it('filters incoming text case-insensitively', () => {
		expect(matchesFilters(incoming, ALL, { textContains: 'ORDER' })).toBe(true);
		expect(matchesFilters(incoming, ALL, { textContains: 'refund' })).toBe(false);
	});
});

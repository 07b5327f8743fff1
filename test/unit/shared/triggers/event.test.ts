import { describeEvent } from '../../../../nodes/shared/triggers/event';
import { DELIVERY_STATUS, INCOMING_CALLED, INCOMING_LISTED } from './smscEvents';

const ISO_MOSCOW = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/;

describe('describeEvent (SMSC Trigger 3, SMSC Poll Trigger 2)', () => {
	it('names a delivery status callback as Get Status does and keeps what SMSC sent under raw', () => {
		const fields = { ...DELIVERY_STATUS, cnt: '1', ts: '01.01.2025 03:00:00' };
		expect(describeEvent(fields)).toEqual({
			event: 'deliveryStatus',
			id: 5,
			phone: '+79991234567',
			status: 20,
			statusName: 'undeliverable',
			statusDescription: 'Cannot be delivered',
			final: true,
			delivered: false,
			failed: true,
			error: 1,
			errorDescription: 'Subscriber does not exist',
			lastDate: '2025-01-01T03:00:00+03:00',
			cost: 2.5,
			parts: 1,
			raw: fields,
		});
	});

	it('gives an incoming message the same fields whether SMSC called (mes, to) or get.php listed it (message, to_phone)', () => {
		const called = describeEvent({ ...INCOMING_CALLED, smsc_time: '1735689601' });
		const listed = describeEvent(INCOMING_LISTED);
		const { raw: calledRaw, ...calledItem } = called;
		const { raw: listedRaw, ...listedItem } = listed;
		expect(calledItem).toEqual(listedItem);
		expect(calledItem).toEqual({
			event: 'incomingMessage',
			id: 7,
			phone: '+79991234567',
			to: '+74950000101',
			text: 'Hi',
			sentDate: '2025-01-01T03:00:00+03:00',
			receivedDate: '2025-01-01T03:00:01+03:00',
		});
		expect(calledRaw).toMatchObject({ mes: 'Hi' });
		expect(listedRaw).toMatchObject({ message: 'Hi' });
	});

	it('reads a status listed by get.php (last_timestamp, send_date) and a verification call', () => {
		const status = describeEvent({
			id: 9,
			phone: '79991234567',
			status: 1,
			last_timestamp: 1735689600,
			send_date: '01.01.2025 02:59:00',
		});
		expect(status.lastDate).toBe('2025-01-01T03:00:00+03:00');
		expect(status.sendDate).toMatch(ISO_MOSCOW);
		expect(status.sendDate).toBe('2025-01-01T02:59:00+03:00');
		expect(describeEvent({ id: '3', phone: '79991234567', mes: '[waitcall]' })).toMatchObject({
			event: 'callVerification',
			phone: '+79991234567',
		});
	});

	it('keeps any other call as it came, under raw', () => {
		expect(describeEvent({ something: 'else' })).toEqual({
			event: 'other',
			raw: { something: 'else' },
		});
	});
});

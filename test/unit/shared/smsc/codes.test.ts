import { decodeStatus } from '../../../../nodes/shared/smsc/codes';

describe('decodeStatus', () => {
	it('names known statuses and err codes', () => {
		expect(decodeStatus('1', '0')).toMatchObject({
			statusName: 'delivered',
			final: true,
			errorDescription: 'No error',
		});
		expect(decodeStatus(20, 13)).toMatchObject({
			statusName: 'undeliverable',
			error: 13,
			errorDescription: 'Subscriber is blocked',
		});
		expect(decodeStatus(-1)).toMatchObject({ statusName: 'waiting', final: false });
		expect(decodeStatus(77, 999)).toMatchObject({
			statusName: 'unknown',
			errorDescription: 'Operator error 999',
		});
	});
});

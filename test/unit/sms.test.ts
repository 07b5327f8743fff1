import { estimateSms } from '../../nodes/shared/sms';
import { decodeStatus } from '../../nodes/shared/codes';
import { describeSmscError, isConcurrencyError } from '../../nodes/shared/errors';

describe('estimateSms', () => {
	it.each([
		['', 'GSM-7', 1],
		['a'.repeat(160), 'GSM-7', 1],
		['a'.repeat(161), 'GSM-7', 2],
		['a'.repeat(306), 'GSM-7', 2],
		['a'.repeat(307), 'GSM-7', 3],
		['{'.repeat(80), 'GSM-7', 1],
		['{'.repeat(81), 'GSM-7', 2],
		['я'.repeat(70), 'UCS-2', 1],
		['я'.repeat(71), 'UCS-2', 2],
		['я'.repeat(134), 'UCS-2', 2],
		['я'.repeat(135), 'UCS-2', 3],
		['Hello 😀', 'UCS-2', 1],
	])('counts %j', (text, encoding, parts) => {
		expect(estimateSms(text)).toMatchObject({ encoding, parts });
	});
});

describe('decodeStatus', () => {
	it('names known statuses and err codes', () => {
		expect(decodeStatus('1', '0')).toMatchObject({ statusName: 'delivered', final: true, errorDescription: 'No error' });
		expect(decodeStatus(20, 13)).toMatchObject({ statusName: 'undeliverable', error: 13, errorDescription: 'Subscriber is blocked' });
		expect(decodeStatus(-1)).toMatchObject({ statusName: 'waiting', final: false });
		expect(decodeStatus(77, 999)).toMatchObject({ statusName: 'unknown', errorDescription: 'Operator error 999' });
	});
});

describe('describeSmscError', () => {
	it('gives the per-script meaning of a shared code', () => {
		expect(describeSmscError('send', 3, 'no money')).toMatch(/Not enough money/);
		expect(describeSmscError('phones', 3, 'not found')).toMatch(/found no matching contact/);
		expect(describeSmscError('wait_call', 5, '')).toMatch(/blacklist/);
	});
	it('tells the two causes of error 9 apart', () => {
		expect(isConcurrencyError('too many concurrent requests')).toBe(true);
		expect(isConcurrencyError('duplicate request, wait a minute')).toBe(false);
		expect(describeSmscError('send', 9, 'duplicate request, wait a minute')).toMatch(/not sent a second time/);
		expect(describeSmscError('send', 9, 'too many concurrent requests')).toMatch(/15 or more requests/);
	});
	it('falls back to SMSC text for unknown codes', () => {
		expect(describeSmscError('balance', 42, 'strange')).toBe('SMSC answered with error 42 (strange).');
	});
});

import { describeSmscError, isConcurrencyError } from '../../../../nodes/shared/transport/errors';

describe('describeSmscError', () => {
	it('gives the per-script meaning of a shared code', () => {
		expect(describeSmscError('send', 3, 'no money')).toMatch(/Not enough money/);
		expect(describeSmscError('phones', 3, 'not found')).toMatch(/found no matching contact/);
		expect(describeSmscError('wait_call', 5, '')).toMatch(/blacklist/);
	});
	it('tells the two causes of error 9 apart', () => {
		expect(isConcurrencyError('too many concurrent requests')).toBe(true);
		expect(isConcurrencyError('duplicate request, wait a minute')).toBe(false);
		expect(describeSmscError('send', 9, 'duplicate request, wait a minute')).toMatch(
			/not sent a second time/,
		);
		expect(describeSmscError('send', 9, 'too many concurrent requests')).toMatch(
			/15 or more requests/,
		);
	});
	it('falls back to SMSC text for unknown codes', () => {
		expect(describeSmscError('balance', 42, 'strange')).toBe(
			'SMSC answered with error 42 (strange).',
		);
	});
});

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
			/identical request was made less than a minute ago.*send history/,
		);
		expect(describeSmscError('send', 9, 'duplicate request, wait a minute')).not.toMatch(
			/already accepted|was sent|went out/,
		);
		expect(describeSmscError('send', 9, 'too many concurrent requests')).toMatch(
			/15 or more requests/,
		);
	});
	it("gives Get Cost's error 9 its own meaning: more than five identical price requests", () => {
		expect(describeSmscError('send', 9, 'duplicate request', { cost: 1 })).toMatch(
			/more than five identical price requests were made within a minute \(error 9\)/,
		);
		expect(describeSmscError('send', 9, 'duplicate request', { cost: 2 })).toMatch(
			/refused this send/,
		);
		// other codes of a price request keep send.php's meaning
		expect(describeSmscError('send', 7, 'invalid phone', { cost: 1 })).toMatch(/phone number/);
		expect(describeSmscError('send', 9, 'too many concurrent requests', { cost: 1 })).toMatch(
			/15 or more requests/,
		);
	});
	it('falls back to SMSC text for unknown codes', () => {
		expect(describeSmscError('balance', 42, 'strange')).toBe(
			'SMSC answered with error 42 (strange).',
		);
	});
});

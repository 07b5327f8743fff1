import {
	isoFromMoscowText,
	isoFromUnix,
	moscowIso,
	smscTime,
} from '../../../../nodes/shared/smsc/times';

describe('SMSC times as ISO 8601 with the zone (Moscow, +03:00)', () => {
	it('writes an instant as Moscow wall time with its offset', () => {
		expect(moscowIso(Date.UTC(2025, 0, 1, 0, 0, 0))).toBe('2025-01-01T03:00:00+03:00');
		expect(moscowIso(Date.UTC(2024, 11, 31, 22, 30, 5))).toBe('2025-01-01T01:30:05+03:00');
	});

	it('reads Unix seconds and milliseconds, as numbers or text; 0 and blanks are no time', () => {
		expect(isoFromUnix(1735689600)).toBe('2025-01-01T03:00:00+03:00');
		expect(isoFromUnix('1735689600')).toBe('2025-01-01T03:00:00+03:00');
		expect(isoFromUnix('1735689600000')).toBe('2025-01-01T03:00:00+03:00');
		for (const value of [0, '0', '', undefined, null, 'soon', '12345678901'])
			expect(isoFromUnix(value)).toBeUndefined();
	});

	it("reads SMSC's text dates as Moscow wall time, and refuses dates that do not exist", () => {
		expect(isoFromMoscowText('01.01.2025 03:00:00')).toBe('2025-01-01T03:00:00+03:00');
		expect(isoFromMoscowText('1.1.25 3:00')).toBe('2025-01-01T03:00:00+03:00');
		expect(isoFromMoscowText('31.12.2024')).toBe('2024-12-31T00:00:00+03:00');
		for (const value of ['31.02.2025 10:00:00', '01.01.2025 25:00:00', '', '2025-01-01', 7])
			expect(isoFromMoscowText(value)).toBeUndefined();
	});

	it('prefers the exact Unix value and falls back on the text', () => {
		expect(smscTime('1735689600', '01.01.2025 09:09:09')).toBe('2025-01-01T03:00:00+03:00');
		expect(smscTime(0, '01.01.2025 09:09:09')).toBe('2025-01-01T09:09:09+03:00');
		expect(smscTime(undefined, '')).toBeUndefined();
	});
});

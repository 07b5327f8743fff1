import type { IDataObject } from 'n8n-workflow';

import {
	FREQ_MINUTES,
	inRange,
	outOfRange,
	PERIOD_HOURS,
	validTimeZone,
} from '../../shared/smsc/rules';
import type { ItemReader } from './item';

/**
 * Turns the date n8n hands a dateTime field (an ISO string, with or without an offset, or a Date /
 * Luxon DateTime from an expression) into an instant. A string without an offset is a wall-clock
 * time in the workflow's time zone, as n8n's date picker means it.
 */
export function toInstant(value: unknown, workflowTimezone: string): number | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
	if (value !== null && typeof value === 'object') {
		const luxon = value as { toMillis?: () => number; isValid?: boolean };
		if (typeof luxon.toMillis === 'function' && luxon.isValid !== false) return luxon.toMillis();
		return undefined;
	}
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;
	const match =
		/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(
			value.trim(),
		);
	if (!match) return undefined;
	const [, y, mo, d, h = '0', mi = '0', s = '0', , zone] = match;
	const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
	const check = new Date(wall);
	if (
		check.getUTCDate() !== +d ||
		check.getUTCMonth() !== +mo - 1 ||
		+h > 23 ||
		+mi > 59 ||
		+s > 59
	)
		return undefined;
	if (zone) {
		if (/^z$/i.test(zone)) return wall;
		const sign = zone.startsWith('-') ? -1 : 1;
		const digits = zone.slice(1).replace(':', '');
		const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
		return wall - sign * offsetMinutes * 60_000;
	}
	return wallTimeToInstant(wall, workflowTimezone);
}

/** SMSC's `time` for an instant: "0" followed by the Unix time in seconds (SMSC page "Відправка SMS-повідомлення", `time` format 3). */
export function smscTime(instant: number): string {
	return `0${Math.floor(instant / 1000)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(timeZone: string): Intl.DateTimeFormat | null {
	if (!formatters.has(timeZone)) {
		let format: Intl.DateTimeFormat | null;
		try {
			format = new Intl.DateTimeFormat('en-US', {
				timeZone,
				hourCycle: 'h23',
				year: 'numeric',
				month: 'numeric',
				day: 'numeric',
				hour: 'numeric',
				minute: 'numeric',
				second: 'numeric',
			});
		} catch {
			format = null;
		}
		formatters.set(timeZone, format);
	}
	return formatters.get(timeZone)!;
}

function offsetAt(instant: number, format: Intl.DateTimeFormat): number {
	const parts: Record<string, number> = {};
	for (const part of format.formatToParts(new Date(instant))) parts[part.type] = Number(part.value);
	const asUtc = Date.UTC(
		parts.year,
		parts.month - 1,
		parts.day,
		parts.hour,
		parts.minute,
		parts.second,
	);
	return asUtc - Math.floor(instant / 1000) * 1000;
}

/** A wall-clock time (given as if it were UTC) in `timeZone` → the instant; unknown zones count as UTC. */
export function wallTimeToInstant(wallAsUtc: number, timeZone: string): number {
	const format = formatter(timeZone);
	if (!format) return wallAsUtc;
	const first = wallAsUtc - offsetAt(wallAsUtc, format);
	const second = offsetAt(first, format);
	return wallAsUtc - second;
}

const HOUR_WINDOW = /^(\d{1,2})\s*-\s*(\d{1,2})$/;

/** When and how fast to send: `time` (one of Send At, Send After, Hour Window), `tz`, `period` and `freq`. */
export function readSchedule(item: ItemReader): IDataObject {
	const { options, fail } = item;
	const params: IDataObject = {};
	const schedules = [
		options.sendAt ? 'Send At' : '',
		options.delayMinutes !== undefined ? 'Send After (Minutes)' : '',
		options.hourWindow ? 'Hour Window' : '',
	].filter(Boolean);
	if (schedules.length > 1)
		fail(`Choose one way to schedule the message, not ${schedules.join(' and ')}.`);
	if (options.sendAt) {
		const instant = toInstant(options.sendAt, item.context.getTimezone());
		if (instant === undefined)
			fail(
				`Send At "${String(options.sendAt)}" is not a date and time.`,
				'Use an n8n date or an ISO date such as 2025-03-01T09:30:00.',
			);
		params.time = smscTime(instant!);
	} else if (options.delayMinutes !== undefined) {
		const minutes = Number(options.delayMinutes);
		// "+m": a whole number of minutes; the editor's minimum is 1
		if (!Number.isFinite(minutes) || Math.round(minutes) < 1)
			fail('Send After (Minutes) must be a positive number of minutes.');
		params.time = `+${Math.round(minutes)}`;
	} else if (options.hourWindow) {
		const window = HOUR_WINDOW.exec(String(options.hourWindow).trim());
		if (!window || Number(window[1]) > 24 || Number(window[2]) > 24) {
			fail(`Hour Window "${String(options.hourWindow)}" is not an hour range such as 9-21.`);
		}
		params.time = `${Number(window![1])}-${Number(window![2])}`;
	}
	// no Time Zone: SMSC uses the account's own setting (SMSC page "Відправка SMS-повідомлення", `tz`)
	const tz = String(options.tz ?? '').trim();
	if (tz !== '') {
		if (!validTimeZone(tz))
			fail(`Time Zone "${tz}" is not a number of hours from Moscow time from -15 to 11, e.g. -1.`);
		params.tz = Number(tz);
	}
	if (options.period !== undefined || options.freq !== undefined) {
		if (options.period === undefined || options.freq === undefined) {
			fail('Spread Over (Hours) and Spread Step (Minutes) work together; set both or neither.');
		}
		if (!inRange(options.period, PERIOD_HOURS))
			fail(outOfRange('Spread Over (Hours)', options.period, PERIOD_HOURS));
		if (!inRange(options.freq, FREQ_MINUTES))
			fail(outOfRange('Spread Step (Minutes)', options.freq, FREQ_MINUTES));
		params.period = Number(options.period);
		params.freq = Number(options.freq);
	}
	return params;
}

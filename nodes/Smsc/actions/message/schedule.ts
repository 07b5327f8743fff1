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

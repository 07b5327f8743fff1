/**
 * SMSC's times as the package outputs them: ISO 8601 with the zone. SMSC counts every time zone
 * from Moscow time (SMSC page "Відправка SMS-повідомлення", parameter `tz`: "relative to Moscow
 * time"), and its text dates (`dd.mm.yyyy hh:mm:ss`, e.g. `last_date`) carry no zone: they are read
 * as Moscow wall time. Moscow is UTC+3 all year (no daylight saving since 2014), so every time is
 * written with `+03:00`, the wall time SMSC's account pages show.
 */
const MOSCOW_OFFSET_MS = 3 * 3_600_000;
const MOSCOW_ZONE = '+03:00';
const TEXT_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function pad(value: number, width = 2): string {
	return String(value).padStart(width, '0');
}

/** An instant (ms since 1970) as ISO 8601 in Moscow time: `2025-01-01T03:00:00+03:00`. */
export function moscowIso(ms: number): string {
	const wall = new Date(ms + MOSCOW_OFFSET_MS);
	return (
		`${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
		`T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}${MOSCOW_ZONE}`
	);
}

/** Unix seconds (9–10 digits) or milliseconds (12–13 digits) as ISO; 0, blanks and anything else: undefined. */
export function isoFromUnix(value: unknown): string | undefined {
	const text = String(value ?? '').trim();
	if (!/^\d{9,13}$/.test(text) || text.length === 11) return undefined;
	const ms = text.length >= 12 ? Number(text) : Number(text) * 1000;
	return Number.isFinite(ms) ? moscowIso(ms) : undefined;
}

/** SMSC's text date (`dd.mm.yyyy hh:mm:ss`, Moscow wall time) as ISO; anything else: undefined. */
export function isoFromMoscowText(value: unknown): string | undefined {
	const match = TEXT_DATE.exec(String(value ?? '').trim());
	if (!match) return undefined;
	const [, day, month, yearText, hours = '0', minutes = '0', seconds = '0'] = match;
	const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
	const wall = Date.UTC(year, Number(month) - 1, Number(day), +hours, +minutes, +seconds);
	const check = new Date(wall);
	// 31.02 and 25:00 roll over in Date.UTC: not a date SMSC would send
	if (check.getUTCDate() !== Number(day) || check.getUTCHours() !== Number(hours)) return undefined;
	return moscowIso(wall - MOSCOW_OFFSET_MS);
}

/** The time of one fact: from its Unix value when SMSC gives one (exact), else from its text date. */
export function smscTime(unix: unknown, text?: unknown): string | undefined {
	return isoFromUnix(unix) ?? isoFromMoscowText(text);
}

/** Dates as SMSC shows them (Moscow time, UTC+3) and the `time` parameter of send.php. */

export const MSK_OFFSET_H = 3;
const H = 3600_000;

function pad(n: number, w = 2): string {
	return String(n).padStart(w, '0');
}

/** "DD.MM.YYYY hh:mm:ss" in Moscow time. */
export function formatDate(ms: number): string {
	const d = new Date(ms + MSK_OFFSET_H * H);
	return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(
		d.getUTCMinutes(),
	)}:${pad(d.getUTCSeconds())}`;
}

/** "DD.MM.YYYY" in Moscow time. */
export function formatDay(ms: number): string {
	return formatDate(ms).slice(0, 10);
}

export class TimeFormatError extends Error {}

/** Wall-clock fields in zone (Moscow + tz hours) → epoch ms; null if the date does not exist. */
function wallToMs(
	day: number,
	month: number,
	year: number,
	hh: number,
	mm: number,
	ss: number,
	tz: number,
): number | null {
	if (month < 1 || month > 12 || day < 1 || day > 31 || hh > 24 || mm > 59 || ss > 59) return null;
	const utc = Date.UTC(year, month - 1, day, hh, mm, ss);
	const d = new Date(utc);
	if (d.getUTCDate() !== day && !(hh === 24 && mm === 0)) return null;
	return utc - (MSK_OFFSET_H + tz) * H;
}

function year2(y: string): number {
	return y.length === 4 ? Number(y) : 2000 + Number(y);
}

/**
 * Parse send.php's `time`: DDMMYYhhmm, "DD.MM.YY hh:mm", "h1-h2", "0<unix ts>", "+<minutes>".
 * Returns epoch ms (a past time or `0` means now). Throws TimeFormatError (→ error 5).
 * `tz`: hours relative to Moscow.
 */
export function parseSendTime(value: string, tz: number, now: number): number {
	const v = value.trim();
	if (v === '' || v === '0') return now;
	let m: RegExpExecArray | null;
	if ((m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(v))) {
		const ms = wallToMs(+m[1], +m[2], year2(m[3]), +m[4], +m[5], 0, tz);
		if (ms !== null) return Math.max(ms, now);
		if (!v.startsWith('0')) throw new TimeFormatError(v);
	}
	if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(v))) {
		const ms = wallToMs(+m[1], +m[2], year2(m[3]), +m[4], +m[5], m[6] ? +m[6] : 0, tz);
		if (ms === null) throw new TimeFormatError(v);
		return Math.max(ms, now);
	}
	if ((m = /^0(\d+)$/.exec(v))) return Math.max(Number(m[1]) * 1000, now);
	if ((m = /^\+(\d+(?:\.\d+)?)$/.exec(v))) return now + Number(m[1]) * 60_000;
	if ((m = /^(\d{1,2})-(\d{1,2})$/.exec(v))) {
		const h1 = +m[1];
		const h2 = +m[2];
		if (h1 > 24 || h2 > 24) throw new TimeFormatError(v);
		const local = new Date(now + (MSK_OFFSET_H + tz) * H);
		const hour = local.getUTCHours() + local.getUTCMinutes() / 60;
		const startOfDay =
			Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) -
			(MSK_OFFSET_H + tz) * H;
		if (hour < h1) return startOfDay + h1 * H;
		if (hour < h2) return now;
		return startOfDay + 24 * H + h1 * H;
	}
	throw new TimeFormatError(v);
}

/** "dd.mm.yyyy" → epoch ms of that day's 00:00 Moscow time, or null. */
export function parseDay(value: string): number | null {
	const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value.trim());
	if (!m) return null;
	return wallToMs(+m[1], +m[2], +m[3], 0, 0, 0, 0);
}

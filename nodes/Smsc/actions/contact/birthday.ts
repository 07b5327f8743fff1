import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

const SMSC_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
/** The calendar date at the start of an ISO date or date-time, read as written (no time zone shift). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

function isCalendarDate(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

function pad(value: number): string {
	return String(value).padStart(2, '0');
}

/** Parts of a date given as an n8n date field, an ISO string, dd.mm.yyyy, a Luxon DateTime or a JS Date. */
function dateParts(value: unknown): [number, number, number] | undefined {
	if (value instanceof Date) {
		return Number.isNaN(value.getTime())
			? undefined
			: [value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()];
	}
	const luxon = value as { isValid?: boolean; toISODate?: () => string | null };
	if (value !== null && typeof value === 'object' && typeof luxon.toISODate === 'function') {
		return dateParts(luxon.isValid === false ? '' : (luxon.toISODate() ?? ''));
	}
	const text = String(value ?? '').trim();
	const smsc = SMSC_DATE.exec(text);
	if (smsc) return [Number(smsc[3]), Number(smsc[2]), Number(smsc[1])];
	const iso = ISO_DATE.exec(text);
	if (iso) return [Number(iso[1]), Number(iso[2]), Number(iso[3])];
	return undefined;
}

/** A birthday as SMSC stores it (dd.mm.yyyy, SMSC page "Управление контактами"), or an error naming the bad value. Empty stays empty. */
export function toSmscDate(
	this: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	field = 'Birthday',
): string {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
		return '';
	const parts = dateParts(value);
	if (!parts || parts[0] < 1900 || !isCalendarDate(...parts)) {
		throw new NodeOperationError(
			this.getNode(),
			`The ${field} "${String(value)}" is not a valid date. Pick a date, or write it as YYYY-MM-DD or DD.MM.YYYY.`,
			{ itemIndex },
		);
	}
	const [year, month, day] = parts;
	return `${pad(day)}.${pad(month)}.${year}`;
}

/** SMSC's dd.mm.yyyy as an ISO date (YYYY-MM-DD), which n8n expressions and other nodes understand; anything else as given. */
export function fromSmscDate(value: unknown): string {
	const text = String(value ?? '').trim();
	const match = SMSC_DATE.exec(text);
	if (!match) return text;
	return `${match[3]}-${pad(Number(match[2]))}-${pad(Number(match[1]))}`;
}

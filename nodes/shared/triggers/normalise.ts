/**
 * Adds readable fields to a decoded SMSC callback (or a message get.php listed) and keeps every
 * field SMSC sent under its own name, because SMSC's exact field list is not documented: whatever
 * arrives is passed on, only SMSC's known numeric fields become numbers.
 */
import type { IDataObject } from 'n8n-workflow';

import { DELIVERED_STATUSES, FAILED_STATUSES, decodeStatus } from '../smsc/codes';
import { decodeHlr } from '../smsc/hlr';
import { splitList } from '../smsc/phones';

/** The fields of one callback as SMSC sent them (after decoding). */
export type CallbackFields = Record<string, unknown>;

export type CallbackEvent = 'deliveryStatus' | 'incomingMessage' | 'callVerification' | 'other';

/** The call of a wait_call.php confirmation arrives as an incoming message with this text. */
export const WAIT_CALL_TEXT = '[waitcall]';

const TEXT_FIELDS = ['mes', 'message', 'text', 'msg'];
const TO_FIELDS = ['to', 'to_phone'];
const TIMESTAMP_FIELD = /^(sent|received|time|ts|timestamp|date|.+_time|.+_timestamp|.+_ts)$/;
/**
 * SMSC's numeric fields (ids, codes, money, counts, Unix times), which arrive as strings in form and
 * XML callbacks ("4", "2.50") and as numbers in get.php's JSON: output as numbers, as the Send does.
 * Phone numbers and mccmnc stay strings (leading digits and zeros matter).
 */
const NUMERIC_FIELDS = [
	'id',
	'int_id',
	'status',
	'err',
	'cost',
	'cnt',
	'sms_cnt',
	'balance',
	'sent',
	'time',
	'smsc_time',
	'last_timestamp',
	'send_timestamp',
];
const DECIMAL = /^-?\d+(\.\d+)?$/;

function scalar(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const first = Array.isArray(value) ? value[value.length - 1] : value;
	if (typeof first === 'object' && first !== null) return undefined;
	return String(first);
}

function firstPresent(fields: CallbackFields, names: string[]): string | undefined {
	for (const name of names) {
		const value = scalar(fields[name]);
		if (value !== undefined) return value;
	}
	return undefined;
}

export function messageText(fields: CallbackFields): string | undefined {
	return firstPresent(fields, TEXT_FIELDS);
}

/** A status callback reports `status`; an incoming message carries text; anything else is kept as "other". */
export function classifyCallback(fields: CallbackFields): CallbackEvent {
	const status = scalar(fields.status);
	if (status !== undefined && status.trim() !== '' && Number.isFinite(Number(status)))
		return 'deliveryStatus';
	const text = messageText(fields);
	if (text !== undefined) {
		return text.trim().toLowerCase() === WAIT_CALL_TEXT ? 'callVerification' : 'incomingMessage';
	}
	return 'other';
}

/** Unix seconds (9–10 digits) or milliseconds (12–13 digits) → ISO date; anything else is left alone. */
export function epochToIso(value: unknown): string | undefined {
	const text = scalar(value)?.trim();
	if (!text || !/^\d{9,13}$/.test(text) || text.length === 11) return undefined;
	const ms = text.length >= 12 ? Number(text) : Number(text) * 1000;
	const date = new Date(ms);
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function normaliseCallback(fields: CallbackFields): IDataObject {
	const event = classifyCallback(fields);
	const item: IDataObject = { ...(fields as IDataObject), event };
	if (event === 'deliveryStatus') {
		const decoded = decodeStatus(scalar(fields.status), scalar(fields.err));
		item.statusName = decoded.statusName;
		item.statusDescription = decoded.statusDescription;
		item.final = decoded.final;
		item.delivered = DELIVERED_STATUSES.includes(decoded.status);
		item.failed = FAILED_STATUSES.includes(decoded.status);
		if (decoded.errorDescription !== undefined) item.errorDescription = decoded.errorDescription;
		// an HLR result: the fields stay as sent, `hlr` has them decoded as Get Status does
		const hlr = decodeHlr(fields as IDataObject);
		if (hlr) item.hlr = hlr;
	} else if (event !== 'other') {
		// One name for each field in both triggers: callbacks say `mes`/`to`, get.php says `message`/`to_phone`.
		item.text = messageText(fields) ?? '';
		const to = firstPresent(fields, TO_FIELDS);
		if (to !== undefined) item.to = to;
	}
	for (const name of NUMERIC_FIELDS) {
		const value = scalar(fields[name])?.trim();
		if (value !== undefined && DECIMAL.test(value)) item[name] = Number(value);
	}
	for (const [name, value] of Object.entries(fields)) {
		if (!TIMESTAMP_FIELD.test(name)) continue;
		const iso = epochToIso(value);
		if (iso !== undefined && item[`${name}Iso`] === undefined) item[`${name}Iso`] = iso;
	}
	return item;
}

export interface CallbackFilters {
	/** status codes, plus `anyDelivered` / `anyFailed` */
	statuses?: string[];
	/** numbers that received the message (incoming messages and call verifications) */
	toNumbers?: string;
	textContains?: string;
}

export function digitsOnly(phone: string): string {
	return phone.replace(/\D/g, '');
}

/** Whether a normalised callback is one the user asked for; filters apply only to the events they describe. */
export function matchesFilters(
	item: IDataObject,
	events: string[],
	filters: CallbackFilters,
): boolean {
	const event = String(item.event);
	if (!events.includes(event)) return false;
	if (event === 'deliveryStatus' && filters.statuses && filters.statuses.length > 0) {
		const status = Number(scalar(item.status));
		const wanted = filters.statuses.some(
			(choice) =>
				(choice === 'anyDelivered' && DELIVERED_STATUSES.includes(status)) ||
				(choice === 'anyFailed' && FAILED_STATUSES.includes(status)) ||
				Number(choice) === status,
		);
		if (!wanted) return false;
	}
	if (event === 'incomingMessage' || event === 'callVerification') {
		const numbers = splitList(filters.toNumbers)
			.map(digitsOnly)
			.filter((n) => n !== '');
		if (numbers.length > 0) {
			const to = digitsOnly(firstPresent(item as CallbackFields, TO_FIELDS) ?? '');
			if (!numbers.includes(to)) return false;
		}
	}
	if (event === 'incomingMessage' && filters.textContains) {
		const text = String(item.text ?? '').toLowerCase();
		if (!text.includes(filters.textContains.toLowerCase())) return false;
	}
	return true;
}

/** Answers of SMSC scripts and their rendering in fmt 0 (text), 1 (numbers), 2 (XML), 3 (JSON). */
import { toXml, xmlEscape } from './codec';

export class ApiError extends Error {
	constructor(
		public code: number,
		public text: string,
		/** send.php errors 3, 6, 7, 8 carry the message id */
		public id?: string | number,
	) {
		super(`${code} (${text})`);
	}
}

export interface Reply {
	/** fmt=3 body (also the source of the fallback renderings) */
	json: unknown;
	/** fmt=0 text */
	text?: () => string;
	/** fmt=1 numbers */
	nums?: () => string;
	/** fmt=2 XML */
	xml?: () => string;
}

/**
 * fmt=0 and fmt=1 of a list answer, one line per record: `key = value` pairs in the order of
 * `textKeys`, the bare values by commas in the order of `numKeys` (the pages order them apart).
 */
export function listLines(
	rows: Array<Record<string, unknown>>,
	textKeys: string[],
	numKeys: string[] = textKeys,
): Required<Pick<Reply, 'text' | 'nums'>> {
	return {
		text: () =>
			rows.map((o) => textKeys.map((k) => `${k} = ${String(o[k])}`).join(', ')).join('\n'),
		nums: () => rows.map((o) => numKeys.map((k) => String(o[k])).join(',')).join('\n'),
	};
}

export const TOO_MANY_CONCURRENT = 'too many concurrent requests';
export const DUPLICATE_REQUEST = 'duplicate request, wait a minute';

/** English error texts, per script where they differ. */
const COMMON: Record<number, string> = {
	1: 'parameters error',
	2: 'authorise error',
	3: 'records not found',
	4: 'IP address is temporarily blocked',
	5: 'operation error',
	9: DUPLICATE_REQUEST,
};
const PER_SCRIPT: Record<string, Record<number, string>> = {
	send: {
		3: 'no money',
		5: 'wrong date format',
		6: 'message is denied',
		7: 'invalid phone',
		8: "can't deliver the message",
	},
	balance: {},
	status: { 3: 'message not found', 5: 'message deletion error' },
	phones: {},
	senders: {},
	wait_call: {
		3: 'no money',
		5: 'phone is in the blacklist',
		6: "can't get the cost of the service",
	},
	get: { 3: 'records not found' },
};

export function errorText(script: string, code: number): string {
	return PER_SCRIPT[script]?.[code] ?? COMMON[code] ?? 'error';
}

export function apiError(script: string, code: number, id?: string | number): ApiError {
	return new ApiError(code, errorText(script, code), id);
}

export function renderError(e: ApiError, fmt: number): string {
	const hasId = e.id !== undefined && e.id !== null;
	switch (fmt) {
		case 1:
			return `${hasId ? e.id : 0},-${e.code}`;
		case 2:
			return `<result>\n<error>${xmlEscape(e.text)}</error>\n<error_code>${e.code}</error_code>\n${
				hasId ? `<id>${xmlEscape(e.id)}</id>\n` : ''
			}</result>`;
		case 3:
			return JSON.stringify(
				hasId
					? { error: e.text, error_code: e.code, id: e.id }
					: { error: e.text, error_code: e.code },
			);
		default:
			return `ERROR = ${e.code} (${e.text})${hasId ? `, ID - ${e.id}` : ''}`;
	}
}

function flat(v: unknown): string {
	if (Array.isArray(v)) return v.map(flat).join(',');
	if (v !== null && typeof v === 'object') return JSON.stringify(v);
	return String(v ?? '');
}

function kv(o: unknown): string {
	if (o === null || typeof o !== 'object') return String(o ?? '');
	return Object.entries(o as Record<string, unknown>)
		.map(([k, v]) => `${k} = ${flat(v)}`)
		.join(', ');
}

export function renderReply(r: Reply, fmt: number, rootTag = 'result'): string {
	switch (fmt) {
		case 3:
			return JSON.stringify(r.json);
		case 2:
			return r.xml ? r.xml() : toXml(r.json, Array.isArray(r.json) ? 'list' : rootTag).trimEnd();
		case 1:
			if (r.nums) return r.nums();
			if (Array.isArray(r.json))
				return r.json
					.map((o) =>
						Object.values(o as object)
							.map(flat)
							.join(','),
					)
					.join('\n');
			return Object.values((r.json ?? {}) as object)
				.map(flat)
				.join(',');
		default:
			if (r.text) return r.text();
			if (Array.isArray(r.json)) return r.json.map(kv).join('\n');
			return kv(r.json);
	}
}

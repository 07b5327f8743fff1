import type { IDataObject, JsonObject } from 'n8n-workflow';

import { MAX_BUSY_RETRIES, busyPauseMs } from './limiter';
import {
	MAY_HAVE_SENT,
	describeSmscError,
	isConcurrencyError,
	networkFailureMessage,
} from './errors';
import { NEVER_SENT } from './hosts';
import type { SmscScript } from './types';

export type SmscResponse = IDataObject | IDataObject[];

/** What one attempt came back with: a socket failure, or an HTTP answer. */
export type Attempt = { networkError: string } | { status: number; body: unknown };

/** Where the attempts stand: the host in use and the retries spent so far. */
export interface AttemptState {
	host: number;
	readRetries: number;
	busyRetries: number;
}

export const FIRST_ATTEMPT: AttemptState = { host: 0, readRetries: 0, busyRetries: 0 };

/** What is being asked, which decides what may be tried again. */
export interface RequestKind {
	script: SmscScript;
	/** base URLs, main first */
	hosts: string[];
	/** Whether repeating the request cannot change anything at SMSC (reads and lists). */
	readOnly: boolean;
	/** Whether SMSC's error 3 ("nothing found") means an empty list rather than a failure. */
	list: boolean;
	/** The request's parameters, which some error texts depend on (error 9 per script). */
	params?: IDataObject;
	/** Hides the request's secrets in a quoted answer before it is cut short, so no part of one is left. */
	redact?: (text: string) => string;
}

/**
 * One attempt's verdict. `limiter` tells the per-login limiter what SMSC said: a refusal for too
 * many requests in flight, or an answer.
 */
export type Verdict = { limiter?: 'refused' | 'answered' } & (
	| { verdict: 'done'; answer: SmscResponse }
	| { verdict: 'retry'; pauseMs: number; next: AttemptState }
	| { verdict: 'nextHost'; next: AttemptState }
	| { verdict: 'fail'; message: string; details: JsonObject; httpCode?: string }
);

export const MAX_READ_RETRIES = 2;
const READ_PAUSE_MS = 250;
const EXCERPT_LENGTH = 200;

/**
 * The send-safety rules in one place: a request that provably never left may go to the backup host;
 * a read is tried again on the host it went to (after a socket failure or a 5xx); a
 * refusal for too many requests in flight is tried again, since SMSC refuses it before doing
 * anything; a send that may have reached SMSC is never repeated and fails flagged `maybeSent`.
 */
export function judgeAttempt(attempt: Attempt, state: AttemptState, kind: RequestKind): Verdict {
	const host = kind.hosts[state.host];
	if ('networkError' in attempt) {
		const code = attempt.networkError;
		if (NEVER_SENT.has(code) && state.host + 1 < kind.hosts.length) {
			return { verdict: 'nextHost', next: { ...state, host: state.host + 1 } };
		}
		// A read is retried where it went: the backup host is only for requests that never left.
		if (kind.readOnly && state.readRetries < MAX_READ_RETRIES) {
			return readRetry(state, state.host);
		}
		const safe = kind.readOnly || NEVER_SENT.has(code);
		return {
			verdict: 'fail',
			message: networkFailureMessage(code, host, safe),
			details: { networkError: code, ...(safe ? {} : { maybeSent: true }) },
		};
	}

	const { status } = attempt;
	if (status >= 500 && kind.readOnly && state.readRetries < MAX_READ_RETRIES) {
		return readRetry(state, state.host);
	}
	if (status >= 400) {
		const mayHaveSent = status >= 500 && !kind.readOnly;
		return {
			verdict: 'fail',
			message: `SMSC answered HTTP ${status} at ${host}.${mayHaveSent ? MAY_HAVE_SENT : ''} Response: ${excerpt(attempt.body, kind.redact)}`,
			details: { httpStatus: status, ...(mayHaveSent ? { maybeSent: true } : {}) },
			httpCode: String(status),
		};
	}

	const body = parseBody(attempt.body);
	if (body === undefined) {
		// the request was delivered to whatever answered, so a send may have been carried out
		const mayHaveSent = !kind.readOnly;
		return {
			verdict: 'fail',
			message: `SMSC's answer was not JSON, so ${host} may not be an SMSC server (check the Server or Base URL of the credential, or a proxy in between).${mayHaveSent ? MAY_HAVE_SENT : ''} Answer starts with: ${excerpt(attempt.body, kind.redact)}`,
			details: mayHaveSent ? { maybeSent: true } : {},
		};
	}
	if (Array.isArray(body) || body.error_code === undefined) {
		return { verdict: 'done', answer: body, limiter: 'answered' };
	}

	const code = Number(body.error_code);
	const text = String(body.error ?? '');
	const refused = code === 9 && isConcurrencyError(text);
	if (refused && state.busyRetries < MAX_BUSY_RETRIES) {
		const busyRetries = state.busyRetries + 1;
		return {
			verdict: 'retry',
			pauseMs: busyPauseMs(busyRetries),
			next: { ...state, busyRetries },
			limiter: 'refused',
		};
	}
	const limiter = refused ? ('refused' as const) : undefined;
	if (code === 3 && kind.list) return { verdict: 'done', answer: [], limiter };
	const details: JsonObject = { smscErrorCode: code, smscError: text };
	if (body.id !== undefined) details.id = body.id as string;
	return {
		verdict: 'fail',
		message: describeSmscError(kind.script, code, text, kind.params),
		details,
		limiter,
	};
}

function readRetry(state: AttemptState, host: number): Verdict {
	const readRetries = state.readRetries + 1;
	return {
		verdict: 'retry',
		pauseMs: READ_PAUSE_MS * readRetries,
		next: { ...state, host, readRetries },
	};
}

function parseBody(body: unknown): SmscResponse | undefined {
	if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body))
		return body as SmscResponse;
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : String(body ?? '');
	try {
		const parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
		return parsed !== null && typeof parsed === 'object' ? (parsed as SmscResponse) : undefined;
	} catch {
		return undefined;
	}
}

function excerpt(body: unknown, redact: (text: string) => string = (text) => text): string {
	const raw =
		typeof body === 'string'
			? body
			: Buffer.isBuffer(body)
				? body.toString('utf8')
				: JSON.stringify(body ?? '');
	const flat = redact(raw).replace(/\s+/g, ' ').trim();
	return `"${flat.slice(0, EXCERPT_LENGTH)}${flat.length > EXCERPT_LENGTH ? '…' : ''}"`;
}

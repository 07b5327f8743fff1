import { NodeApiError, sleep } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';

import {
	MAX_BUSY_RETRIES,
	acquireSlot,
	busyPauseMs,
	noteAnswered,
	noteRefused,
} from './concurrency';
import { describeSmscError, isConcurrencyError } from './errors';
import { multipartBody } from './multipart';
import type { FormFile } from './multipart';
import { SMSC_CREDENTIAL } from './types';
import type { SmscContext, SmscScript } from './types';

export interface SmscRequestOptions {
	/** Whether repeating the request cannot change anything at SMSC (reads and lists). */
	readOnly?: boolean;
	/** Whether SMSC's error 3 ("nothing found") means an empty list rather than a failure. */
	list?: boolean;
	/** Item the request belongs to, so n8n can point at it when the request fails. */
	itemIndex?: number;
	timeoutMs?: number;
	/**
	 * Parameters that are bytes, not text (send.php `mes` with bin=1, "urlencoded"): the form is then
	 * written here, each byte percent-encoded, since n8n would encode every value as UTF-8.
	 */
	bytes?: Record<string, Buffer>;
	/** Files sent with the request: the body is then multipart/form-data, written here. */
	files?: FormFile[];
}

export type SmscResponse = IDataObject | IDataObject[];

/** Whether a failed request may still have been carried out by SMSC (a timeout or 5xx after sending). */
export function mayHaveReachedSmsc(error: unknown): boolean {
	return (
		(error as { errorResponse?: { maybeSent?: unknown } } | undefined)?.errorResponse?.maybeSent ===
		true
	);
}

/** Connection failures that prove the request never reached a server, so any command may go to the backup host. */
const NEVER_SENT = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);
const MAX_READ_RETRIES = 2;
const DEFAULT_TIMEOUT_MS = 30_000;
const EXCERPT_LENGTH = 200;

export function smscBaseUrls(credentials: ICredentialDataDecryptedObject): string[] {
	if (credentials.server === 'custom') {
		const urls = [credentials.baseUrl, credentials.backupBaseUrl]
			.map((url) =>
				String(url ?? '')
					.trim()
					.replace(/\/+$/, ''),
			)
			.filter((url) => url !== '');
		return urls;
	}
	const domain = String(credentials.server ?? 'smsc.ru');
	return [`https://${domain}`, `https://www2.${domain}`];
}

/**
 * The one door to SMSC: POSTs a form to /sys/<script>.php with fmt=3 and UTF-8, lets the credential
 * add the secrets to the body, and turns every failure into an English NodeApiError that carries
 * no part of the request (the request body holds the password).
 */
export async function smscRequest(
	this: SmscContext,
	script: SmscScript,
	params: IDataObject,
	options: SmscRequestOptions = {},
): Promise<SmscResponse> {
	const credentials = await this.getCredentials(SMSC_CREDENTIAL);
	const hosts = smscBaseUrls(credentials);
	// a proxy page may echo the form body, where a secret appears percent-encoded
	const secrets = [credentials.password, credentials.apiKey]
		.map((secret) => String(secret ?? ''))
		.filter((secret) => secret.length >= 3)
		.flatMap((secret) => [
			secret,
			encodeURIComponent(secret),
			new URLSearchParams({ s: secret }).toString().slice(2),
		]);
	const fail = (message: string, extra: JsonObject = {}, httpCode?: string): never => {
		throw new NodeApiError(
			this.getNode(),
			{ script, ...extra },
			{ message: redact(message, secrets), httpCode, itemIndex: options.itemIndex },
		);
	};

	let host = 0;
	let busyRetries = 0;
	let readRetries = 0;
	// SMSC counts requests in flight per login, whichever key or host they use.
	const limiterKey = `${hosts[0]}|${String(credentials.login ?? '')}|${String(credentials.apiKey ?? '')}`;
	for (;;) {
		let response: IN8nHttpFullResponse;
		const release = await acquireSlot(limiterKey);
		const form = requestBody({ ...compactParams(params), fmt: 3, charset: 'utf-8' }, options);
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(this, SMSC_CREDENTIAL, {
				method: 'POST',
				url: `${hosts[host]}/sys/${script}.php`,
				headers: { 'Content-Type': form.contentType },
				body: form.body,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
			})) as IN8nHttpFullResponse;
		} catch (error) {
			release();
			const code = networkErrorCode(error);
			if (NEVER_SENT.has(code) && host + 1 < hosts.length) {
				host++;
				continue;
			}
			// A read is retried where it went: the backup host is only for requests that never left.
			if (options.readOnly && readRetries < MAX_READ_RETRIES) {
				readRetries++;
				await sleep(250 * readRetries);
				continue;
			}
			const safe = options.readOnly || NEVER_SENT.has(code);
			return fail(networkFailureMessage(code, hosts[host], safe), {
				networkError: code,
				...(safe ? {} : { maybeSent: true }),
			});
		}

		release();
		const status = Number(response.statusCode);
		if (status >= 500 && options.readOnly && readRetries < MAX_READ_RETRIES) {
			readRetries++;
			await sleep(250 * readRetries);
			continue;
		}
		if (status >= 400) {
			const mayHaveSent = status >= 500 && !options.readOnly;
			return fail(
				`SMSC answered HTTP ${status} at ${hosts[host]}.${mayHaveSent ? MAY_HAVE_SENT : ''} Response: ${excerpt(response.body)}`,
				{ httpStatus: status, ...(mayHaveSent ? { maybeSent: true } : {}) },
				String(status),
			);
		}

		const body = parseBody(response.body);
		if (body === undefined) {
			// the request was delivered to whatever answered, so a send may have been carried out
			const mayHaveSent = !options.readOnly;
			return fail(
				`SMSC's answer was not JSON, so ${hosts[host]} may not be an SMSC server (check the Server or Base URL of the credential, or a proxy in between).${mayHaveSent ? MAY_HAVE_SENT : ''} Answer starts with: ${excerpt(response.body)}`,
				mayHaveSent ? { maybeSent: true } : {},
			);
		}
		if (!Array.isArray(body) && body.error_code !== undefined) {
			const code = Number(body.error_code);
			const text = String(body.error ?? '');
			if (code === 9 && isConcurrencyError(text)) {
				noteRefused(limiterKey);
				if (busyRetries < MAX_BUSY_RETRIES) {
					busyRetries++;
					await sleep(busyPauseMs(busyRetries));
					continue;
				}
			}
			if (code === 3 && options.list) return [];
			const extra: JsonObject = { smscErrorCode: code, smscError: text };
			if (body.id !== undefined) extra.id = body.id as string;
			return fail(describeSmscError(script, code, text), extra);
		}
		noteAnswered(limiterKey);
		return body;
	}
}

const MAY_HAVE_SENT =
	' The request may have reached SMSC, so it was not repeated automatically: check the SMSC message history before sending it again.';

/** Plain words for socket failures: a raw code such as ECONNREFUSED in the message would make n8n
 * replace the whole message with its generic text and lose what we know about double sending. */
const NETWORK_FAILURES: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ENOTFOUND: 'the host name was not found',
	EAI_AGAIN: 'the host name could not be resolved',
	EHOSTUNREACH: 'the host is unreachable',
	ENETUNREACH: 'the network is unreachable',
	ECONNRESET: 'the connection was closed before an answer came',
	ECONNABORTED: 'no answer came within the timeout',
	ETIMEDOUT: 'no answer came within the timeout',
};

function networkFailureMessage(code: string, host: string, safe: boolean): string {
	const what = NETWORK_FAILURES[code] ?? 'the connection failed';
	return `Could not get an answer from SMSC at ${host}: ${what}.${safe ? ' Nothing was changed at SMSC.' : MAY_HAVE_SENT}`;
}

function networkErrorCode(error: unknown): string {
	// n8n's request helper wraps the socket error in a NodeApiError that keeps the code only in
	// httpCode (e.g. "ECONNREFUSED") and in its messages; the raw cause is not kept.
	const e = error as {
		httpCode?: unknown;
		code?: unknown;
		cause?: { code?: unknown };
		messages?: unknown;
	};
	for (const candidate of [e?.httpCode, e?.cause?.code, e?.code]) {
		if (typeof candidate === 'string' && /^E[A-Z_]+$/.test(candidate)) return candidate;
	}
	const text = Array.isArray(e?.messages) ? e.messages.join(' ') : '';
	return /\b(E[A-Z]{3,}[A-Z_]*)\b/.exec(text)?.[1] ?? '';
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

function excerpt(body: unknown): string {
	const text =
		typeof body === 'string'
			? body
			: Buffer.isBuffer(body)
				? body.toString('utf8')
				: JSON.stringify(body ?? '');
	const flat = text.replace(/\s+/g, ' ').trim();
	return `"${flat.slice(0, EXCERPT_LENGTH)}${flat.length > EXCERPT_LENGTH ? '…' : ''}"`;
}

function redact(text: string, secrets: string[]): string {
	return secrets.reduce((out, secret) => out.split(secret).join('***'), text);
}

const FORM = 'application/x-www-form-urlencoded';

/**
 * The form as n8n sends it (an object the credential adds the secrets to); when some values are
 * bytes, the urlencoded text written here; with files, a multipart body written here. The
 * credential adds the secrets to the text or the multipart body as well, never to the URL.
 */
function requestBody(
	fields: IDataObject,
	options: SmscRequestOptions,
): { body: IDataObject | string | Buffer; contentType: string } {
	const text = Object.entries(fields).map(
		([key, value]) => [key, String(value)] as [string, string],
	);
	if (options.files !== undefined && options.files.length > 0) {
		return multipartBody({ ...Object.fromEntries(text), ...(options.bytes ?? {}) }, options.files);
	}
	if (options.bytes === undefined) return { body: fields, contentType: FORM };
	const bytes = Object.entries(options.bytes).map(
		([key, value]) => `${encodeURIComponent(key)}=${percentEncode(value)}`,
	);
	return { body: [new URLSearchParams(text).toString(), ...bytes].join('&'), contentType: FORM };
}

function percentEncode(bytes: Buffer): string {
	return Array.from(bytes, (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(
		'',
	);
}

/** Drops empty values, so an option left blank in n8n never reaches SMSC as an empty parameter. */
export function compactParams(params: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(params)) {
		if (value === undefined || value === null || value === '') continue;
		out[key] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
	}
	return out;
}

/**
 * A read of an SMSC list: safe to repeat, "nothing found" is an empty list, and the single row SMSC
 * sends bare comes back as a list of one, so no caller handles three shapes.
 */
export async function smscList(
	this: SmscContext,
	script: SmscScript,
	params: IDataObject,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const answer = await smscRequest.call(this, script, params, {
		readOnly: true,
		list: true,
		itemIndex,
	});
	return Array.isArray(answer) ? answer : [answer];
}

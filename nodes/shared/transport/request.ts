import { NodeApiError, sleep } from 'n8n-workflow';
import type { IDataObject, IN8nHttpFullResponse, JsonObject } from 'n8n-workflow';

import { MAX_BUSY_RETRIES, acquireSlot, busyPauseMs, noteAnswered, noteRefused } from './limiter';
import { compactParams, requestBody } from './body';
import type { BodyParts } from './body';
import {
	MAY_HAVE_SENT,
	describeSmscError,
	isConcurrencyError,
	networkErrorCode,
	networkFailureMessage,
} from './errors';
import { NEVER_SENT, smscBaseUrls } from './hosts';
import { SMSC_CREDENTIAL } from './types';
import type { SmscContext, SmscScript } from './types';

export interface SmscRequestOptions extends BodyParts {
	/** Whether repeating the request cannot change anything at SMSC (reads and lists). */
	readOnly?: boolean;
	/** Whether SMSC's error 3 ("nothing found") means an empty list rather than a failure. */
	list?: boolean;
	/** Item the request belongs to, so n8n can point at it when the request fails. */
	itemIndex?: number;
	timeoutMs?: number;
}

export type SmscResponse = IDataObject | IDataObject[];

/** Whether a failed request may still have been carried out by SMSC (a timeout or 5xx after sending). */
export function mayHaveReachedSmsc(error: unknown): boolean {
	return (
		(error as { errorResponse?: { maybeSent?: unknown } } | undefined)?.errorResponse?.maybeSent ===
		true
	);
}

const MAX_READ_RETRIES = 2;
const DEFAULT_TIMEOUT_MS = 30_000;
const EXCERPT_LENGTH = 200;

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
			return fail(describeSmscError(script, code, text, params), extra);
		}
		noteAnswered(limiterKey);
		return body;
	}
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

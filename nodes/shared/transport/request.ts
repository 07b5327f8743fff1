import { NodeApiError, sleep } from 'n8n-workflow';
import type { IDataObject, IN8nHttpFullResponse, JsonObject } from 'n8n-workflow';

import { acquireSlot, noteAnswered, noteRefused } from './limiter';
import { compactParams, requestBody } from './body';
import type { BodyParts } from './body';
import { networkErrorCode } from './errors';
import { smscBaseUrls } from './hosts';
import { FIRST_ATTEMPT, judgeAttempt } from './retry';
import type { Attempt, SmscResponse } from './retry';
import { SMSC_CREDENTIAL } from './types';
import type { SmscContext, SmscScript } from './types';

export type { SmscResponse } from './retry';

export interface SmscRequestOptions extends BodyParts {
	/** Whether repeating the request cannot change anything at SMSC (reads and lists). */
	readOnly?: boolean;
	/** Whether SMSC's error 3 ("nothing found") means an empty list rather than a failure. */
	list?: boolean;
	/** Item the request belongs to, so n8n can point at it when the request fails. */
	itemIndex?: number;
	timeoutMs?: number;
	/**
	 * Values of this request besides the credential's that no error may show, e.g. the signature of
	 * Send and Wait's answer link inside `mes`: a proxy's or SMSC's page may echo the form back.
	 */
	secrets?: string[];
}

/** Whether a failed request may still have been carried out by SMSC (a timeout or 5xx after sending). */
export function mayHaveReachedSmsc(error: unknown): boolean {
	return (
		(error as { errorResponse?: { maybeSent?: unknown } } | undefined)?.errorResponse?.maybeSent ===
		true
	);
}

const DEFAULT_TIMEOUT_MS = 30_000;

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
	const hide = redactor([credentials.password, credentials.apiKey, ...(options.secrets ?? [])]);
	const fail = (message: string, extra: JsonObject = {}, httpCode?: string): never => {
		throw new NodeApiError(
			this.getNode(),
			{ script, ...redactDetails(extra, hide) },
			{ message: hide(message), httpCode, itemIndex: options.itemIndex },
		);
	};

	const kind = {
		script,
		hosts,
		readOnly: options.readOnly === true,
		list: options.list === true,
		params,
		redact: hide,
	};
	// SMSC counts requests in flight per login, whichever key or host they use.
	const limiterKey = `${hosts[0]}|${String(credentials.login ?? '')}|${String(credentials.apiKey ?? '')}`;
	let state = FIRST_ATTEMPT;
	for (;;) {
		const release = await acquireSlot(limiterKey);
		const attempt = await attemptOnce.call(
			this,
			`${hosts[state.host]}/sys/${script}.php`,
			params,
			options,
		);
		release();
		const verdict = judgeAttempt(attempt, state, kind);
		if (verdict.limiter === 'refused') noteRefused(limiterKey);
		if (verdict.limiter === 'answered') noteAnswered(limiterKey);
		if (verdict.verdict === 'done') return verdict.answer;
		if (verdict.verdict === 'fail') return fail(verdict.message, verdict.details, verdict.httpCode);
		if (verdict.verdict === 'retry') await sleep(verdict.pauseMs);
		state = verdict.next;
	}
}

/** One POST: the HTTP answer whatever its status, or the code of the socket failure. */
async function attemptOnce(
	this: SmscContext,
	url: string,
	params: IDataObject,
	options: SmscRequestOptions,
): Promise<Attempt> {
	const form = requestBody({ ...compactParams(params), fmt: 3, charset: 'utf-8' }, options);
	try {
		const response = (await this.helpers.httpRequestWithAuthentication.call(this, SMSC_CREDENTIAL, {
			method: 'POST',
			url,
			headers: { 'Content-Type': form.contentType },
			body: form.body,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		})) as IN8nHttpFullResponse;
		return { status: Number(response.statusCode), body: response.body };
	} catch (error) {
		return { networkError: networkErrorCode(error) };
	}
}

/**
 * Replaces every secret in a text with ***. A proxy page may echo the form body, where a secret
 * appears percent-encoded, and a JSON answer is quoted through JSON.stringify, which escapes `"`
 * and `\`; the longest forms go first, so a secret inside another is not left in part.
 */
function redactor(values: unknown[]): (text: string) => string {
	const secrets = values
		.map((secret) => String(secret ?? ''))
		.filter((secret) => secret.length >= 3)
		.flatMap((secret) => [
			secret,
			encodeURIComponent(secret),
			new URLSearchParams({ s: secret }).toString().slice(2),
			JSON.stringify(secret).slice(1, -1),
		])
		.sort((a, b) => b.length - a.length);
	return (text) => secrets.reduce((out, secret) => out.split(secret).join('***'), text);
}

/** SMSC's own error text travels in the details too, and may quote the request. */
function redactDetails(details: JsonObject, hide: (text: string) => string): JsonObject {
	const out: JsonObject = {};
	for (const [key, value] of Object.entries(details))
		out[key] = typeof value === 'string' ? hide(value) : value;
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

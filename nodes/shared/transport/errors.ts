import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { SmscScript } from './types';

/**
 * SMSC reuses error numbers with a different meaning per script (3 is "no money" for send.php but
 * "nothing found" for phones.php), so the English text is chosen per script, falling back to the
 * meanings every script shares.
 */
const common: Record<number, string> = {
	1: 'SMSC did not accept the request parameters (error 1). Check the fields of this operation.',
	2: 'SMSC rejected the login and password or the API key (error 2). Check the SMSC credential, and check that this IP address is allowed in the SMSC account settings.',
	4: 'SMSC has temporarily blocked this IP address after too many failed requests (error 4). Wait a few minutes, fix the failing requests, then try again.',
	9: 'SMSC refused an identical request repeated too often within a minute (error 9). Wait a minute before repeating it.',
};

const perScript: Partial<Record<SmscScript, Record<number, string>>> = {
	send: {
		3: 'Not enough money on the SMSC account for this message (error 3). Top up the balance, then send again.',
		5: 'SMSC did not understand the scheduled time (error 5). Use an n8n date, "+minutes" or an "h1-h2" hour window.',
		6: 'SMSC refused the message (error 6): the sender name is not registered and approved in the SMSC account, or the text is forbidden, or the account has no contract for bulk or advertising messages. Pick a sender name from the list (or register it under Sender Names) and try again.',
		7: 'SMSC did not accept a phone number (error 7). Use international format, e.g. +79991234567.',
		8: 'SMSC cannot deliver a message to this number (error 8).',
		9: 'SMSC already accepted an identical message less than a minute ago (error 9: duplicate request). It was not sent a second time; change the text or wait a minute if you really mean to send it again.',
	},
	status: {
		3: 'SMSC has no message with this id for this phone (error 3). Check the message id and phone number.',
		5: 'SMSC could not delete the message (error 5).',
	},
	balance: {},
	phones: {
		3: 'SMSC found no matching contact, group or blacklist entry (error 3).',
		5: 'SMSC could not carry out the contact operation (error 5). The contact, group or number may not exist or may already exist.',
		9: 'SMSC refused more than three identical contact, group or blacklist requests within a minute (error 9). Wait a minute before repeating it.',
	},
	// mails.php: "the format of requests is the same as for phones.php" (SMSC page "Управление контактами")
	mails: {
		3: 'SMSC found no matching e-mail contact, group or blacklist entry (error 3).',
		5: 'SMSC could not carry out the e-mail contact operation (error 5). The contact, group or address may not exist or may already exist.',
		9: 'SMSC refused more than three identical e-mail contact, group or blacklist requests within a minute (error 9). Wait a minute before repeating it.',
	},
	senders: {
		3: 'SMSC found no matching sender name (error 3).',
		5: 'SMSC could not carry out the sender name operation (error 5). The name may already exist, be pending approval, or the code may be wrong.',
	},
	wait_call: {
		3: 'Not enough money on the SMSC account for a call verification (error 3). Top up the balance, then try again.',
		5: 'The phone number is on the account blacklist, so SMSC will not wait for its call (error 5). Remove it from the blacklist first.',
		6: 'SMSC could not price the call verification because of the account settings, such as allowed numbers or sending hours (error 6).',
		9: 'SMSC refused more than fifty identical call verification requests within a minute (error 9). Wait a minute before repeating it.',
	},
	get: {
		3: 'SMSC found no messages for this request (error 3).',
	},
};

export const CONCURRENCY_ERROR_HINT =
	'SMSC refused the request because 15 or more requests were running at once under this login (error 9: too many concurrent requests). Lower the concurrency or stop other clients using the same login.';

export function describeSmscError(script: SmscScript, code: number, smscText: string): string {
	if (code === 9 && isConcurrencyError(smscText)) return CONCURRENCY_ERROR_HINT;
	return (
		perScript[script]?.[code] ??
		common[code] ??
		`SMSC answered with error ${code}${smscText ? ` (${smscText})` : ''}.`
	);
}

/** Error 9 has two causes with opposite remedies; only SMSC's text tells them apart. */
export function isConcurrencyError(smscText: string): boolean {
	return /concurren|одновремен/i.test(smscText);
}

/** SMSC's error number carried by a transport error, if the failure was an SMSC answer. */
export function smscErrorCode(error: unknown): number | undefined {
	const response = (error as { errorResponse?: IDataObject })?.errorResponse;
	const code = Number(response?.smscErrorCode);
	return response?.smscErrorCode !== undefined && Number.isFinite(code) ? code : undefined;
}

/**
 * SMSC's error texts are generic ("records not found", "operation error"); in the context of one
 * operation the node knows what they mean, so it says so, per error code, and keeps SMSC's code.
 * Codes without a text, and failures that are not SMSC answers, pass through unchanged.
 */
export function explainSmscError(
	this: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	script: SmscScript,
	texts: Partial<Record<number, string>>,
): never {
	const code = smscErrorCode(error);
	const text = code !== undefined ? texts[code] : undefined;
	if (code === undefined || text === undefined) throw error;
	const response = (error as { errorResponse?: IDataObject }).errorResponse;
	throw new NodeApiError(
		this.getNode(),
		{ script, smscErrorCode: code, smscError: String(response?.smscError ?? '') },
		{ message: `${text} (SMSC error ${code}).`, itemIndex, httpCode: code === 3 ? '404' : '400' },
	);
}

export const MAY_HAVE_SENT =
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

export function networkFailureMessage(code: string, host: string, safe: boolean): string {
	const what = NETWORK_FAILURES[code] ?? 'the connection failed';
	return `Could not get an answer from SMSC at ${host}: ${what}.${safe ? ' Nothing was changed at SMSC.' : MAY_HAVE_SENT}`;
}

export function networkErrorCode(error: unknown): string {
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

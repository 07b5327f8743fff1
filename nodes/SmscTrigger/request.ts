/**
 * Reads what the callback decoder needs from n8n's request object. n8n keeps the raw body in
 * `rawBody` (sometimes only after `readRawBody()`); when neither exists the body n8n parsed is the
 * only thing left, so it is used as is.
 */
import type { IWebhookFunctions } from 'n8n-workflow';

import type { CallbackFields } from '../shared/triggers/normalise';
import type { RawCallbackRequest } from './callback';

interface RequestLike {
	method?: string;
	url?: string;
	originalUrl?: string;
	headers?: Record<string, string | string[] | undefined>;
	rawBody?: unknown;
	readRawBody?: () => Promise<void>;
	body?: unknown;
}

export interface ReadRequest {
	raw: RawCallbackRequest;
	/** fields n8n already parsed, used only when the raw bytes are gone */
	parsedFallback?: CallbackFields;
}

function header(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

export async function readCallbackRequest(this: IWebhookFunctions): Promise<ReadRequest> {
	const request = this.getRequestObject() as unknown as RequestLike;
	if (request.rawBody === undefined && typeof request.readRawBody === 'function') {
		try {
			await request.readRawBody();
		} catch {
			// The stream was already consumed by n8n's own parser; the parsed body below is what remains.
		}
	}
	const raw: RawCallbackRequest = {
		method: String(request.method ?? 'POST').toUpperCase(),
		url: String(request.originalUrl ?? request.url ?? ''),
		contentType: header(request.headers?.['content-type']),
	};
	if (Buffer.isBuffer(request.rawBody)) {
		raw.body = request.rawBody;
		return { raw };
	}
	if (typeof request.rawBody === 'string') {
		raw.body = Buffer.from(request.rawBody, 'utf8');
		return { raw };
	}
	const parsed = request.body;
	if (typeof parsed === 'string') {
		raw.body = Buffer.from(parsed, 'utf8');
		return { raw };
	}
	if (
		parsed !== null &&
		typeof parsed === 'object' &&
		!Array.isArray(parsed) &&
		Object.keys(parsed).length > 0
	) {
		return { raw, parsedFallback: parsed as CallbackFields };
	}
	return { raw };
}

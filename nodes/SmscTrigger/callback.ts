/**
 * Pure decoding of SMSC's calls to the handler URL. SMSC sends form fields in windows-1251 unless
 * the handler URL says `charset=utf-8`, and JSON (`fmt=3`) or XML (`fmt=2`) when asked, by GET or
 * POST. n8n has already parsed the body as UTF-8 by the time a node sees it, which garbles
 * windows-1251 text, so everything here works on the raw bytes.
 */
import { createHash, timingSafeEqual } from 'crypto';

import type { CallbackFields } from '../shared/triggers/normalise';
import { MAX_FIELDS, MalformedCallbackError, parseFlatXml, parseJsonCallbacks } from './bodies';

export type CallbackFormat = 'form' | 'json' | 'xml';
export type CallbackCharset = 'utf-8' | 'windows-1251' | 'koi8-r';
export type CharsetChoice = 'auto' | CallbackCharset;

export type FieldValue = string | string[];

/** What the decoder needs from an HTTP request; `body` is the raw bytes exactly as received. */
export interface RawCallbackRequest {
	method: string;
	/** path and query as received, e.g. `/webhook/abc/smsc?token=x&charset=utf-8` */
	url: string;
	contentType?: string;
	body?: Buffer;
}

export interface DecodedCallback {
	format: CallbackFormat;
	charset: CallbackCharset;
	/** one entry per callback in the request (SMSC sends one; a JSON array is accepted as several) */
	callbacks: CallbackFields[];
}

/** Query parameters that belong to the handler URL the user pasted, not to what SMSC reports. */
export const HANDLER_URL_PARAMS = ['token', 'charset', 'fmt'];

const FIELD_NAME = /^[A-Za-z_][\w.\-[\]]{0,63}$/;

/** Reads a query string into raw (not yet charset-decoded) name/value byte pairs. */
function splitUrlEncoded(bytes: Buffer): Array<[Buffer, Buffer]> {
	const pairs: Array<[Buffer, Buffer]> = [];
	let start = 0;
	for (let i = 0; i <= bytes.length; i++) {
		if (i < bytes.length && bytes[i] !== 0x26 /* & */) continue;
		if (i > start) {
			const part = bytes.subarray(start, i);
			const eq = part.indexOf(0x3d /* = */);
			const name = eq < 0 ? part : part.subarray(0, eq);
			const value = eq < 0 ? Buffer.alloc(0) : part.subarray(eq + 1);
			pairs.push([percentDecode(name), percentDecode(value)]);
		}
		start = i + 1;
	}
	return pairs;
}

function hexDigit(byte: number): number {
	if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
	if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
	if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
	return -1;
}

/** Percent-decodes into bytes (not text), so the charset can be applied afterwards. */
export function percentDecode(bytes: Buffer): Buffer {
	const out = Buffer.alloc(bytes.length);
	let n = 0;
	for (let i = 0; i < bytes.length; i++) {
		const byte = bytes[i];
		if (byte === 0x2b /* + */) {
			out[n++] = 0x20;
			continue;
		}
		if (byte === 0x25 /* % */ && i + 2 < bytes.length) {
			const high = hexDigit(bytes[i + 1]);
			const low = hexDigit(bytes[i + 2]);
			if (high >= 0 && low >= 0) {
				out[n++] = (high << 4) | low;
				i += 2;
				continue;
			}
		}
		out[n++] = byte;
	}
	return out.subarray(0, n);
}

export function decodeText(bytes: Buffer, charset: CallbackCharset): string {
	return new TextDecoder(charset).decode(bytes);
}

export function normaliseCharset(value: unknown): CallbackCharset | undefined {
	const text = String(value ?? '')
		.trim()
		.toLowerCase()
		.replace(/^["']|["']$/g, '');
	if (text === 'utf-8' || text === 'utf8') return 'utf-8';
	if (['windows-1251', 'cp1251', 'win-1251', 'cp-1251', 'win1251'].includes(text))
		return 'windows-1251';
	if (['koi8-r', 'koi8r', 'koi8'].includes(text)) return 'koi8-r';
	return undefined;
}

/** Parses urlencoded bytes; a name sent more than once keeps every value, in order. */
export function parseUrlEncoded(
	bytes: Buffer,
	charset: CallbackCharset,
): Record<string, FieldValue> {
	const fields: Record<string, FieldValue> = {};
	const pairs = splitUrlEncoded(bytes);
	if (pairs.length > MAX_FIELDS)
		throw new MalformedCallbackError(`Too many fields (${pairs.length})`);
	for (const [rawName, rawValue] of pairs) {
		const name = decodeText(rawName, charset);
		if (name === '' && rawValue.length === 0) continue;
		if (!FIELD_NAME.test(name)) {
			throw new MalformedCallbackError(`"${name.slice(0, 40)}" is not a field name`);
		}
		const value = decodeText(rawValue, charset);
		const previous = fields[name];
		if (previous === undefined) fields[name] = value;
		else fields[name] = Array.isArray(previous) ? [...previous, value] : [previous, value];
	}
	return fields;
}

/** The query string of a request URL, as raw ASCII bytes (percent-encoding intact). */
export function rawQuery(url: string): Buffer {
	const question = url.indexOf('?');
	if (question < 0) return Buffer.alloc(0);
	const hash = url.indexOf('#', question);
	return Buffer.from(url.slice(question + 1, hash < 0 ? undefined : hash), 'latin1');
}

/** The handler-URL parameters (`token`, `charset`, `fmt`): ASCII values, so UTF-8 is safe here. */
export function handlerParams(url: string): Record<string, string> {
	const params: Record<string, string> = {};
	for (const [name, value] of splitUrlEncoded(rawQuery(url))) {
		const key = name.toString('utf8');
		if (HANDLER_URL_PARAMS.includes(key) && params[key] === undefined)
			params[key] = value.toString('utf8');
	}
	return params;
}

function mediaType(contentType: string | undefined): { type: string; charset?: CallbackCharset } {
	const [type, ...parameters] = String(contentType ?? '').split(';');
	let charset: CallbackCharset | undefined;
	for (const parameter of parameters) {
		const [name, value] = parameter.split('=');
		if (name?.trim().toLowerCase() === 'charset') charset = normaliseCharset(value);
	}
	return { type: type.trim().toLowerCase(), charset };
}

function formatOf(type: string, fmt: string | undefined, body: Buffer): CallbackFormat {
	if (type === 'application/json' || type.endsWith('+json')) return 'json';
	if (type.endsWith('/xml') || type.endsWith('+xml')) return 'xml';
	if (type === 'application/x-www-form-urlencoded') return 'form';
	if (fmt === '3') return 'json';
	if (fmt === '2') return 'xml';
	// No declared type and no fmt: the first byte is a safe hint, since a form body never starts with these.
	const first = body.toString('latin1').trimStart()[0];
	if (first === '{' || first === '[') return 'json';
	if (first === '<') return 'xml';
	return 'form';
}

function xmlDeclaredCharset(body: Buffer): CallbackCharset | undefined {
	const head = body.subarray(0, 200).toString('latin1');
	const match = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head);
	return match ? normaliseCharset(match[1]) : undefined;
}

/**
 * Turns one HTTP request into the callbacks it carries. Throws MalformedCallbackError for anything
 * that is not a readable callback; an empty request gives no callbacks.
 */
export function decodeCallback(
	request: RawCallbackRequest,
	charsetChoice: CharsetChoice = 'auto',
): DecodedCallback {
	const params = handlerParams(request.url);
	const media = mediaType(request.contentType);
	const body = request.body ?? Buffer.alloc(0);
	const hasBody = body.some(
		(byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09,
	);

	if (!hasBody) {
		// GET (and a POST with an empty body) carries the fields in the query string, next to the handler URL's own parameters.
		const charset = pickCharset(charsetChoice, media.charset, undefined, params.charset);
		const fields = parseUrlEncoded(rawQuery(request.url), charset);
		for (const name of HANDLER_URL_PARAMS) delete fields[name];
		return { format: 'form', charset, callbacks: Object.keys(fields).length > 0 ? [fields] : [] };
	}

	const format = formatOf(media.type, params.fmt, body);
	const declared = format === 'xml' ? xmlDeclaredCharset(body) : undefined;
	const charset = pickCharset(charsetChoice, media.charset, declared, params.charset);
	if (format === 'form') {
		const fields = parseUrlEncoded(body, charset);
		return { format, charset, callbacks: Object.keys(fields).length > 0 ? [fields] : [] };
	}
	const text = decodeText(body, charset).replace(/^\uFEFF/, '');
	if (format === 'json') return { format, charset, callbacks: parseJsonCallbacks(text) };
	return { format, charset, callbacks: [parseFlatXml(text)] };
}

function pickCharset(
	choice: CharsetChoice,
	fromContentType: CallbackCharset | undefined,
	fromXml: CallbackCharset | undefined,
	fromUrl: string | undefined,
): CallbackCharset {
	if (choice !== 'auto') return choice;
	return fromContentType ?? fromXml ?? normaliseCharset(fromUrl) ?? 'windows-1251';
}

/** Constant-time token check; an empty expected token never matches, so an unset token locks the URL. */
export function tokenMatches(expected: string, received: unknown): boolean {
	if (
		typeof expected !== 'string' ||
		expected === '' ||
		typeof received !== 'string' ||
		received === ''
	)
		return false;
	// Hashing first gives equal lengths, which timingSafeEqual needs, without revealing the token's length.
	const a = createHash('sha256').update(expected, 'utf8').digest();
	const b = createHash('sha256').update(received, 'utf8').digest();
	return timingSafeEqual(a, b);
}

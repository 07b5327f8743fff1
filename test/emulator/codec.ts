/**
 * Byte-level helpers: urlencoded parsing with a chosen charset (SMSC's default is windows-1251),
 * encoding text back into windows-1251 / koi8-r (Node has decoders for them but no encoders),
 * and XML escaping.
 */
import type { HlrResult } from './state';
import { TextDecoder } from 'node:util';

export type Charset = 'utf-8' | 'windows-1251' | 'koi8-r';

/** SMSC's `charset` values → our names. Anything unknown falls back to the default windows-1251. */
export function normalizeCharset(value: string | undefined | null): Charset {
	const v = (value ?? '').trim().toLowerCase();
	if (v === 'utf-8' || v === 'utf8') return 'utf-8';
	if (v === 'koi8-r' || v === 'koi8r' || v === 'koi8') return 'koi8-r';
	return 'windows-1251';
}

const decoders = new Map<Charset, TextDecoder>();
export function decodeBytes(bytes: Uint8Array, charset: Charset): string {
	let d = decoders.get(charset);
	if (!d) {
		d = new TextDecoder(charset);
		decoders.set(charset, d);
	}
	return d.decode(bytes);
}

const encodeTables = new Map<Charset, Map<number, number>>();
function table(charset: Charset): Map<number, number> {
	let t = encodeTables.get(charset);
	if (!t) {
		t = new Map();
		const dec = new TextDecoder(charset);
		for (let b = 0x80; b <= 0xff; b++) {
			const ch = dec.decode(Uint8Array.of(b));
			if (ch !== '\ufffd') t.set(ch.codePointAt(0)!, b);
		}
		encodeTables.set(charset, t);
	}
	return t;
}

/** Encode a string into bytes of `charset`; characters the charset lacks become `?`. */
export function encodeText(text: string, charset: Charset): Buffer {
	if (charset === 'utf-8') return Buffer.from(text, 'utf8');
	const t = table(charset);
	const out: number[] = [];
	for (const ch of text) {
		const cp = ch.codePointAt(0)!;
		if (cp < 0x80) out.push(cp);
		else out.push(t.get(cp) ?? 0x3f);
	}
	return Buffer.from(out);
}

function hexVal(c: number): number {
	if (c >= 0x30 && c <= 0x39) return c - 0x30;
	if (c >= 0x41 && c <= 0x46) return c - 0x37;
	if (c >= 0x61 && c <= 0x66) return c - 0x57;
	return -1;
}

/** Percent-decode one urlencoded component into raw bytes (`+` is a space). */
export function percentDecode(bytes: Uint8Array, start = 0, end = bytes.length): Buffer {
	const out = Buffer.allocUnsafe(end - start);
	let n = 0;
	for (let i = start; i < end; i++) {
		const c = bytes[i];
		if (c === 0x2b) out[n++] = 0x20;
		else if (c === 0x25 && i + 2 < end) {
			const h = hexVal(bytes[i + 1]);
			const l = hexVal(bytes[i + 2]);
			if (h >= 0 && l >= 0) {
				out[n++] = (h << 4) | l;
				i += 2;
			} else out[n++] = c;
		} else out[n++] = c;
	}
	return out.subarray(0, n);
}

/** Split an urlencoded byte string into raw (still undecoded-charset) key/value byte pairs. */
export function splitUrlencoded(bytes: Uint8Array): Array<[Buffer, Buffer]> {
	const pairs: Array<[Buffer, Buffer]> = [];
	let start = 0;
	const len = bytes.length;
	for (let i = 0; i <= len; i++) {
		if (i === len || bytes[i] === 0x26 /* & */) {
			if (i > start) {
				let eq = -1;
				for (let j = start; j < i; j++)
					if (bytes[j] === 0x3d) {
						eq = j;
						break;
					}
				if (eq === -1) pairs.push([percentDecode(bytes, start, i), Buffer.alloc(0)]);
				else pairs.push([percentDecode(bytes, start, eq), percentDecode(bytes, eq + 1, i)]);
			}
			start = i + 1;
		}
	}
	return pairs;
}

/** Percent-encode a string for a form body in the given charset (as PHP's urlencode does). */
export function formEncode(fields: Record<string, string>, charset: Charset): string {
	const parts: string[] = [];
	for (const [k, v] of Object.entries(fields)) parts.push(`${pct(k, charset)}=${pct(v, charset)}`);
	return parts.join('&');
}

function pct(s: string, charset: Charset): string {
	const bytes = encodeText(s, charset);
	let out = '';
	for (const b of bytes) {
		if (
			(b >= 0x30 && b <= 0x39) ||
			(b >= 0x41 && b <= 0x5a) ||
			(b >= 0x61 && b <= 0x7a) ||
			b === 0x2d ||
			b === 0x2e ||
			b === 0x5f
		)
			out += String.fromCharCode(b);
		else if (b === 0x20) out += '+';
		else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
	}
	return out;
}

export function xmlEscape(s: unknown): string {
	return String(s ?? '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** Render a flat-ish value as XML elements (arrays repeat `itemTag`). */
export function toXml(value: unknown, tag: string, itemTag = 'item'): string {
	if (Array.isArray(value)) {
		return `<${tag}>\n${value.map((v) => toXml(v, itemTag)).join('')}</${tag}>\n`;
	}
	if (value !== null && typeof value === 'object') {
		const inner = Object.entries(value as Record<string, unknown>)
			.map(([k, v]) =>
				Array.isArray(v)
					? toXml(v, k, k === 'all_phones' || k === 'phones' ? 'phone' : 'item')
					: toXml(v, k),
			)
			.join('');
		return `<${tag}>\n${inner}</${tag}>\n`;
	}
	return `<${tag}>${xmlEscape(value)}</${tag}>\n`;
}

/** PHP's urlencode (space → "+") over UTF-8. */
export function urlencode(s: string): string {
	return encodeURIComponent(s)
		.replace(/[!'()*~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
		.replace(/%20/g, '+');
}

/**
 * HLR fields as SMSC reports them: "string data, e.g. country and operator, are urlencoded" (SMPP
 * page, "Отправка HLR-запроса"). That the HTTP status and callback carry the same encoding is a
 * guess the node must survive either way.
 */
export function hlrFields(h: HlrResult): Record<string, string> {
	return {
		...h,
		cn: urlencode(h.cn),
		net: urlencode(h.net),
		rcn: urlencode(h.rcn),
		rnet: urlencode(h.rnet),
	};
}

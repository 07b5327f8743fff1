/**
 * Request parameters as SMSC sees them: query string and body merged (body wins), decoded with
 * the request's `charset` (windows-1251 by default). Bodies: urlencoded form, JSON (flat object)
 * or multipart/form-data (text fields, and file parts kept in `files`). JSON booleans become
 * "1" / "0", numbers their decimal text, arrays comma lists.
 */
import { decodeBytes, normalizeCharset, splitUrlencoded, type Charset } from './codec';

/** A file part of a multipart body (MMS, e-mail and voice attachments: "files are passed in the body"). */
export interface UploadedFile {
	field: string;
	filename: string;
	contentType: string;
	bytes: Buffer;
}

export interface ParsedParams {
	params: Record<string, string>;
	files: UploadedFile[];
	charset: Charset;
	bodyKind: 'none' | 'form' | 'json' | 'multipart' | 'invalid';
	/** each parameter's bytes before any charset decoding (`bin=1` sends bytes, not text) */
	raw: Record<string, Buffer>;
}

function findCharset(pairs: Array<[Buffer, Buffer]>): string | undefined {
	for (const [k, v] of pairs) if (k.toString('latin1') === 'charset') return v.toString('latin1');
	return undefined;
}

function jsonValue(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'string') return v;
	if (typeof v === 'boolean') return v ? '1' : '0';
	if (typeof v === 'number') return String(v);
	if (Array.isArray(v)) return v.map(jsonValue).join(',');
	return JSON.stringify(v);
}

function parseMultipart(
	body: Buffer,
	boundary: string,
	files: UploadedFile[],
): Array<[string, Buffer]> {
	const out: Array<[string, Buffer]> = [];
	const delim = Buffer.from(`--${boundary}`);
	let pos = body.indexOf(delim);
	while (pos !== -1) {
		const start = pos + delim.length;
		if (body.slice(start, start + 2).toString() === '--') break;
		const next = body.indexOf(delim, start);
		if (next === -1) break;
		const part = body.subarray(start + 2, next - 2); // skip CRLF after delimiter and before next
		const sep = part.indexOf('\r\n\r\n');
		if (sep !== -1) {
			const head = part.subarray(0, sep).toString('latin1');
			const name = /name="([^"]*)"/i.exec(head)?.[1];
			const filename = /filename="([^"]*)"/i.exec(head)?.[1];
			const contentType =
				/^content-type:\s*([^\r\n;]+)/im.exec(head)?.[1]?.trim() ?? 'application/octet-stream';
			if (name !== undefined && filename !== undefined) {
				files.push({
					field: name,
					filename,
					contentType,
					bytes: Buffer.from(part.subarray(sep + 4)),
				});
				out.push([`file:${name}`, Buffer.from(filename)]);
			} else if (name !== undefined) out.push([name, part.subarray(sep + 4)]);
		}
		pos = next;
	}
	return out;
}

export function parseParams(
	rawQuery: string,
	body: Buffer,
	contentType: string | undefined,
): ParsedParams {
	const qPairs = splitUrlencoded(Buffer.from(rawQuery, 'latin1'));
	const ct = (contentType ?? '').toLowerCase();
	let bodyKind: ParsedParams['bodyKind'] = 'none';
	let bPairs: Array<[Buffer, Buffer]> = [];
	let json: Record<string, unknown> | null = null;
	let multipart: Array<[string, Buffer]> | null = null;
	const files: UploadedFile[] = [];
	const trimmed =
		body.length > 0 ? body.toString('utf8', 0, Math.min(body.length, 64)).trimStart() : '';
	if (body.length === 0) bodyKind = 'none';
	else if (
		ct.includes('application/json') ||
		(!ct.includes('urlencoded') && !ct.includes('multipart') && trimmed.startsWith('{'))
	) {
		try {
			const v = JSON.parse(body.toString('utf8'));
			if (v === null || typeof v !== 'object' || Array.isArray(v)) bodyKind = 'invalid';
			else {
				json = v as Record<string, unknown>;
				bodyKind = 'json';
			}
		} catch {
			bodyKind = 'invalid';
		}
	} else if (ct.includes('multipart/form-data')) {
		const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType ?? '')?.[2];
		multipart = boundary ? parseMultipart(body, boundary, files) : [];
		bodyKind = 'multipart';
	} else {
		bPairs = splitUrlencoded(body);
		bodyKind = 'form';
	}

	const charsetRaw =
		(json && typeof json.charset === 'string' ? (json.charset as string) : undefined) ??
		findCharset(bPairs) ??
		multipart?.find(([k]) => k === 'charset')?.[1].toString('latin1') ??
		findCharset(qPairs);
	const charset = normalizeCharset(charsetRaw);
	const params: Record<string, string> = {};
	const raw: Record<string, Buffer> = {};
	for (const [k, v] of [
		...qPairs,
		...bPairs,
		...(multipart ?? []).map(([name, bytes]): [Buffer, Buffer] => [Buffer.from(name), bytes]),
	]) {
		params[decodeBytes(k, charset)] = decodeBytes(v, charset);
		raw[decodeBytes(k, charset)] = v;
	}
	if (json)
		for (const [k, v] of Object.entries(json))
			((params[k] = jsonValue(v)), (raw[k] = Buffer.from(params[k])));
	return { params, files, charset, bodyKind, raw };
}

import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

/**
 * A multipart/form-data body, written here as a Buffer: SMSC takes the files of an MMS, an e-mail or
 * a voice call "in the body of the http request" by POST (SMSC page "Відправка SMS-повідомлення",
 * `mms`, `mail`, `call`), and the node may import nothing but n8n-workflow.
 */

/** One file part. */
export interface FormFile {
	field: string;
	fileName: string;
	contentType: string;
	bytes: Buffer;
}

const CRLF = '\r\n';

/** Quotes and line breaks would end the header value early; the name is only a label for SMSC. */
function headerValue(text: string): string {
	return text.replace(/[\r\n]/g, ' ').replace(/"/g, '%22');
}

function partHead(boundary: string, field: string, file?: FormFile): Buffer {
	const disposition = `Content-Disposition: form-data; name="${headerValue(field)}"${file ? `; filename="${headerValue(file.fileName)}"` : ''}`;
	const type = file ? `${CRLF}Content-Type: ${headerValue(file.contentType)}` : '';
	return Buffer.from(`--${boundary}${CRLF}${disposition}${type}${CRLF}${CRLF}`, 'utf8');
}

/** A boundary that occurs in none of the values (a file may hold any bytes). */
function freeBoundary(values: Buffer[]): string {
	for (let attempt = 0; ; attempt++) {
		const boundary = `----SmscFormBoundary${Date.now().toString(36)}${Math.random().toString(36).slice(2)}${attempt}`;
		if (!values.some((value) => value.includes(boundary))) return boundary;
	}
}

/** The body and its Content-Type header: text fields as UTF-8 (or bytes as they are), then the files. */
export function multipartBody(
	fields: Record<string, string | Buffer>,
	files: FormFile[],
): { body: Buffer; contentType: string } {
	const values = Object.entries(fields).map(([field, value]): [string, Buffer] => [
		field,
		Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8'),
	]);
	const boundary = freeBoundary([
		...values.map(([, value]) => value),
		...files.map((file) => file.bytes),
	]);
	const chunks: Buffer[] = [];
	for (const [field, value] of values)
		chunks.push(partHead(boundary, field), value, Buffer.from(CRLF));
	for (const file of files)
		chunks.push(partHead(boundary, file.field, file), file.bytes, Buffer.from(CRLF));
	chunks.push(Buffer.from(`--${boundary}--${CRLF}`));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** What a request carries besides its text parameters. */
export interface BodyParts {
	/**
	 * Parameters that are bytes, not text (send.php `mes` with bin=1, "urlencoded"): the form is then
	 * written here, each byte percent-encoded, since n8n would encode every value as UTF-8.
	 */
	bytes?: Record<string, Buffer>;
	/** Files sent with the request: the body is then multipart/form-data, written here. */
	files?: FormFile[];
}

const FORM = 'application/x-www-form-urlencoded';

/**
 * The form as n8n sends it (an object the credential adds the secrets to); when some values are
 * bytes, the urlencoded text written here; with files, a multipart body written here. The
 * credential adds the secrets to the text or the multipart body as well, never to the URL.
 */
export function requestBody(
	fields: IDataObject,
	options: BodyParts,
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

/**
 * The request with the credential's secrets added to the body this file wrote, never to the URL: as
 * parts of their own at the start of a multipart body (found by the boundary its Content-Type
 * names), at the end of a urlencoded text, or as fields of the form n8n encodes itself.
 */
export function withSecrets(
	request: IHttpRequestOptions,
	secrets: Record<string, string>,
): IHttpRequestOptions {
	const boundary = /boundary=([^;]+)/.exec(String(request.headers?.['Content-Type'] ?? ''))?.[1];
	if (Buffer.isBuffer(request.body) && boundary !== undefined) {
		const parts = Object.entries(secrets).map(([field, value]) =>
			Buffer.concat([partHead(boundary, field), Buffer.from(`${value}${CRLF}`, 'utf8')]),
		);
		return { ...request, body: Buffer.concat([...parts, request.body]) };
	}
	if (typeof request.body === 'string') {
		return { ...request, body: `${request.body}&${new URLSearchParams(secrets).toString()}` };
	}
	return { ...request, body: { ...((request.body ?? {}) as IDataObject), ...secrets } };
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

/**
 * Callbacks to the client's handler URL, the way SMSC calls them: POST (or GET) with form fields
 * by default, JSON when the handler URL has `fmt=3`, XML when it has `fmt=2`; windows-1251 unless
 * the handler URL has `charset=utf-8`. Retries with exponential backoff when the handler does not
 * answer 200. Bounded concurrency; a ring-buffer log of every callback made.
 */
import http from 'node:http';
import https from 'node:https';
import { encodeText, formEncode, normalizeCharset, xmlEscape, type Charset } from './codec';

export type CallbackKind = 'status' | 'incoming' | 'hlr' | 'waitcall' | 'forged' | 'load';
export type CallbackFormat = 'form' | 'json' | 'xml';

export interface CallbackPolicy {
	/** retries after the first attempt when the handler does not answer 200 (default 3) */
	retries: number;
	/** first retry delay in ms, doubled each retry (default 100) */
	backoffMs: number;
	/** callbacks in flight at once for the automatic queue (default 16) */
	concurrency: number;
	/** per-attempt timeout in ms (default 5000) */
	timeoutMs: number;
}

export const DEFAULT_CALLBACK_POLICY: CallbackPolicy = {
	retries: 3,
	backoffMs: 100,
	concurrency: 16,
	timeoutMs: 5000,
};

export interface CallbackRecord {
	seq: number;
	kind: CallbackKind;
	login: string | null;
	url: string;
	method: 'GET' | 'POST';
	format: CallbackFormat;
	charset: Charset;
	fields: Record<string, string>;
	attempts: number;
	/** last HTTP status from the handler (0 = no answer) */
	status: number;
	ok: boolean;
	error?: string;
	responseBody?: string;
	queuedAt: number;
	finishedAt?: number;
}

export interface DeliverOptions {
	method?: 'GET' | 'POST';
	/** override the format / charset the URL would choose */
	format?: CallbackFormat;
	charset?: string;
	/** extra request headers */
	headers?: Record<string, string>;
	/** send this body verbatim instead of encoding `fields` */
	rawBody?: string;
	retries?: number;
	login?: string | null;
}

/** How a handler URL asks to be called: its `fmt` and `charset` query parameters. */
export function handlerEncoding(url: string): { format: CallbackFormat; charset: Charset } {
	let u: URL;
	try {
		u = new URL(url);
	} catch {
		return { format: 'form', charset: 'windows-1251' };
	}
	const fmt = u.searchParams.get('fmt');
	return {
		format: fmt === '3' ? 'json' : fmt === '2' ? 'xml' : 'form',
		charset: normalizeCharset(u.searchParams.get('charset')),
	};
}

export function encodeCallback(
	fields: Record<string, string>,
	format: CallbackFormat,
	charset: Charset,
): { body: Buffer; contentType: string } {
	if (format === 'json') {
		return {
			body: encodeText(JSON.stringify(fields), charset),
			contentType: `application/json; charset=${charset}`,
		};
	}
	if (format === 'xml') {
		const inner = Object.entries(fields)
			.map(([k, v]) => `<${k}>${xmlEscape(v)}</${k}>\n`)
			.join('');
		const xml = `<?xml version="1.0" encoding="${charset}"?>\n<data>\n${inner}</data>\n`;
		return { body: encodeText(xml, charset), contentType: `application/xml; charset=${charset}` };
	}
	return {
		body: Buffer.from(formEncode(fields, charset), 'latin1'),
		contentType: 'application/x-www-form-urlencoded',
	};
}

export class CallbackSender {
	policy: CallbackPolicy;
	okCount = 0;
	failedCount = 0;
	private seq = 0;
	private log: CallbackRecord[] = [];
	private logCap: number;
	private queue: Array<() => Promise<void>> = [];
	private active = 0;
	private idleWaiters: Array<() => void> = [];
	private httpAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
	private httpsAgent = new https.Agent({
		keepAlive: true,
		maxSockets: 64,
		rejectUnauthorized: false,
	});
	private timers = new Set<NodeJS.Timeout>();
	private closed = false;

	constructor(policy: Partial<CallbackPolicy> = {}, logCap = 10_000) {
		this.policy = { ...DEFAULT_CALLBACK_POLICY, ...policy };
		this.logCap = logCap;
	}

	/** Queue a callback (bounded by policy.concurrency); the promise settles when it is done. */
	enqueue(
		kind: CallbackKind,
		url: string,
		fields: Record<string, string>,
		opts: DeliverOptions = {},
	): Promise<CallbackRecord> {
		return new Promise((resolve) => {
			this.queue.push(() => this.deliver(kind, url, fields, opts).then(resolve));
			this.pump();
		});
	}

	/** Deliver one callback now (with retries), outside the queue. */
	async deliver(
		kind: CallbackKind,
		url: string,
		rawFields: Record<string, unknown>,
		opts: DeliverOptions = {},
	): Promise<CallbackRecord> {
		// values may arrive as numbers/booleans through the JSON control API
		const fields: Record<string, string> = {};
		for (const [k, v] of Object.entries(rawFields ?? {}))
			fields[k] = v === null || v === undefined ? '' : String(v);
		const enc = handlerEncoding(url);
		const format = opts.format ?? enc.format;
		const charset = opts.charset ? normalizeCharset(opts.charset) : enc.charset;
		const method = opts.method ?? 'POST';
		const rec: CallbackRecord = {
			seq: ++this.seq,
			kind,
			login: opts.login ?? null,
			url,
			method,
			format,
			charset,
			fields: { ...fields },
			attempts: 0,
			status: 0,
			ok: false,
			queuedAt: Date.now(),
		};
		this.log.push(rec);
		if (this.log.length > this.logCap) this.log.splice(0, this.log.length - this.logCap);

		let target = url;
		let body: Buffer | undefined;
		let contentType: string | undefined;
		if (opts.rawBody !== undefined) {
			body = Buffer.from(opts.rawBody, 'utf8');
			contentType = opts.headers?.['content-type'];
		} else if (method === 'GET') {
			const qs = formEncode(fields, charset);
			target = url + (qs ? (url.includes('?') ? '&' : '?') + qs : '');
		} else {
			({ body, contentType } = encodeCallback(fields, format, charset));
		}
		const retries = opts.retries ?? this.policy.retries;
		for (let attempt = 0; attempt <= retries && !this.closed; attempt++) {
			if (attempt > 0) await this.sleep(this.policy.backoffMs * 2 ** (attempt - 1));
			rec.attempts++;
			try {
				const res = await this.request(target, method, body, contentType, opts.headers);
				rec.status = res.status;
				rec.responseBody = res.body.slice(0, 2000);
				rec.error = undefined;
				if (res.status === 200) {
					rec.ok = true;
					break;
				}
			} catch (err) {
				rec.status = 0;
				rec.error = (err as Error).message;
			}
		}
		rec.finishedAt = Date.now();
		if (rec.ok) this.okCount++;
		else this.failedCount++;
		return rec;
	}

	getLog(opts: { since?: number; kind?: string; limit?: number } = {}): CallbackRecord[] {
		let out = this.log;
		if (opts.since !== undefined) out = out.filter((r) => r.seq > opts.since!);
		if (opts.kind) out = out.filter((r) => r.kind === opts.kind);
		if (opts.limit !== undefined) out = out.slice(-opts.limit);
		return out;
	}

	resetLog(): void {
		this.log = [];
	}

	/** Resolves when no queued or running callback remains. */
	idle(): Promise<void> {
		if (this.active === 0 && this.queue.length === 0) return Promise.resolve();
		return new Promise((r) => this.idleWaiters.push(r));
	}

	pendingCount(): number {
		return this.active + this.queue.length;
	}

	close(): void {
		this.closed = true;
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		this.queue = [];
		this.httpAgent.destroy();
		this.httpsAgent.destroy();
		for (const w of this.idleWaiters.splice(0)) w();
	}

	private pump(): void {
		while (this.active < this.policy.concurrency && this.queue.length > 0) {
			const job = this.queue.shift()!;
			this.active++;
			job()
				.catch(() => undefined)
				.finally(() => {
					this.active--;
					this.pump();
					if (this.active === 0 && this.queue.length === 0)
						for (const w of this.idleWaiters.splice(0)) w();
				});
		}
	}

	private sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const t = setTimeout(() => {
				this.timers.delete(t);
				resolve();
			}, ms);
			this.timers.add(t);
		});
	}

	private request(
		url: string,
		method: string,
		body: Buffer | undefined,
		contentType: string | undefined,
		headers: Record<string, string> | undefined,
	): Promise<{ status: number; body: string }> {
		return new Promise((resolve, reject) => {
			let u: URL;
			try {
				u = new URL(url);
			} catch (e) {
				reject(e);
				return;
			}
			const mod = u.protocol === 'https:' ? https : http;
			const h: Record<string, string | number> = {
				'user-agent': 'SMSC-emulator',
				...(headers ?? {}),
			};
			if (body) {
				if (contentType) h['content-type'] = contentType;
				h['content-length'] = body.length;
			}
			const req = mod.request(
				u,
				{
					method,
					headers: h,
					agent: u.protocol === 'https:' ? this.httpsAgent : this.httpAgent,
					timeout: this.policy.timeoutMs,
				},
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () =>
						resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
					);
					res.on('error', reject);
				},
			);
			req.on('timeout', () => req.destroy(new Error('callback timeout')));
			req.on('error', reject);
			req.end(body);
		});
	}
}

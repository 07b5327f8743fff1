/**
 * The HTTP front: routing, body parsing, charset, fmt rendering, and the load behaviour of the
 * real service — per-login concurrency cap (error 9 "too many concurrent requests"), duplicate
 * limits (error 9 "duplicate request, wait a minute"), injected latency and failures.
 */
import http from 'node:http';
import { encodeText } from './codec';
import { handleControl } from './control';
import type { Emulator, FailureRule } from './emulator';
import { parseParams } from './params';
import {
	ApiError,
	apiError,
	renderError,
	renderReply,
	TOO_MANY_CONCURRENT,
	type Reply,
} from './reply';
import { balance } from './scripts/balance';
import type { Ctx, ScriptHandler } from './scripts/context';
import { get } from './scripts/get';
import { mails, phones } from './scripts/phones';
import { send } from './scripts/send';
import { senders } from './scripts/senders';
import { status } from './scripts/status';
import { waitCall } from './scripts/wait_call';

export const SCRIPTS: Record<string, ScriptHandler> = {
	send,
	status,
	balance,
	phones,
	mails,
	senders,
	wait_call: waitCall,
	get,
};

const MAX_BODY = 20 * 1024 * 1024;

function route(pathname: string): string | null {
	const m = /^\/sys\/([a-z_]+)\.php$/.exec(pathname);
	if (m) return SCRIPTS[m[1]] ? m[1] : null;
	if (pathname === '/rest/send' || pathname === '/rest/send/') return 'send';
	return null;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (c: Buffer) => {
			size += c.length;
			if (size > MAX_BODY) {
				reject(new Error('body too large'));
				req.destroy();
				return;
			}
			chunks.push(c);
		});
		req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Which duplicate limit applies to a request, if any. */
function dupCategory(
	script: string,
	p: Record<string, string>,
): 'send' | 'cost' | 'phones' | 'wait_call' | 'balance' | null {
	if (script === 'send') return p.cost === '1' ? 'cost' : 'send';
	// mails.php is phones.php for e-mail addresses, limits included
	if (script === 'mails') return 'phones';
	if (script === 'phones' || script === 'wait_call' || script === 'balance') return script;
	return null;
}

function dupKey(script: string, login: string, p: Record<string, string>): string {
	const keys = Object.keys(p).sort();
	let s = `${script}\u0001${login}`;
	for (const k of keys) s += `\u0001${k}=${p[k]}`;
	return s;
}

export function createServer(emu: Emulator): http.Server {
	const server = http.createServer(
		{ keepAlive: true, noDelay: true } as http.ServerOptions,
		(req, res) => {
			handle(emu, req, res).catch((err) => {
				if (!res.headersSent) {
					res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
					res.end(`emulator error: ${(err as Error).message}`);
				} else res.destroy();
			});
		},
	);
	server.keepAliveTimeout = 65_000;
	server.headersTimeout = 66_000;
	server.requestTimeout = 0;
	server.on('connection', (socket) => {
		emu.stats.openConnections++;
		if (emu.stats.openConnections > emu.stats.maxConnections)
			emu.stats.maxConnections = emu.stats.openConnections;
		socket.on('close', () => emu.stats.openConnections--);
	});
	return server;
}

async function handle(
	emu: Emulator,
	req: http.IncomingMessage,
	res: http.ServerResponse,
): Promise<void> {
	const rawUrl = req.url ?? '/';
	const qi = rawUrl.indexOf('?');
	const pathname = qi === -1 ? rawUrl : rawUrl.slice(0, qi);
	const rawQuery = qi === -1 ? '' : rawUrl.slice(qi + 1);
	const body = await readBody(req);

	if (pathname.startsWith('/__emulator')) {
		await handleControl(emu, req, res, pathname, rawQuery, body);
		return;
	}
	const script = route(pathname);
	if (!script) {
		res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
		res.end('<html><body><h1>404 Not Found</h1></body></html>');
		return;
	}

	const startedAt = Date.now();
	const { params, files, charset, bodyKind, raw } = parseParams(
		rawQuery,
		body,
		req.headers['content-type'],
	);
	const isRest = pathname.startsWith('/rest/');
	const fmtRaw = params.fmt ?? (isRest ? '3' : '0');
	const fmt = ['0', '1', '2', '3'].includes(fmtRaw) ? Number(fmtRaw) : 0;
	emu.stats.requests++;
	emu.stats.byScript[script] = (emu.stats.byScript[script] ?? 0) + 1;

	const loginKey = emu.loginKeyOf(params);
	let failure: FailureRule | undefined;
	let httpStatus = 200;
	let errorCode: number | null = null;
	let out = '';

	const finishLog = () =>
		emu.addLog({
			script,
			method: req.method ?? 'GET',
			path: pathname,
			login: loginKey || null,
			params,
			httpStatus,
			response: out.length > 4000 ? out.slice(0, 4000) + '…' : out,
			errorCode,
			failure: failure?.mode ?? null,
			startedAt,
			finishedAt: Date.now(),
			durationMs: Date.now() - startedAt,
			emulatorTime: emu.clock.now(),
		});

	const respond = (text: string, contentType?: string) => {
		out = text;
		const ct =
			contentType ?? (fmt === 3 ? 'application/json' : fmt === 2 ? 'text/xml' : 'text/plain');
		const buf = encodeText(text, charset);
		res.writeHead(httpStatus, {
			'content-type': `${ct}; charset=${charset}`,
			'content-length': buf.length,
		});
		res.end(buf);
		finishLog();
	};

	// per-login concurrency cap
	const inFlightLogin = emu.inFlightByLogin.get(loginKey) ?? 0;
	if (inFlightLogin >= emu.maxConcurrent) {
		emu.stats.error9++;
		emu.stats.error9Concurrent++;
		errorCode = 9;
		respond(renderError(new ApiError(9, TOO_MANY_CONCURRENT), fmt));
		return;
	}
	emu.inFlightByLogin.set(loginKey, inFlightLogin + 1);
	emu.stats.inFlight++;
	if (emu.stats.inFlight > emu.stats.maxInFlight) emu.stats.maxInFlight = emu.stats.inFlight;
	if (inFlightLogin + 1 > emu.stats.maxInFlightPerLogin)
		emu.stats.maxInFlightPerLogin = inFlightLogin + 1;
	try {
		failure = emu.takeFailure(script);
		if (failure) {
			if (failure.mode === 'drop') {
				httpStatus = 0;
				out = '(socket destroyed)';
				req.socket.destroy();
				finishLog();
				return;
			}
			if (failure.mode === '5xx') {
				httpStatus = failure.status ?? 500;
				respond(
					httpStatus === 503 ? 'Service Temporarily Unavailable' : 'Internal Server Error',
					'text/plain',
				);
				return;
			}
			if (failure.mode === 'html') {
				httpStatus = failure.status ?? 502;
				respond(
					'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
					'text/html',
				);
				return;
			}
			if (failure.mode === 'echo') {
				// an error page that quotes the request it got, as some proxies' pages do: the form
				// body holds the password and everything sent, so a client must not pass it on
				httpStatus = failure.status ?? 502;
				respond(`<html><body><pre>${body.toString('utf8')}</pre></body></html>`, 'text/html');
				return;
			}
			if (failure.mode === 'garbage') {
				// a proxy or a broken answer that claims to be JSON; the request may have been carried out
				httpStatus = failure.status ?? 200;
				respond(failure.body ?? '{"id":12,"cn', 'application/json');
				return;
			}
			if (failure.mode === 'slow') await sleep(failure.ms ?? 1000);
		}
		const latency = emu.latencyMs + (emu.scriptLatency[script] ?? 0);
		if (latency > 0) await sleep(latency);
		if (res.destroyed || req.socket.destroyed) {
			httpStatus = 0;
			out = '(client went away)';
			finishLog();
			return;
		}

		let reply: Reply | null = null;
		// the identical-request key once the request is authenticated and not itself refused as a duplicate
		let counted = '';
		const now = emu.clock.now();
		try {
			if (bodyKind === 'invalid') throw apiError(script, 1);
			const acc = emu.authenticate(params);
			if (!acc) throw apiError(script, 2);
			const cat = emu.duplicateLimits ? dupCategory(script, params) : null;
			if (cat && emu.duplicateLimits) {
				const key = dupKey(script, acc.login, params);
				if (emu.dup.count(key, now) >= emu.duplicateLimits[cat]) {
					emu.stats.error9++;
					emu.stats.error9Duplicate++;
					throw apiError(script, 9);
				}
				counted = key;
			}
			const ctx: Ctx = { emu, acc, p: params, raw, files, now, fmt, script };
			reply = await SCRIPTS[script](ctx);
		} catch (e) {
			if (!(e instanceof ApiError)) throw e;
			errorCode = e.code;
			respond(renderError(e, fmt));
			return;
		} finally {
			// SMSC limits identical *requests* (Управление контактами, Відправка SMS-повідомлення,
			// Подтверждение номера телефона с помощью звонка): a failed one counts as well.
			if (counted) emu.dup.record(counted, now);
		}
		respond(renderReply(reply, fmt));
	} finally {
		emu.stats.inFlight--;
		const n = (emu.inFlightByLogin.get(loginKey) ?? 1) - 1;
		if (n <= 0) emu.inFlightByLogin.delete(loginKey);
		else emu.inFlightByLogin.set(loginKey, n);
	}
}

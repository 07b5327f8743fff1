/** Test helpers for the emulator's own tests (not a test file). */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TextDecoder } from 'node:util';
import { startEmulator, type RunningEmulator } from './index';
import type { EmulatorOptions } from './emulator';
import { useEmulator as useTestEmulator } from '../support/emulator';

export const DEMO = { login: 'demo', psw: 'demo-password' };

export interface Answer {
	status: number;
	headers: Headers;
	text: string;
	bytes: Buffer;
	json: any;
}

export async function start(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
	return startEmulator({ manualClock: true, ...opts });
}

/**
 * The emulator an emulator test talks to: the demo account and a manual clock, fresh for each
 * test, or one for the whole file with `perFile` (test/support/emulator.ts).
 */
export function useEmulator(opts: EmulatorOptions = {}, { perFile = false } = {}): RunningEmulator {
	return useTestEmulator({ manualClock: true, ...opts }, { perTest: !perFile });
}

function decode(bytes: Buffer, contentType: string | null): string {
	const cs = /charset=([^;]+)/i.exec(contentType ?? '')?.[1]?.trim() ?? 'utf-8';
	return new TextDecoder(cs).decode(bytes);
}

/** Call an SMSC script. `params` go to the query string for GET, to a form body for POST. */
export async function call(
	emu: RunningEmulator,
	script: string,
	params: Record<string, string | number>,
	opts: { method?: 'GET' | 'POST'; auth?: boolean; path?: string } = {},
): Promise<Answer> {
	const p: Record<string, string> = {};
	if (opts.auth !== false) Object.assign(p, DEMO);
	for (const [k, v] of Object.entries(params)) p[k] = String(v);
	const qs = new URLSearchParams(p).toString();
	const path = opts.path ?? `/sys/${script}.php`;
	const res =
		opts.method === 'POST'
			? await fetch(emu.url + path, {
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body: qs,
				})
			: await fetch(`${emu.url}${path}?${qs}`);
	return answer(res);
}

/** Fetch a raw URL path (already encoded) on the emulator. */
export async function raw(
	emu: RunningEmulator,
	pathAndQuery: string,
	init?: RequestInit,
): Promise<Answer> {
	return answer(await fetch(emu.url + pathAndQuery, init));
}

async function answer(res: Response): Promise<Answer> {
	const bytes = Buffer.from(await res.arrayBuffer());
	const text = decode(bytes, res.headers.get('content-type'));
	let json: any;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, bytes, json };
}

export interface Received {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
}

/** A tiny handler server recording what it receives; answers `reply()` (default 200 "OK"). */
export async function handlerServer(
	reply: (n: number, r: Received) => number = () => 200,
): Promise<{
	url: string;
	received: Received[];
	waitFor: (n: number, ms?: number) => Promise<Received[]>;
	close: () => Promise<void>;
}> {
	const received: Received[] = [];
	let waiters: Array<() => void> = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const r = {
				method: req.method ?? '',
				url: req.url ?? '',
				headers: req.headers,
				body: Buffer.concat(chunks),
			};
			received.push(r);
			const status = reply(received.length, r);
			res.writeHead(status, { 'content-type': 'text/plain' });
			res.end(status === 200 ? 'OK' : 'NO');
			for (const w of waiters) w();
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url,
		received,
		waitFor: (n, ms = 5000) =>
			new Promise((resolve, reject) => {
				const check = () => {
					if (received.length >= n) {
						waiters = waiters.filter((w) => w !== check);
						clearTimeout(timer);
						resolve(received);
					}
				};
				const timer = setTimeout(
					() => reject(new Error(`handler got ${received.length} of ${n} callbacks`)),
					ms,
				);
				waiters.push(check);
				check();
			}),
		close: () =>
			new Promise<void>((r) => {
				server.close(() => r());
				server.closeAllConnections();
			}),
	};
}

/**
 * HTTP control API under /__emulator/ (the real SMSC has no such path). Every public control
 * method of the Emulator is callable as `POST /__emulator/<method>` with a JSON body (its one
 * argument) and answers `200 {"result": <return value>}` or `400 {"error": "..."}`. Read-only
 * methods also answer GET with the arguments in the query string.
 */
import type http from 'node:http';
import type { Emulator } from './emulator';

export const CONTROL_METHODS = [
	'createAccount',
	'updateAccount',
	'getAccount',
	'listAccounts',
	'deleteAccount',
	'setBalance',
	'setPrices',
	'setHandlerUrl',
	'setPhoneOutcome',
	'setPhoneOutcomes',
	'setHlrResult',
	'getMessages',
	'getIncoming',
	'getSenderCode',
	'setSenderStatus',
	'injectIncoming',
	'completeWaitCall',
	'getWaitCalls',
	'now',
	'advanceClock',
	'setManualClock',
	'setDeliveryDelays',
	'setLatency',
	'failNext',
	'clearFailures',
	'setLimits',
	'resetLimits',
	'getLog',
	'resetLog',
	'getStats',
	'resetStats',
	'getCallbacks',
	'resetCallbacks',
	'waitForCallbacks',
	'setCallbackPolicy',
	'fireCallbacks',
	'forgeCallback',
	'reset',
] as const;

const READ_ONLY = new Set([
	'getAccount',
	'listAccounts',
	'getMessages',
	'getIncoming',
	'getSenderCode',
	'getWaitCalls',
	'now',
	'getLog',
	'getStats',
	'getCallbacks',
	'waitForCallbacks',
]);
const NUMERIC_QUERY = new Set(['since', 'limit', 'ms', 'count']);

function send(res: http.ServerResponse, status: number, body: unknown): void {
	const buf = Buffer.from(JSON.stringify(body), 'utf8');
	res.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': buf.length,
	});
	res.end(buf);
}

export async function handleControl(
	emu: Emulator,
	req: http.IncomingMessage,
	res: http.ServerResponse,
	pathname: string,
	rawQuery: string,
	body: Buffer,
): Promise<void> {
	const name = pathname.replace(/^\/__emulator\/?/, '').replace(/\/$/, '');
	if (name === '' || name === 'health') {
		send(res, 200, { result: { ok: true, url: emu.url, methods: CONTROL_METHODS } });
		return;
	}
	if (!(CONTROL_METHODS as readonly string[]).includes(name)) {
		send(res, 404, { error: `unknown control method ${name}` });
		return;
	}
	let arg: Record<string, unknown> = {};
	if (req.method === 'GET') {
		if (!READ_ONLY.has(name)) {
			send(res, 405, { error: `${name} needs POST` });
			return;
		}
		for (const [k, v] of new URLSearchParams(rawQuery))
			arg[k] = NUMERIC_QUERY.has(k) && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
	} else if (body.length > 0) {
		try {
			const parsed = JSON.parse(body.toString('utf8'));
			if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) arg = parsed;
			else throw new Error('body must be a JSON object');
		} catch (e) {
			send(res, 400, { error: `bad JSON body: ${(e as Error).message}` });
			return;
		}
	}
	try {
		const fn = (emu as unknown as Record<string, (a: unknown) => unknown>)[name];
		const result = await fn.call(emu, arg);
		send(res, 200, { result: result ?? null });
	} catch (e) {
		send(res, 400, { error: (e as Error).message });
	}
}

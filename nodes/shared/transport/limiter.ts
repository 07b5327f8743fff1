/**
 * SMSC refuses a fifteenth request in flight under one login, from any number of connections
 * (error 9 "too many concurrent requests", SMSC's API pages "Интеграция с сервисом (API)"). The
 * refusal comes before SMSC does anything, so the request can be sent again safely.
 *
 * One limiter per login is shared by everything this n8n process sends under it (all executions
 * of a worker), so one process never exceeds 14 by itself. Several processes (queue-mode workers)
 * cannot see each other; each lowers its own limit on every refusal and raises it by one after a
 * run of answers without one (additive increase, decrease on refusal), so together they settle
 * under SMSC's limit instead of all retrying at full width until they give up.
 */
import { MAX_CONCURRENCY } from '../smsc/rules';

/** Refused requests are sent again after a random pause that grows with each refusal. */
export const MAX_BUSY_RETRIES = 12;
const BUSY_BASE_MS = 250;
const BUSY_CAP_MS = 8_000;

interface Limiter {
	limit: number;
	inFlight: number;
	/** answers in a row without a refusal since the limit last changed */
	calm: number;
	waiting: Array<() => void>;
}

const limiters = new Map<string, Limiter>();

function limiterFor(key: string): Limiter {
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = { limit: MAX_CONCURRENCY, inFlight: 0, calm: 0, waiting: [] };
		limiters.set(key, limiter);
	}
	return limiter;
}

function wake(limiter: Limiter): void {
	while (limiter.inFlight < limiter.limit && limiter.waiting.length > 0) {
		limiter.inFlight++;
		limiter.waiting.shift()?.();
	}
}

/** Waits for a free slot under the login's current limit; call the returned function when done. */
export async function acquireSlot(key: string): Promise<() => void> {
	const limiter = limiterFor(key);
	if (limiter.inFlight < limiter.limit && limiter.waiting.length === 0) {
		limiter.inFlight++;
	} else {
		await new Promise<void>((resolve) => limiter.waiting.push(resolve));
	}
	let released = false;
	return () => {
		if (released) return;
		released = true;
		limiter.inFlight--;
		wake(limiter);
	};
}

/** SMSC refused a request for concurrency: fewer at once from this process. */
export function noteRefused(key: string): void {
	const limiter = limiterFor(key);
	limiter.limit = Math.max(1, Math.min(limiter.limit, limiter.inFlight + 1) - 1);
	limiter.calm = 0;
}

/** SMSC answered: after a full run of answers without a refusal, one more at once. */
export function noteAnswered(key: string): void {
	const limiter = limiterFor(key);
	if (limiter.limit >= MAX_CONCURRENCY) return;
	if (++limiter.calm >= MAX_CONCURRENCY) {
		limiter.limit++;
		limiter.calm = 0;
		wake(limiter);
	}
}

/** Pause before sending a refused request again: exponential, capped, half of it random. */
export function busyPauseMs(refusals: number): number {
	const ceiling = Math.min(BUSY_CAP_MS, BUSY_BASE_MS * 2 ** Math.min(refusals - 1, 10));
	return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

/** The current limit for a login (tests and diagnostics). */
export function currentLimit(key: string): number {
	return limiters.get(key)?.limit ?? MAX_CONCURRENCY;
}

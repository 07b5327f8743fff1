import { MAX_BUSY_RETRIES } from '../../../../nodes/shared/transport/limiter';
import {
	FIRST_ATTEMPT,
	MAX_READ_RETRIES,
	judgeAttempt,
} from '../../../../nodes/shared/transport/retry';
import type { Attempt, RequestKind } from '../../../../nodes/shared/transport/retry';

const MAIN = 'https://smsc.ru';
const BACKUP = 'https://www2.smsc.ru';
const send: RequestKind = { script: 'send', hosts: [MAIN, BACKUP], readOnly: false, list: false };
const read: RequestKind = { script: 'phones', hosts: [MAIN, BACKUP], readOnly: true, list: true };
const onBackup = { ...FIRST_ATTEMPT, host: 1 };
const readsSpent = { ...FIRST_ATTEMPT, readRetries: MAX_READ_RETRIES };
const busySpent = { ...FIRST_ATTEMPT, busyRetries: MAX_BUSY_RETRIES };

const refused: Attempt = { networkError: 'ECONNREFUSED' };
const reset: Attempt = { networkError: 'ECONNRESET' };
const http = (status: number, body: unknown = ''): Attempt => ({ status, body });
const tooMany = http(200, { error_code: 9, error: 'too many concurrent requests' });

describe('judgeAttempt: one attempt -> done | retry | next host | fail', () => {
	it.each([
		// a socket failure that proves the request never left: the backup host, whatever the request
		['send, never left, main host', refused, FIRST_ATTEMPT, send, 'nextHost'],
		['read, never left, main host', refused, FIRST_ATTEMPT, read, 'nextHost'],
		['send, never left, backup host too', refused, onBackup, send, 'fail'],
		['read, never left, backup host too', refused, onBackup, read, 'retry'],
		// a socket failure after the request may have left: a read is retried, a send never
		['send, may have left', reset, FIRST_ATTEMPT, send, 'fail'],
		['read, may have left', reset, FIRST_ATTEMPT, read, 'retry'],
		['read, may have left, retries spent', reset, readsSpent, read, 'fail'],
		// HTTP errors
		['send, 502', http(502), FIRST_ATTEMPT, send, 'fail'],
		['read, 502', http(502), FIRST_ATTEMPT, read, 'retry'],
		['read, 502, retries spent', http(502), readsSpent, read, 'fail'],
		['read, 404', http(404), FIRST_ATTEMPT, read, 'fail'],
		['not JSON', http(200, '<html>'), FIRST_ATTEMPT, read, 'fail'],
		// SMSC's answers
		['an answer', http(200, { balance: '1.00' }), FIRST_ATTEMPT, send, 'done'],
		['a list', http(200, '[{"id":1}]'), FIRST_ATTEMPT, read, 'done'],
		['too many in flight', tooMany, FIRST_ATTEMPT, send, 'retry'],
		['too many in flight, retries spent', tooMany, busySpent, send, 'fail'],
		['nothing found in a list', http(200, { error_code: 3 }), FIRST_ATTEMPT, read, 'done'],
		['error 3 of a send', http(200, { error_code: 3 }), FIRST_ATTEMPT, send, 'fail'],
	] as const)('%s -> %s', (_name, attempt, state, kind, expected) => {
		expect(judgeAttempt(attempt, state, kind).verdict).toBe(expected);
	});

	it('flags a send that may have reached SMSC, and only such a send', () => {
		const flagged = (attempt: Attempt, kind: RequestKind, state = FIRST_ATTEMPT): unknown => {
			const verdict = judgeAttempt(attempt, state, kind);
			return verdict.verdict === 'fail' ? verdict.details.maybeSent : 'no failure';
		};
		expect(flagged(reset, send)).toBe(true);
		expect(flagged(http(503), send)).toBe(true);
		expect(flagged(refused, send, onBackup)).toBeUndefined();
		expect(flagged(http(404), send)).toBeUndefined();
		expect(flagged(http(200, '<html>'), send)).toBe(true);
		expect(flagged(http(200, '<html>'), read)).toBeUndefined();
		expect(flagged(reset, read, readsSpent)).toBeUndefined();
		expect(flagged(http(200, { error_code: 7, error: 'bad phone' }), send)).toBeUndefined();
	});

	it('retries a read on the host it went to, after a socket failure or a 5xx, pausing longer each time', () => {
		const afterSocket = judgeAttempt(reset, FIRST_ATTEMPT, read);
		const after5xx = judgeAttempt(http(500), { ...onBackup, readRetries: 1 }, read);
		expect(afterSocket).toMatchObject({
			verdict: 'retry',
			pauseMs: 250,
			next: { host: 0, readRetries: 1 },
		});
		expect(after5xx).toMatchObject({
			verdict: 'retry',
			pauseMs: 500,
			next: { host: 1, readRetries: 2 },
		});
	});

	it('tells the limiter of every refusal and every answer', () => {
		expect(judgeAttempt(tooMany, FIRST_ATTEMPT, send).limiter).toBe('refused');
		expect(judgeAttempt(tooMany, busySpent, send).limiter).toBe('refused');
		expect(judgeAttempt(http(200, { balance: '1' }), FIRST_ATTEMPT, send).limiter).toBe('answered');
		expect(judgeAttempt(http(200, { error_code: 3 }), FIRST_ATTEMPT, read).limiter).toBeUndefined();
	});

	it('keeps the answer: an empty list for "nothing found", the parsed body otherwise', () => {
		expect(judgeAttempt(http(200, { error_code: 3 }), FIRST_ATTEMPT, read)).toMatchObject({
			answer: [],
		});
		expect(judgeAttempt(http(200, '\uFEFF{"balance":"2.5"}'), FIRST_ATTEMPT, send)).toMatchObject({
			answer: { balance: '2.5' },
		});
		expect(
			judgeAttempt(http(200, { error_code: 6, error: 'denied', id: 12 }), FIRST_ATTEMPT, send),
		).toMatchObject({
			verdict: 'fail',
			details: { smscErrorCode: 6, smscError: 'denied', id: 12 },
		});
	});
});

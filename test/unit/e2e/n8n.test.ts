import { executeFailed, executeSucceeded, parseTrailingJson } from '../../e2e/lib/n8n';
import type { ExecuteResult } from '../../e2e/lib/n8n';

describe('parseTrailingJson (what `n8n execute --rawOutput` printed)', () => {
	const document = {
		status: 'success',
		finished: true,
		data: { runData: { Send: [{ items: [{ id: 1 }] }] } },
	};
	const pretty = JSON.stringify(document, null, 2);

	it('finds the document after n8n start-up lines', () => {
		expect(
			parseTrailingJson(
				`n8n Task Broker ready on 127.0.0.1\n[license SDK] Skipping renewal\n${pretty}\n\n`,
			),
		).toEqual(document);
	});

	it('finds the document when a late log line follows it (2.41 under load)', () => {
		const text = `Registered runner "JS Task Runner" (a)\n${pretty}\nRegistered runner "JS Task Runner" (b) \n\n`;
		expect(parseTrailingJson(text)).toEqual(document);
	});

	it('reads a document printed on one line, and gives undefined when there is none', () => {
		expect(parseTrailingJson(`started\n${JSON.stringify(document)}\n`)).toEqual(document);
		expect(parseTrailingJson('started\n{ not json\nstopped\n')).toBeUndefined();
	});
});

describe('how `n8n execute` ended a run', () => {
	const ended = (
		code: number | null,
		signal: NodeJS.Signals | null,
		data?: unknown,
	): ExecuteResult => ({ code, signal, data, stdout: '', stderr: '' });
	const success = { status: 'success', finished: true };

	it('a success is exit 0, or a SIGSEGV after a printed, finished, successful execution (reported as crashed)', () => {
		expect(executeSucceeded(ended(0, null, success))).toEqual({ succeeded: true, crashed: false });
		expect(executeSucceeded(ended(139, 'SIGSEGV', success))).toEqual({
			succeeded: true,
			crashed: true,
		});
	});

	it('a crash before the output, after an error, or by another signal is no success', () => {
		expect(executeSucceeded(ended(139, 'SIGSEGV')).succeeded).toBe(false);
		expect(
			executeSucceeded(ended(139, 'SIGSEGV', { status: 'error', finished: false })).succeeded,
		).toBe(false);
		expect(executeSucceeded(ended(137, 'SIGKILL', success)).succeeded).toBe(false);
		expect(executeSucceeded(ended(1, null, success)).succeeded).toBe(false);
	});

	it('a failure is exit 1 or a signal, never exit 0', () => {
		expect(executeFailed(ended(1, null))).toBe(true);
		expect(executeFailed(ended(139, 'SIGSEGV'))).toBe(true);
		expect(executeFailed(ended(0, null))).toBe(false);
	});
});

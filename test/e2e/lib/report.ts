import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Everything the processes print goes to a log file (too much for the test output); timings and
 * the file's path go to stderr, which jest passes through unchanged.
 */
export function createLog(name: string): { file: string; log: (line: string) => void } {
	const file = path.join(os.tmpdir(), `smsc-e2e-${name}-${process.pid}.log`);
	fs.writeFileSync(file, '');
	const started = Date.now();
	return {
		file,
		log: (line: string) => {
			fs.appendFileSync(file, `+${((Date.now() - started) / 1000).toFixed(1)}s ${line}\n`);
		},
	};
}

export function report(line: string): void {
	process.stderr.write(`[e2e] ${line}\n`);
}

/** The environment variable naming the file a summary line is also appended to (set by test:compat). */
export const SUMMARY_FILE_ENV = 'SMSC_E2E_SUMMARY_FILE';

/** A figure worth repeating at the end of a compat run (throughput, comparisons): reported, and kept. */
export function summary(line: string): void {
	report(line);
	const file = process.env[SUMMARY_FILE_ENV];
	if (file) fs.appendFileSync(file, `${line}\n`);
}

export function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}

/** How long each named step took: `timed(name, fn)` awaits fn and records its milliseconds. */
export function stepTimer(): {
	timings: Record<string, number>;
	timed: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
} {
	const timings: Record<string, number> = {};
	const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
		const started = Date.now();
		try {
			return await fn();
		} finally {
			timings[name] = Date.now() - started;
		}
	};
	return { timings, timed };
}

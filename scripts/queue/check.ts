/** Collects failed expectations, so one run reports every broken promise, then exits 1. */
export class Checks {
	readonly failures: string[] = [];

	that(ok: boolean, what: string): boolean {
		if (!ok) {
			this.failures.push(what);
			process.stderr.write(`queue: FAILED ${what}\n`);
		}
		return ok;
	}
}

/** A `queue:` result line on stdout, the test's output contract. */
export function result(line: string): void {
	process.stdout.write(`queue: ${line}\n`);
}

/** Progress and timings on stderr, prefixed like the e2e suite's. */
export function progress(line: string): void {
	process.stderr.write(`[queue] ${line}\n`);
}

/** How often each value occurs; `doubled` counts the extra copies. */
export function tally<T>(values: T[]): { counts: Map<T, number>; doubled: number } {
	const counts = new Map<T, number>();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	let doubled = 0;
	for (const n of counts.values()) if (n > 1) doubled += n - 1;
	return { counts, doubled };
}

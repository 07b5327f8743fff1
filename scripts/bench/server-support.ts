/**
 * What bench:trigger and bench:server share: the n8n line, counting saved executions
 * through n8n's REST API, n8n's memory from /proc, and writing results. Both benchmarks start
 * everything through test/e2e/lib, so they run from a fresh clone (n8n is installed on first use).
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { LINE_ENV, resolveLine } from '../../test/e2e/lib/lines';

/**
 * The n8n line, through test/e2e/lib's one list of lines: `--line` (or SMSC_N8N_LINE) picks it and
 * is passed on to the stack, which reads SMSC_N8N_LINE. Returns the n8n version, for the report.
 */
export function chooseLine(line: string | undefined): string {
	const chosen = resolveLine(line);
	process.env[LINE_ENV] = chosen.id;
	return chosen.n8n;
}

/** The load on the shared machine, to print beside every figure. */
export function machine(): { cpus: number; loadAverage: number[]; node: string } {
	return {
		cpus: os.cpus().length,
		loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
		node: process.version,
	};
}

export function loadNote(): string {
	const m = machine();
	return `load average ${m.loadAverage.join(' ')} on ${m.cpus} cores`;
}

export function writeResults(file: string, data: object): void {
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

// n8n ties its session cookie to a browser id that every later request must repeat.
const BROWSER_ID = 'n8n-nodes-smsc-bench';

/**
 * Counts a workflow's executions by status through n8n's own REST API (the list the editor
 * shows): one small request however many executions there are, so polling it while n8n works
 * costs both sides of a comparison the same.
 */
export class ExecutionCounter {
	private cookie = '';

	constructor(
		private readonly baseUrl: string,
		private readonly owner: { email: string; password: string },
	) {}

	async login(): Promise<void> {
		const res = await fetch(`${this.baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
			body: JSON.stringify({
				emailOrLdapLoginId: this.owner.email,
				email: this.owner.email,
				password: this.owner.password,
			}),
		});
		await res.text();
		if (!res.ok) throw new Error(`login → ${res.status}`);
		const auth = res.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.find((c) => c.startsWith('n8n-auth='));
		if (!auth) throw new Error('login gave no session cookie');
		this.cookie = auth;
	}

	async count(workflowId: string, status: string[]): Promise<number> {
		const query = new URLSearchParams({
			filter: JSON.stringify({ workflowId, status }),
			limit: '1',
		});
		const res = await fetch(`${this.baseUrl}/rest/executions?${query}`, {
			headers: { cookie: this.cookie, 'browser-id': BROWSER_ID },
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`GET /rest/executions → ${res.status}: ${text.slice(0, 300)}`);
		const body = JSON.parse(text) as { data?: { count: number; estimated?: boolean } };
		if (body.data?.count === undefined) throw new Error(`no count in ${text.slice(0, 300)}`);
		return body.data.count;
	}
}

/** Resident memory of a process and of its whole tree (n8n's task runner included), in MB. */
export function rssMb(pid: number): { process: number; tree: number } {
	const own = statusRssKb(pid);
	let tree = own;
	for (const child of descendants(pid)) tree += statusRssKb(child);
	return { process: Math.round(own / 1024), tree: Math.round(tree / 1024) };
}

function statusRssKb(pid: number): number {
	try {
		const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : 0;
	} catch {
		return 0;
	}
}

function descendants(root: number): number[] {
	const parentOf = new Map<number, number>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// the command name in parentheses may hold spaces; the parent pid is the second field after it
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
		} catch {
			// gone meanwhile
		}
	}
	const found: number[] = [];
	const walk = (pid: number): void => {
		for (const [child, parent] of parentOf) if (parent === pid) (found.push(child), walk(child));
	};
	walk(root);
	return found;
}

/** Samples rssMb every `everyMs` until stopped; reports the peaks. */
export function rssSampler(
	pid: number,
	everyMs = 100,
): { stop(): { peakMb: number; peakTreeMb: number } } {
	let peakMb = 0;
	let peakTreeMb = 0;
	const sample = (): void => {
		const rss = rssMb(pid);
		peakMb = Math.max(peakMb, rss.process);
		peakTreeMb = Math.max(peakTreeMb, rss.tree);
	};
	sample();
	const timer = setInterval(sample, everyMs);
	return {
		stop: () => {
			clearInterval(timer);
			sample();
			return { peakMb, peakTreeMb };
		},
	};
}

export const perSecond = (count: number, ms: number): number =>
	Math.round((count / ms) * 10_000) / 10;

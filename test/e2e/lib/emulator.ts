import * as path from 'node:path';
import { startProcess, within } from './processes';
import type { Managed } from './processes';
import { repoRoot } from './paths';

export const DEMO_LOGIN = 'demo';
export const DEMO_PASSWORD = 'demo-password';
export const DEMO_API_KEY = 'demo-api-key';

/**
 * The SMSC emulator as its own process, as n8n would meet a real SMSC: over HTTP only.
 * Its control API (test/emulator/README.md) answers `POST /__emulator/<method>` with `{result}`.
 */
export class EmulatorProcess {
	url = '';
	private proc?: Managed;

	constructor(private readonly log: (line: string) => void = () => undefined) {}

	async start(args: string[] = [], timeoutMs = 60_000): Promise<void> {
		const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
		let found: (url: string) => void = () => undefined;
		const urlSeen = new Promise<string>((resolve) => (found = resolve));
		this.proc = startProcess('emulator', tsx, [path.join(repoRoot, 'test', 'emulator', 'cli.ts'), '--port', '0', ...args], {
			cwd: repoRoot,
			env: { ...process.env, PORT: '', HANDLER_URL: '' },
			onLine: (line) => {
				this.log(`[emulator] ${line}`);
				const m = /^EMULATOR_URL=(\S+)/.exec(line.trim());
				if (m) found(m[1]);
			},
		});
		const proc = this.proc;
		let url = '';
		const outcome = await within(
			Promise.race([
				urlSeen.then((seen) => (url = seen)),
				proc.exited.then((code) => {
					throw new Error(`emulator exited ${code}:\n${proc.output()}`);
				}),
			]),
			timeoutMs,
		);
		if (!outcome) throw new Error(`emulator did not start:\n${proc.output()}`);
		this.url = url;
	}

	async stop(): Promise<void> {
		await this.proc?.stop();
		this.proc = undefined;
	}

	/** Calls one control method; rejects with the emulator's error text on 4xx. */
	async call<T = unknown>(method: string, arg: object = {}): Promise<T> {
		const res = await fetch(`${this.url}/__emulator/${method}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(arg),
		});
		const body = (await res.json()) as { result?: T; error?: string };
		if (!res.ok) throw new Error(`emulator ${method}: ${res.status} ${body.error ?? JSON.stringify(body)}`);
		return body.result as T;
	}

	getLog(arg: { since?: number; script?: string; login?: string; limit?: number } = {}): Promise<LogEntry[]> {
		return this.call<LogEntry[]>('getLog', arg);
	}

	/** The sequence number of the newest request, to read only what a later step caused. */
	async lastSeq(): Promise<number> {
		const [last] = await this.getLog({ limit: 1 });
		return last?.seq ?? 0;
	}
}

export interface LogEntry {
	seq: number;
	script: string;
	method: string;
	path: string;
	login: string | null;
	params: Record<string, string>;
	httpStatus: number;
	response: string;
	errorCode: number | null;
}

export interface CallbackRecord {
	seq: number;
	kind: string;
	url: string;
	fields: Record<string, string>;
	attempts: number;
	status: number;
	ok: boolean;
	error?: string;
	responseBody?: string;
}

export interface FireResult {
	count: number;
	ok: number;
	failed: number;
	durationMs: number;
	maxInFlight: number;
	attempts: number;
}

import * as path from 'node:path';
import { startProcess, within } from './processes';
import type { Managed } from './processes';
import { repoRoot } from './paths';
import { controlClient } from '../../emulator/client';
import type { ControlClient, ControlMethod } from '../../emulator/client';
import type { Emulator, LogEntry } from '../../emulator';

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
	private control?: ControlClient;

	constructor(private readonly log: (line: string) => void = () => undefined) {}

	async start(args: string[] = [], timeoutMs = 60_000): Promise<void> {
		const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
		let found: (url: string) => void = () => undefined;
		const urlSeen = new Promise<string>((resolve) => (found = resolve));
		this.proc = startProcess(
			'emulator',
			tsx,
			[path.join(repoRoot, 'test', 'emulator', 'cli.ts'), '--port', '0', ...args],
			{
				cwd: repoRoot,
				env: { ...process.env, PORT: '', HANDLER_URL: '' },
				onLine: (line) => {
					this.log(`[emulator] ${line}`);
					const m = /^EMULATOR_URL=(\S+)/.exec(line.trim());
					if (m) found(m[1]);
				},
			},
		);
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

	/** Calls one control method through the emulator's own client; rejects with its error text. */
	async call<T = unknown>(method: ControlMethod, arg: object = {}): Promise<T> {
		this.control ??= controlClient(this.url);
		const fn = this.control[method] as unknown as (arg: object) => Promise<T>;
		return await fn(arg);
	}

	getLog(
		arg: { since?: number; script?: string; login?: string; limit?: number } = {},
	): Promise<LogEntry[]> {
		return this.call<LogEntry[]>('getLog', arg);
	}

	/** The sequence number of the newest request, to read only what a later step caused. */
	async lastSeq(): Promise<number> {
		const [last] = await this.getLog({ limit: 1 });
		return last?.seq ?? 0;
	}
}

export type { CallbackRecord, LogEntry } from '../../emulator';
export type FireResult = Awaited<ReturnType<Emulator['fireCallbacks']>>;

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { InstallResult } from './install';
import { activateArgs, executeArgs, resolveLine } from './lines';
import type { N8nLine } from './lines';
import { freePorts } from './ports';
import { delay, runCommand, startProcess } from './processes';
import type { Managed } from './processes';

/** Fixed so credentials imported by one CLI call can be decrypted by the next and by the server. */
export const E2E_ENCRYPTION_KEY = 'n8n-nodes-smsc-e2e-encryption-key-0001';

export interface N8nOptions {
	/** What ensureN8n() returned: the line, its n8n CLI and the Node it runs on. */
	install?: InstallResult;
	/** Without `install`: path of n8n's bin/n8n script (run on this process's Node, as the default line). */
	bin?: string;
	/** A folder of its own; defaults to a fresh one under os.tmpdir(). */
	userFolder?: string;
	log?: (line: string) => void;
}

export interface CliResult {
	/** the exit code, or 128 + the signal's number when a signal ended the process */
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

/**
 * One n8n installation state: a user folder (sqlite database, settings, community packages)
 * plus the ports its server will use. CLI commands and the server share the same folder and key.
 */
export class N8n {
	readonly bin: string;
	/** The node executable n8n runs on (the line's Node). */
	readonly node: string;
	readonly line: N8nLine;
	readonly userFolder: string;
	port = 0;
	brokerPort = 0;
	server?: Managed;
	private readonly log: (line: string) => void;

	constructor(options: N8nOptions) {
		if (!options.install && !options.bin)
			throw new Error('N8n needs install (from ensureN8n) or bin');
		this.bin = options.install?.bin ?? options.bin!;
		this.node = options.install?.node ?? process.execPath;
		this.line = options.install?.line ?? resolveLine();
		this.userFolder = options.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'smsc-n8n-'));
		this.log = options.log ?? (() => undefined);
	}

	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	async choosePorts(): Promise<void> {
		[this.port, this.brokerPort] = await freePorts(2);
	}

	env(): NodeJS.ProcessEnv {
		const env: NodeJS.ProcessEnv = {
			// The line's Node first, for anything n8n starts by name (its task runner uses its own execPath).
			PATH: `${path.dirname(this.node)}${path.delimiter}${process.env.PATH ?? ''}`,
			HOME: this.userFolder,
			TMPDIR: process.env.TMPDIR,
			LANG: process.env.LANG ?? 'C.UTF-8',
			NODE_ENV: 'production',
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: E2E_ENCRYPTION_KEY,
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_PORT: String(this.port || 5678),
			WEBHOOK_URL: `http://127.0.0.1:${this.port || 5678}/`,
			N8N_EDITOR_BASE_URL: `http://127.0.0.1:${this.port || 5678}/`,
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort || 5679),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_SECURE_COOKIE: 'false',
			// Nothing may leave the machine: no telemetry, no update checks, no templates or banners.
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
			// The list of vetted community nodes comes from api.n8n.io; loading installed ones does not need it.
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			EXTERNAL_FRONTEND_HOOKS_URLS: '',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			DB_TYPE: 'sqlite',
		};
		return env;
	}

	/** Runs `n8n <args>`; each call boots n8n's CLI (about 2.5 s). */
	async cli(args: string[], timeoutMs = 180_000): Promise<CliResult> {
		const started = Date.now();
		const result = await runCommand(
			this.node,
			[this.bin, ...args],
			{ env: this.env(), cwd: this.userFolder },
			timeoutMs,
		);
		this.log(
			`n8n ${args.join(' ')} → exit ${result.code}${result.signal ? ` (${result.signal})` : ''} in ${Date.now() - started} ms`,
		);
		return result;
	}

	async cliOk(args: string[]): Promise<CliResult> {
		const result = await this.cli(args);
		if (result.code !== 0) {
			throw new Error(
				`n8n ${args.join(' ')} exited ${result.code}\n${result.stdout}\n${result.stderr}`,
			);
		}
		return result;
	}

	private writeTemp(name: string, data: unknown): string {
		const dir = path.join(this.userFolder, 'imports');
		fs.mkdirSync(dir, { recursive: true });
		const file = path.join(dir, name);
		fs.writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	/** Imports credentials given in plaintext; n8n encrypts them with the instance key. */
	async importCredentials(credentials: object[]): Promise<void> {
		const file = this.writeTemp(`credentials-${Date.now()}.json`, credentials);
		await this.cliOk(['import:credentials', `--input=${file}`]);
	}

	/** Imports workflows (each with an `id`); import leaves them unpublished. */
	async importWorkflows(workflows: object[]): Promise<void> {
		const dir = path.join(this.userFolder, 'imports', `workflows-${Date.now()}`);
		fs.mkdirSync(dir, { recursive: true });
		workflows.forEach((wf, i) =>
			fs.writeFileSync(path.join(dir, `${i}.json`), JSON.stringify(wf, null, 2)),
		);
		await this.cliOk(['import:workflow', '--separate', `--input=${dir}`]);
	}

	/**
	 * Makes an imported workflow active, so `n8n start` registers its triggers: `publish:workflow`
	 * on 2.x, `update:workflow --active=true` on 1.x (lines.ts). Call it before `start()`.
	 */
	async activateWorkflow(id: string): Promise<void> {
		await this.cliOk(activateArgs(this.line, id));
	}

	/** @deprecated the 2.x name; use activateWorkflow, which works on every line. */
	async publishWorkflow(id: string): Promise<void> {
		await this.activateWorkflow(id);
	}

	/**
	 * Runs a workflow once through `n8n execute --rawOutput`. The CLI prints log lines before the
	 * JSON; the run data is the JSON document at the end of stdout.
	 */
	async execute(id: string): Promise<ExecuteResult> {
		const result = await this.cli(executeArgs(this.line, id));
		return { ...result, data: parseTrailingJson(result.stdout) };
	}

	/**
	 * Starts `n8n start` and waits until the REST API answers: /healthz turns ready before the
	 * controllers are mounted, so a request right after it can still get a 404 or a placeholder.
	 */
	async start(timeoutMs = 300_000): Promise<void> {
		if (!this.port) await this.choosePorts();
		for (let attempt = 1; ; attempt++) {
			try {
				return await this.startOnce(timeoutMs);
			} catch (error) {
				// Another process took a port between choosing and binding it: choose again.
				if (attempt >= 3 || !/EADDRINUSE|already in use/.test(String(error))) throw error;
				this.log(`port taken, retrying: ${String(error).split('\n')[0]}`);
				await this.stop();
				await this.choosePorts();
			}
		}
	}

	private async startOnce(timeoutMs: number): Promise<void> {
		const server = startProcess('n8n', this.node, [...extraNodeArgs(), this.bin, 'start'], {
			env: this.env(),
			cwd: this.userFolder,
			onLine: (line) => this.log(`[n8n] ${line}`),
		});
		this.server = server;
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (server.child.exitCode !== null || /EADDRINUSE|already in use/.test(server.output())) {
				throw new Error(`n8n start failed (exit ${server.child.exitCode}):\n${server.output()}`);
			}
			try {
				// While booting, n8n answers every path with 200 "n8n is starting up. Please wait".
				const res = await fetch(`${this.baseUrl}/rest/settings`, {
					signal: AbortSignal.timeout(2000),
				});
				const body = await res.text();
				if (res.ok && body.startsWith('{')) return;
			} catch {
				// Not listening yet.
			}
			if (Date.now() > deadline) throw new Error(`n8n did not become ready:\n${server.output()}`);
			await delay(250);
		}
	}

	/**
	 * Waits until n8n routes a production webhook URL: a published workflow's webhooks register a
	 * moment after the server is ready, and until then n8n answers 404.
	 */
	async waitForWebhook(url: string, timeoutMs = 60_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			// A CORS preflight: n8n answers it with 2xx once some method is registered on the path and
			// with 404 before, and it starts no execution (a GET would 404 on a POST-only Webhook node).
			const res = await fetch(url.split('?')[0], {
				method: 'OPTIONS',
				headers: { origin: 'http://127.0.0.1', 'access-control-request-method': 'POST' },
				signal: AbortSignal.timeout(5000),
			});
			await res.arrayBuffer();
			if (res.ok) return;
			if (Date.now() > deadline)
				throw new Error(
					`webhook ${url.split('?')[0]} still not registered after ${timeoutMs} ms (${res.status})`,
				);
			await delay(250);
		}
	}

	/** Stops the server and starts it again on the same user folder and ports (a user's restart). */
	async restart(timeoutMs = 300_000): Promise<void> {
		await this.stop();
		await this.start(timeoutMs);
	}

	async stop(): Promise<void> {
		await this.server?.stop();
		this.server = undefined;
	}

	removeUserFolder(): void {
		fs.rmSync(this.userFolder, { recursive: true, force: true });
	}
}

export interface ExecuteResult extends CliResult {
	/** The run data printed by --rawOutput, or undefined when the CLI printed none. */
	data: unknown;
}

/**
 * How `n8n execute` ended a run that succeeded: exit 0, or, on n8n 2.41 with Node 24, a
 * segmentation fault after n8n printed the finished execution with status "success" (twice in one
 * CI rehearsal on a loaded machine: exit 139 after the full output). `crashed` marks the second
 * case, so a test can judge the run by its output and report the crash instead of hiding it.
 */
export function executeSucceeded(result: ExecuteResult): { succeeded: boolean; crashed: boolean } {
	const printed = result.data as { status?: string; finished?: boolean } | undefined;
	const crashed =
		result.signal === 'SIGSEGV' && printed?.status === 'success' && printed.finished === true;
	return { succeeded: crashed || (result.code === 0 && result.signal === null), crashed };
}

/**
 * How `n8n execute` ended a run that failed: exit 1, or, on n8n 2.41, a signal while the CLI
 * closes its database after printing the error.
 */
export function executeFailed(result: ExecuteResult): boolean {
	return result.code === 1 || result.signal !== null;
}

/** Finds the last top-level JSON value in text that starts on its own line. */
export function parseTrailingJson(text: string): unknown {
	// The document is the last one n8n printed, but a late log line (under load, 2.41's "Registered
	// runner" came after it) can follow, so it may end before the last line.
	const lines = text.split('\n');
	// Only unindented closers can end a top-level value in n8n's pretty-printed output.
	const closers = lines.flatMap((line, i) => (/^[}\]]\s*$/.test(line) ? [i] : [])).reverse();
	for (let i = 0; i < lines.length; i++) {
		const first = lines[i].trimStart()[0];
		if (first !== '{' && first !== '[') continue;
		for (const end of [...closers.filter((c) => c > i), i]) {
			try {
				return JSON.parse(lines.slice(i, end + 1).join('\n'));
			} catch {
				// Not where the document starts or ends; keep looking.
			}
		}
	}
	return undefined;
}

/**
 * Extra Node flags for `n8n start` only (not the CLI calls, not the task runner), for profiling by
 * hand: `SMSC_N8N_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench:trigger …`.
 * Read by the test library alone; the profile is written when n8n exits on the stop's SIGTERM.
 */
function extraNodeArgs(): string[] {
	return (process.env.SMSC_N8N_NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean);
}

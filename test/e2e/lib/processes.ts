import { spawn } from 'node:child_process';
import * as os from 'node:os';
import type { ChildProcess, SpawnOptions } from 'node:child_process';

/** A child started in its own process group, so stopping it also stops whatever it started. */
export interface Managed {
	name: string;
	child: ChildProcess;
	/** Everything it printed so far (bounded), for failure messages. */
	output(): string;
	exited: Promise<number | null>;
	stop(): Promise<void>;
}

const live = new Set<Managed>();
const OUTPUT_LIMIT = 200_000;

export function startProcess(
	name: string,
	command: string,
	args: string[],
	options: SpawnOptions & { onLine?: (line: string) => void } = {},
): Managed {
	const child = spawnInGroup(command, args, options);
	let out = '';
	let partial = '';
	const onData = (chunk: Buffer) => {
		const text = chunk.toString();
		out = (out + text).slice(-OUTPUT_LIMIT);
		if (options.onLine) {
			const lines = (partial + text).split('\n');
			partial = lines.pop() ?? '';
			for (const line of lines) options.onLine(line);
		}
	};
	child.stdout?.on('data', onData);
	child.stderr?.on('data', onData);
	const exited = new Promise<number | null>((resolve) => {
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : null)));
		child.on('error', () => resolve(-1));
	});
	const managed: Managed = {
		name,
		child,
		output: () => out,
		exited,
		stop: async () => {
			live.delete(managed);
			await killGroup(child, exited);
		},
	};
	live.add(managed);
	void exited.then(() => live.delete(managed));
	return managed;
}

/** A child in a process group of its own (so a group signal reaches its children), output piped. */
function spawnInGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
	return spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
}

async function killGroup(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
		signalGroup(child.pid, 'SIGKILL');
		return;
	}
	signalGroup(child.pid, 'SIGTERM');
	const stopped = await within(exited, 10_000);
	// Grandchildren (n8n's task runner) can outlive a leader that did exit; the group kill reaches them.
	signalGroup(child.pid, 'SIGKILL');
	if (!stopped) await within(exited, 5_000);
}

/** Whether the promise settled within ms; the timer is cleared so it cannot keep jest alive. */
export async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
	try {
		return await Promise.race([promise.then(() => true), timeout]);
	} finally {
		clearTimeout(timer);
	}
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
	if (pid === undefined) return;
	try {
		process.kill(-pid, signal);
	} catch {
		// The group is already gone.
	}
}

/** Stops every process this module started and is still running. */
export async function stopAll(): Promise<void> {
	await Promise.all([...live].map((m) => m.stop()));
}

// A crashed or interrupted run must not leave an n8n server holding ports. Children live in their
// own process groups, so Ctrl-C in a terminal does not reach them: pass it on. When nobody else
// handles the signal, re-raise it for the default exit; otherwise (the demo) let that handler finish.
function killAllNow(): void {
	for (const m of live) signalGroup(m.child.pid, 'SIGKILL');
}
process.once('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
	process.once(signal, () => {
		killAllNow();
		if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
	});
}

export function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs a command to completion and returns its exit code and output. */
export function runCommand(
	command: string,
	args: string[],
	options: SpawnOptions = {},
	timeoutMs = 120_000,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawnInGroup(command, args, options);
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
		child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
		const timer = setTimeout(() => {
			signalGroup(child.pid, 'SIGKILL');
			reject(
				new Error(
					`${command} ${args.join(' ')} timed out after ${timeoutMs} ms\n${stdout}\n${stderr}`,
				),
			);
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			// The command's own children (n8n's task runner) die with it.
			signalGroup(child.pid, 'SIGKILL');
			// A process ended by a signal reports 128 + its number, as a shell does.
			resolve({
				code: code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : null),
				signal,
				stdout,
				stderr,
			});
		});
	});
}

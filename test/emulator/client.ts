/**
 * Talk to an emulator running in another process: `controlClient(url)` mirrors every control
 * method as an async call over `POST /__emulator/<method>`, and `spawnEmulator()` starts
 * `cli.ts` as a child process and waits for its URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { CONTROL_METHODS } from './control';
import type { Emulator } from './emulator';
import { Agent, fetch } from 'undici';

export type ControlMethod = (typeof CONTROL_METHODS)[number];
type Fn<K extends ControlMethod> = Emulator[K] extends (...args: infer A) => infer R
	? (...args: A) => Promise<Awaited<R>>
	: never;
export type ControlClient = { [K in ControlMethod]: Fn<K> } & { url: string };

/**
 * A control call such as `fireCallbacks` answers only when its whole load has been sent, which on a
 * busy machine took longer than the 300 s after which Node's fetch gives up waiting for headers
 * (seen in a CI rehearsal at load average 30): the call's own work bounds it, not a clock.
 */
const patient = new Agent({ headersTimeout: 0, bodyTimeout: 0 });

export function controlClient(url: string): ControlClient {
	const base = url.replace(/\/$/, '');
	const client: Record<string, unknown> = { url: base };
	for (const name of CONTROL_METHODS) {
		client[name] = async (arg?: unknown) => {
			const res = await fetch(`${base}/__emulator/${name}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(arg ?? {}),
				dispatcher: patient,
			});
			const body = (await res.json()) as { result?: unknown; error?: string };
			if (res.status !== 200) throw new Error(`emulator ${name}: ${body.error ?? res.status}`);
			return body.result;
		};
	}
	return client as ControlClient;
}

export interface SpawnedEmulator {
	url: string;
	control: ControlClient;
	child: ChildProcess;
	stop(): Promise<void>;
}

/**
 * Start `npm run emulator`'s program as a child process. `env` takes the CLI's variables
 * (PORT — default 0 here, LATENCY_MS, MANUAL_CLOCK, NO_LIMITS, HANDLER_URL, BALANCE).
 */
export async function spawnEmulator(
	opts: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<SpawnedEmulator> {
	const child = spawn(
		process.execPath,
		[require.resolve('tsx/cli'), path.join(__dirname, 'cli.ts')],
		{
			env: { ...process.env, PORT: '0', ...(opts.env ?? {}) },
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	let out = '';
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`emulator did not start: ${out}`)),
			opts.timeoutMs ?? 20_000,
		);
		const onData = (c: Buffer) => {
			out += c.toString();
			const m = /EMULATOR_URL=(\S+)/.exec(out);
			if (m) {
				clearTimeout(timer);
				resolve(m[1]);
			}
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`emulator exited with ${code}: ${out}`));
		});
	});
	child.stdout!.resume();
	return {
		url,
		control: controlClient(url),
		child,
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			}),
	};
}

import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import type { EmulatorOptions } from '../emulator/emulator';

/**
 * The emulator one test file talks to: started before the file's tests, closed after them (or,
 * with `perTest`, a fresh one for each test, so ids, balances and logs start over). What comes
 * back stands for the running emulator inside tests and hooks, so a file writes
 * `const emu = useEmulator()` once instead of a variable and two hooks. The options default to
 * an emulator without the demo account, where every test makes its own (newAccount).
 */
export function useEmulator(
	options: EmulatorOptions = { demoAccount: false },
	{ perTest = false } = {},
): RunningEmulator {
	let running: RunningEmulator | undefined;
	(perTest ? beforeEach : beforeAll)(async () => {
		running = await startEmulator(options);
	});
	(perTest ? afterEach : afterAll)(async () => {
		await running?.close();
		running = undefined;
	});
	return new Proxy({} as RunningEmulator, {
		get(_target, key) {
			if (running === undefined) throw new Error('No emulator runs outside a test or its hooks.');
			const value: unknown = Reflect.get(running, key);
			return typeof value === 'function' ? (value as () => unknown).bind(running) : value;
		},
	});
}

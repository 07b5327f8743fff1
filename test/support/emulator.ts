import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import type { EmulatorOptions } from '../emulator/emulator';

/**
 * The emulator one test file talks to: started before the file's tests, closed after them. What
 * comes back stands for the running emulator from the first test on, so a file writes
 * `const emu = useEmulator()` once instead of a variable and two hooks. The options default to
 * an emulator without the demo account, where every test makes its own (newAccount).
 */
export function useEmulator(options: EmulatorOptions = { demoAccount: false }): RunningEmulator {
	let running: RunningEmulator | undefined;
	beforeAll(async () => {
		running = await startEmulator(options);
	});
	afterAll(async () => running?.close());
	return new Proxy({} as RunningEmulator, {
		get(_target, key) {
			if (running === undefined)
				throw new Error('The emulator starts before the first test; use it inside a test or hook.');
			const value: unknown = Reflect.get(running, key);
			return typeof value === 'function' ? (value as () => unknown).bind(running) : value;
		},
	});
}

/**
 * SMSC emulator: `startEmulator()` starts a real HTTP server on 127.0.0.1 that answers like
 * SMSC's HTTP API and returns the Emulator (control methods) with `url` and `close()`.
 * See README.md in this folder.
 */
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { Emulator, type EmulatorOptions } from './emulator';
import { createServer } from './server';

export * from './emulator';
export type { AccountOptions, Prices, PhoneOutcome, HlrResult } from './state';
export type { CallbackRecord, CallbackPolicy, CallbackFormat } from './callbacks';
export { handlerEncoding, encodeCallback } from './callbacks';
export { countParts, normalizePhone } from './sms';
export { controlClient, spawnEmulator, type ControlClient, type SpawnedEmulator } from './client';

export interface RunningEmulator extends Emulator {
	url: string;
	port: number;
	server: http.Server;
	close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
	const emu = new Emulator(options) as RunningEmulator;
	const server = createServer(emu);
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	emu.port = port;
	emu.url = `http://${host}:${port}`;
	emu.server = server;
	const closeCore = Emulator.prototype.close.bind(emu);
	emu.close = () =>
		new Promise<void>((resolve) => {
			closeCore();
			server.close(() => resolve());
			server.closeAllConnections();
		});
	return emu;
}

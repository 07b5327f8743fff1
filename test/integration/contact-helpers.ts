/** Shared by the Contact, Group, Blacklist and group picker tests: fresh emulator accounts and direct phones.php calls. */
import type { IDataObject } from 'n8n-workflow';

import type { LogEntry, RunningEmulator } from '../emulator';
import { runNode, smscCredentials } from '../support/smsc';
import type { RunNodeOptions } from '../support/smsc';

const PASSWORD = 'book-password';
let accounts = 0;

/**
 * A new emulator account for one test: SMSC refuses a fourth identical phones.php request within
 * a minute (error 9), so tests that repeat a request must not share an account.
 */
export function newAccount(emu: RunningEmulator): string {
	const login = `book${++accounts}`;
	emu.createAccount({ login, psw: PASSWORD });
	return login;
}

/** Calls phones.php directly (to set up or inspect state) as SMSC's own clients do. */
export async function phonesApi(emu: RunningEmulator, login: string, params: Record<string, string | number>): Promise<any> {
	const body = new URLSearchParams({ login, psw: PASSWORD, fmt: '3', charset: 'utf-8' });
	for (const [key, value] of Object.entries(params)) body.set(key, String(value));
	const response = await fetch(`${emu.url}/sys/phones.php`, { method: 'POST', body });
	return await response.json();
}

/** Runs the SMSC node as `login` and returns its output plus the phones.php requests the run made. */
export async function runAs(
	emu: RunningEmulator,
	login: string,
	parameters: IDataObject,
	options: RunNodeOptions = {},
): Promise<Awaited<ReturnType<typeof runNode>> & { requests: Array<Record<string, string>>; log: LogEntry[] }> {
	const since = lastSeq(emu);
	const run = await runNode(emu.url, parameters, {
		credentials: smscCredentials(emu.url, { login, password: PASSWORD }),
		...options,
	});
	const log = emu.getLog({ since, login }).filter((entry) => entry.script === 'phones');
	return { ...run, log, requests: log.map((entry) => withoutTransport(entry.params)) };
}

function lastSeq(emu: RunningEmulator): number {
	const [last] = emu.getLog({ limit: 1 }).slice(-1);
	return last ? last.seq : 0;
}

/** A logged request's own parameters, without the ones every request carries. */
function withoutTransport(params: Record<string, string>): Record<string, string> {
	const { login: _login, psw: _psw, fmt, charset, ...rest } = params;
	expect({ fmt, charset }).toEqual({ fmt: '3', charset: 'utf-8' });
	return rest;
}

/** The resource locator value n8n stores for a group picked from the list or typed as an ID. */
export function groupRef(id: number | string, mode: 'list' | 'id' = 'list'): IDataObject {
	return { __rl: true, mode, value: String(id) };
}

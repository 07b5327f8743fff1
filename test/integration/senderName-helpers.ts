/** Shared by the Sender Name, Call Verification, Account and sender picker tests. */
import type { IDataObject } from 'n8n-workflow';

import type { LogEntry, RunningEmulator } from '../emulator';
import { runNode, smscCredentials } from '../support/smsc';
import type { RunNodeOptions } from '../support/smsc';

export const PASSWORD = 'sender-password';
let accounts = 0;

/**
 * A fresh emulator account per test: SMSC refuses repeated identical requests within a minute
 * (balance more than 10, wait_call more than 50), so tests must not share one.
 */
export function newAccount(emu: RunningEmulator, options: IDataObject = {}): string {
	const login = `sender${++accounts}-${process.pid}`;
	emu.createAccount({ login, psw: PASSWORD, ...options });
	return login;
}

/** Calls an SMSC script directly, as SMSC's own clients do, to set up or inspect state. */
export async function smscApi(
	emu: RunningEmulator,
	login: string,
	script: string,
	params: Record<string, string | number>,
): Promise<any> {
	const body = new URLSearchParams({ login, psw: PASSWORD, fmt: '3', charset: 'utf-8' });
	for (const [key, value] of Object.entries(params)) body.set(key, String(value));
	const response = await fetch(`${emu.url}/sys/${script}.php`, { method: 'POST', body });
	return await response.json();
}

/** Registers a sender name directly at the emulator and returns its id. */
export async function seedSender(emu: RunningEmulator, login: string, sender: string, extra: Record<string, string | number> = {}): Promise<number> {
	const answer = await smscApi(emu, login, 'senders', { add: 1, sender, ...extra });
	if (answer.id === undefined) throw new Error(`could not seed sender ${sender}: ${JSON.stringify(answer)}`);
	return answer.id;
}

export type RunResult = Awaited<ReturnType<typeof runNode>> & {
	/** The requests the run made to `script`, without login, password, fmt and charset. */
	requests: Array<Record<string, string>>;
	log: LogEntry[];
};

/** Runs the SMSC node as `login` and returns its output plus the requests it made to `script`. */
export async function runAs(
	emu: RunningEmulator,
	login: string,
	script: string,
	parameters: IDataObject,
	options: RunNodeOptions = {},
): Promise<RunResult> {
	const since = lastSeq(emu);
	const run = await runNode(emu.url, parameters, {
		credentials: smscCredentials(emu.url, { login, password: PASSWORD }),
		...options,
	});
	const log = emu.getLog({ since, login }).filter((entry) => entry.script === script && entry.method !== 'internal');
	return { ...run, log, requests: log.map((entry) => withoutTransport(entry.params)) };
}

export function lastSeq(emu: RunningEmulator): number {
	const [last] = emu.getLog({ limit: 1 }).slice(-1);
	return last ? last.seq : 0;
}

/** A logged request's own parameters, checking that the transport added fmt=3 and UTF-8. */
export function withoutTransport(params: Record<string, string>): Record<string, string> {
	const { login: _login, psw: _psw, fmt, charset, ...rest } = params;
	expect({ fmt, charset }).toEqual({ fmt: '3', charset: 'utf-8' });
	return rest;
}

/** The resource locator value n8n stores for a sender name picked from the list, typed, or by ID. */
export function senderRef(value: string | number, mode: 'list' | 'name' | 'id' = 'list'): IDataObject {
	return { __rl: true, mode, value: String(value) };
}

interface JsonSchema {
	type?: string;
	properties?: Record<string, JsonSchema>;
	required?: string[];
	items?: JsonSchema;
}

/** Where `value` breaks the node's shipped output schema (`__schema__/v1.0.0/<resource>/<operation>.json`); [] if nowhere. */
export function schemaViolations(resource: string, operation: string, value: unknown): string[] {
	const schema = require(`../../nodes/Smsc/__schema__/v1.0.0/${resource}/${operation}.json`) as JsonSchema;
	return check(schema, value, '$');
}

function check(schema: JsonSchema, value: unknown, path: string): string[] {
	const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
	if (schema.type && schema.type !== actual) return [`${path} is ${actual}, schema says ${schema.type}`];
	if (actual === 'array' && schema.items) {
		return (value as unknown[]).flatMap((entry, index) => check(schema.items!, entry, `${path}[${index}]`));
	}
	if (actual !== 'object') return [];
	const object = value as Record<string, unknown>;
	const missing = (schema.required ?? []).filter((key) => object[key] === undefined).map((key) => `${path}.${key} is missing`);
	const wrong = Object.entries(schema.properties ?? {}).flatMap(([key, sub]) =>
		object[key] === undefined ? [] : check(sub, object[key], `${path}.${key}`),
	);
	return [...missing, ...wrong];
}

/**
 * Emulator accounts and runs of the SMSC node as one of them, for every integration test: a fresh
 * account per test, direct SMSC calls to set up or inspect state, and the requests a run made.
 */
import type { IDataObject } from 'n8n-workflow';

import type { LogEntry, RunningEmulator } from '../emulator';
import { runNode, smscCredentials } from './smsc';
import type { RunNodeOptions } from './smsc';

export const PASSWORD = 'account-password';
let accounts = 0;

/**
 * A fresh emulator account per test: SMSC refuses repeated identical requests within a minute
 * (an identical send; phones.php more than 3, balance more than 10, wait_call more than 50), so
 * tests must not share one. `options` are the emulator's account settings, e.g. `{ balance }`.
 */
export function newAccount(emu: RunningEmulator, options: IDataObject = {}): string {
	const login = `acct${++accounts}-${process.pid}`;
	emu.createAccount({ login, psw: PASSWORD, ...options });
	return login;
}

/** The sender names Message tests send from: SMSC refuses names the account has not registered (error 6). */
export const MESSAGE_SENDERS = ['MyShop', 'ShopA', 'ShopB', 'shop@example.com'];

/** A fresh account with MESSAGE_SENDERS registered and active, for Message tests. */
export function messageAccount(emu: RunningEmulator, options: IDataObject = {}): string {
	return newAccount(emu, { senders: MESSAGE_SENDERS, ...options });
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

/** Calls phones.php directly (contacts, groups, blacklist). */
export async function phonesApi(
	emu: RunningEmulator,
	login: string,
	params: Record<string, string | number>,
): Promise<any> {
	return await smscApi(emu, login, 'phones', params);
}

/** Registers a sender name directly at the emulator and returns its id. */
export async function seedSender(
	emu: RunningEmulator,
	login: string,
	sender: string,
	extra: Record<string, string | number> = {},
): Promise<number> {
	const answer = await smscApi(emu, login, 'senders', { add: 1, sender, ...extra });
	if (answer.id === undefined)
		throw new Error(`could not seed sender ${sender}: ${JSON.stringify(answer)}`);
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
	const log = emu
		.getLog({ since, login })
		.filter((entry) => entry.script === script && entry.method !== 'internal');
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

/** The `script` requests SMSC received from `login` so far, without the parameters every request carries. */
export function requests(
	emu: RunningEmulator,
	login: string,
	script = 'send',
): Array<Record<string, string>> {
	return emu
		.getLog({ login })
		.filter((entry) => entry.script === script)
		.map(({ params }) => {
			const {
				login: _l,
				psw: _p,
				fmt: _f,
				charset: _c,
				...rest
			} = params as Record<string, string>;
			return rest;
		});
}

export interface MessageRunOptions extends Pick<
	RunNodeOptions,
	'items' | 'continueOnFail' | 'typeVersion' | 'settings'
> {
	/** Default the account's own password. */
	password?: string;
}

/** Runs a Message operation as `login`; `requests` are all send.php requests of the account so far. */
export async function runMessage(
	emu: RunningEmulator,
	login: string,
	parameters: IDataObject,
	options: MessageRunOptions = {},
) {
	const { result, json } = await runNode(
		emu.url,
		{ resource: 'message', ...parameters },
		{
			items: options.items,
			continueOnFail: options.continueOnFail,
			typeVersion: options.typeVersion,
			settings: options.settings,
			credentials: smscCredentials(emu.url, { login, password: options.password ?? PASSWORD }),
		},
	);
	return {
		result,
		json,
		output: result.error ? [] : result.output('SMSC'),
		requests: requests(emu, login),
	};
}

/** The resource locator value n8n stores for a group picked from the list or typed as an ID. */
export function groupRef(id: number | string, mode: 'list' | 'id' = 'list'): IDataObject {
	return { __rl: true, mode, value: String(id) };
}

/** The resource locator value n8n stores for a sender name picked from the list, typed, or by ID. */
export function senderRef(
	value: string | number,
	mode: 'list' | 'name' | 'id' = 'list',
): IDataObject {
	return { __rl: true, mode, value: String(value) };
}

/** Node parameters of one resource's operations: `contact('create', { phone })`. */
export function forResource(resource: string) {
	return (operation: string, parameters: Record<string, unknown> = {}) => ({
		resource,
		operation,
		...parameters,
	});
}

/** How a run over several items fails on one of them (resourceRuns' expectItemFails). */
export interface ItemFailure {
	/** The operation's fields. */
	fields: Record<string, unknown>;
	/** The input items; default one empty item. */
	items?: IDataObject[];
	/** The item that fails; default the first. */
	failsOn?: number;
	error: 'NodeApiError' | 'NodeOperationError';
	/** What the error's message says, besides the item it names. */
	message: RegExp;
	/** With Continue On Fail, what the other items output, in order. */
	outputs?: unknown[];
}

/**
 * One resource's node parameters and runs of its operations as an account, checked against the
 * requests to `script`: `contact('create', { phone })`, `contact.run(login, 'create', { phone })`.
 */
export function resourceRuns(emu: RunningEmulator, resource: string, script: string) {
	const parameters = forResource(resource);
	const run = async (
		login: string,
		operation: string,
		fields: Record<string, unknown> = {},
		options: RunNodeOptions = {},
	): Promise<RunResult> =>
		await runAs(emu, login, script, parameters(operation, fields) as IDataObject, options);
	/** The same run twice: as n8n stops on an item's error, and with Continue On Fail. */
	const stopAndContinue = async (
		login: string,
		operation: string,
		fields: Record<string, unknown> = {},
		options: RunNodeOptions = {},
	): Promise<{ stopped: RunResult; continued: RunResult }> => ({
		stopped: await run(login, operation, fields, options),
		continued: await run(login, operation, fields, { ...options, continueOnFail: true }),
	});
	/**
	 * Runs the operation as stopAndContinue does and checks that item `failsOn` fails: without
	 * Continue On Fail the run stops with this error class and message, naming the item; with it,
	 * every item outputs one item paired to it, the failed one its error and the others `outputs`.
	 */
	const expectItemFails = async (
		login: string,
		operation: string,
		failure: ItemFailure,
	): Promise<{ stopped: RunResult; continued: RunResult }> => {
		const { fields, items, failsOn = 0, error, message, outputs = [] } = failure;
		const runs = await stopAndContinue(login, operation, fields, items ? { items } : {});
		const { stopped, continued } = runs;
		expect(stopped.result.error?.errorName).toBe(error);
		expect(stopped.result.error?.message).toMatch(message);
		expect(stopped.result.error?.message).toContain(`[item ${failsOn}]`);
		const failed = { error: expect.stringMatching(message), itemIndex: failsOn };
		const expected = [...outputs.slice(0, failsOn), failed, ...outputs.slice(failsOn)];
		expect(continued.result.error).toBeUndefined();
		expect(continued.json).toEqual(expected);
		expect(continued.result.output('SMSC').map((item) => item.pairedItem)).toEqual(
			expected.map((_, item) => ({ item })),
		);
		return runs;
	};
	/**
	 * Runs the operation as an account whose password was changed elsewhere: the run stops with
	 * SMSC's error 2 as a NodeApiError, or with Continue On Fail outputs it as the item's error.
	 */
	const expectRejectedLogin = async (operation: string, fields: Record<string, unknown> = {}) => {
		const login = newAccount(emu);
		emu.updateAccount({ login, psw: 'changed-elsewhere' });
		await expectItemFails(login, operation, {
			fields,
			error: 'NodeApiError',
			message: /rejected the login and password or the API key \(error 2\)/,
		});
	};
	/** Runs the operation as a new account with nothing to list: it succeeds with no items. */
	const expectNothingListed = async (
		operation: string,
		fields: Record<string, unknown> = {},
	): Promise<RunResult> => {
		const listed = await run(newAccount(emu), operation, fields);
		expect(listed.result.error).toBeUndefined();
		expect(listed.json).toEqual([]);
		return listed;
	};
	return Object.assign(parameters, {
		run,
		expectItemFails,
		expectRejectedLogin,
		expectNothingListed,
	});
}

/** `count` items, and no two of them with the same `key` (a record output twice, or a page read twice). */
export function expectEachOnce(json: IDataObject[], count: number, key = 'id'): void {
	expect(json).toHaveLength(count);
	expect(new Set(json.map((item) => item[key])).size).toBe(count);
}

/** The run stopped on bad input before any request: a NodeOperationError with this message. */
export function expectRefused(run: Pick<RunResult, 'result' | 'requests'>, message: RegExp): void {
	expect(run.result.error?.errorName).toBe('NodeOperationError');
	expect(run.result.error?.message).toMatch(message);
	expect(run.requests).toEqual([]);
}

/** The run succeeded and made exactly these requests. */
export function expectRequests(
	run: Pick<RunResult, 'result' | 'requests'>,
	requests: Array<Record<string, string>>,
): void {
	expect(run.result.error).toBeUndefined();
	expect(run.requests).toEqual(requests);
}

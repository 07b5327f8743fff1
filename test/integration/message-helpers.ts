/** Shared by the Message tests: runs of the SMSC node as an emulator account, and what SMSC received. */
import type { IDataObject } from 'n8n-workflow';

import type { RunningEmulator } from '../emulator';
import { runNode, smscCredentials } from '../support/smsc';
import type { RunNodeOptions } from '../support/smsc';
import { newAccount as senderAccount, PASSWORD } from './senderName-helpers';

export { PASSWORD, smscApi } from './senderName-helpers';

/** A fresh account per test: SMSC refuses an identical send within a minute (error 9). */
export function newAccount(emu: RunningEmulator, balance?: number): string {
	return senderAccount(emu, balance === undefined ? {} : { balance });
}

/** The `script` requests SMSC received from `login` so far, without the parameters every request carries. */
export function requests(emu: RunningEmulator, login: string, script = 'send'): Array<Record<string, string>> {
	return emu
		.getLog({ login })
		.filter((entry) => entry.script === script)
		.map(({ params }) => {
			const { login: _l, psw: _p, fmt: _f, charset: _c, ...rest } = params as Record<string, string>;
			return rest;
		});
}

export interface MessageRunOptions extends Pick<RunNodeOptions, 'items' | 'continueOnFail'> {
	/** Default the account's own password. */
	password?: string;
}

/** Runs a Message operation as `login`; `requests` are all send.php requests of the account so far. */
export async function runMessage(emu: RunningEmulator, login: string, parameters: IDataObject, options: MessageRunOptions = {}) {
	const { result, json } = await runNode(emu.url, { resource: 'message', ...parameters }, {
		items: options.items,
		continueOnFail: options.continueOnFail,
		credentials: smscCredentials(emu.url, { login, password: options.password ?? PASSWORD }),
	});
	return { result, json, output: result.error ? [] : result.output('SMSC'), requests: requests(emu, login) };
}

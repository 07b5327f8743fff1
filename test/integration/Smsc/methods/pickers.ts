import { SmscApi } from '../../../../credentials/SmscApi.credentials';
import { Smsc } from '../../../../nodes/Smsc/Smsc.node';
import type { RunningEmulator } from '../../../emulator';
import { loadOptions } from '../../../harness';
import { PASSWORD, newAccount } from '../../../support/accounts';
import { smscCredentials } from '../../../support/smsc';

/** What the harness needs to call one of the node's pickers for an emulator account, on the given resource and operation. */
export function pickerOptions(
	emu: RunningEmulator,
	login: string,
	parameters: { resource: string; operation: string },
) {
	return {
		parameters,
		credentials: smscCredentials(emu.url, { login, password: PASSWORD }),
		credentialTypes: [new SmscApi()],
	};
}

/** Adds the test that a picker fails with SMSC's English error 2 once the account's password was changed elsewhere. */
export function itFailsOnRejectedLogin(
	emulator: () => RunningEmulator,
	method: string,
	parameters: { resource: string; operation: string },
): void {
	it('fails with the English SMSC error when the login is rejected', async () => {
		const emu = emulator();
		const login = newAccount(emu);
		emu.updateAccount({ login, psw: 'changed-elsewhere' });
		await expect(
			loadOptions(new Smsc(), method, pickerOptions(emu, login, parameters)),
		).rejects.toThrow(/rejected the login and password or the API key \(error 2\)/);
	});
}

import { SmscApi } from '../../../../credentials/SmscApi.credentials';
import { Smsc } from '../../../../nodes/Smsc/Smsc.node';
import type { LogEntry } from '../../../emulator';
import { loadOptions } from '../../../harness';
import { PASSWORD, newAccount } from '../../../support/accounts';
import { useEmulator } from '../../../support/emulator';
import { smscCredentials } from '../../../support/smsc';

type PickerParameters = { resource: string; operation: string } & Record<string, string>;

/**
 * The node's pickers on the given resource and operation, for the emulator of the test file:
 * what the harness needs to call one for an account, and the tests every picker has.
 */
export function usePickers(parameters: PickerParameters) {
	const emu = useEmulator();

	/** `on`: other node parameters than the file's, e.g. another operation or channel. */
	const pickerOptions = (login: string, on: PickerParameters = parameters) => ({
		parameters: on,
		credentials: smscCredentials(emu.url, { login, password: PASSWORD }),
		credentialTypes: [new SmscApi()],
	});

	/**
	 * Adds the test that a picker gives an empty list for an account `without` anything to list
	 * (SMSC error 3, "records not found"), from the one request `pickerRequests` finds; `seed`
	 * adds to the account what the picker must not list.
	 */
	function itGivesEmptyList(
		method: string,
		{
			without,
			seed = async () => {},
			pickerRequests,
		}: {
			without: string;
			seed?: (login: string) => Promise<unknown>;
			pickerRequests: (login: string) => LogEntry[];
		},
	): void {
		it(`gives an empty list for an account without ${without} (SMSC error 3)`, async () => {
			const login = newAccount(emu);
			await seed(login);
			expect(await loadOptions(new Smsc(), method, pickerOptions(login))).toEqual([]);
			expect(pickerRequests(login).map((entry) => entry.errorCode)).toEqual([3]);
		});
	}

	/** Adds the test that a picker fails with SMSC's English error 2 once the account's password was changed elsewhere. */
	function itFailsOnRejectedLogin(method: string): void {
		it('fails with the English SMSC error when the login is rejected', async () => {
			const login = newAccount(emu);
			emu.updateAccount({ login, psw: 'changed-elsewhere' });
			await expect(loadOptions(new Smsc(), method, pickerOptions(login))).rejects.toThrow(
				/rejected the login and password or the API key \(error 2\)/,
			);
		});
	}

	return { emu, pickerOptions, itGivesEmptyList, itFailsOnRejectedLogin };
}

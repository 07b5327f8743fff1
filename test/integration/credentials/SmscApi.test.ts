import { SmscApi } from '../../../credentials/SmscApi.credentials';
import { useEmulator } from '../../support/emulator';
import { runCredentialTest } from '../../harness/credential-test';
import { findSecrets } from '../../support/secrets';

const emu = useEmulator({
	accounts: [{ login: 'cred', psw: 'Cred-Pw-1', apikey: 'Cred-Key-1' }],
});
const credential = new SmscApi();
const data = (extra: Record<string, unknown>) => ({
	server: 'custom',
	baseUrl: `${emu.url}/`,
	...extra,
});

describe('SmscApi credential test (balance.php)', () => {
	it('passes with the right login and password, sent in the POST body', async () => {
		emu.resetLog();
		const result = await runCredentialTest(
			credential,
			data({ authentication: 'password', login: 'cred', password: 'Cred-Pw-1' }),
		);
		expect(result).toMatchObject({ status: 'OK' });
		const [entry] = emu.getLog({ script: 'balance' });
		expect(entry).toMatchObject({ method: 'POST', path: '/sys/balance.php', login: 'cred' });
		expect(entry.params).toMatchObject({ fmt: '3', psw: '***' });
	});

	it('passes with the right API key', async () => {
		const result = await runCredentialTest(
			credential,
			data({ authentication: 'apiKey', apiKey: 'Cred-Key-1' }),
		);
		expect(result).toMatchObject({ status: 'OK' });
	});

	it.each([
		[
			'a wrong password',
			{ authentication: 'password', login: 'cred', password: 'not-the-password' },
		],
		['an unknown login', { authentication: 'password', login: 'nobody', password: 'Cred-Pw-1' }],
		['a wrong API key', { authentication: 'apiKey', apiKey: 'not-the-key' }],
	])('fails in plain English with %s, without echoing the secret', async (_, extra) => {
		const result = await runCredentialTest(credential, data(extra));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/SMSC rejected the login and password or the API key \(error 2\)/,
		);
		expect(findSecrets(result, ['not-the-password', 'not-the-key', 'Cred-Pw-1'])).toEqual([]);
	});

	it('fails when the server answers, but not like SMSC', async () => {
		emu.failNext({ mode: 'html', status: 200 });
		const result = await runCredentialTest(
			credential,
			data({ authentication: 'password', login: 'cred', password: 'Cred-Pw-1' }),
		);
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringMatching(/answered, but not like SMSC: no balance came back/),
		});
	});

	it('fails when the server does not answer at all', async () => {
		const result = await runCredentialTest(credential, {
			server: 'custom',
			baseUrl: 'http://127.0.0.1:9',
			authentication: 'password',
			login: 'cred',
			password: 'Cred-Pw-1',
		});
		expect(result.status).toBe('Error');
		expect(findSecrets(result, ['Cred-Pw-1'])).toEqual([]);
	});

	it.each([404, 405])(
		'names a wrong Base URL when the server answers HTTP %d (no SMSC API there)',
		async (status) => {
			const baseUrl = status === 404 ? `${emu.url}/not-smsc` : emu.url;
			if (status === 405) emu.failNext({ mode: 'html', status: 405 });
			const result = await runCredentialTest(credential, {
				server: 'custom',
				baseUrl,
				authentication: 'password',
				login: 'cred',
				password: 'Cred-Pw-1',
			});
			expect(result).toEqual({
				status: 'Error',
				message: expect.stringMatching(/answered, but not like SMSC.*Base URL/),
			});
		},
	);
});

import { useEmulator } from '../../../../support/emulator';
import { newAccount, resourceRuns, runAs, smscApi } from '../../../../support/accounts';
import { schemaViolations } from '../../../../support/schema';

const emu = useEmulator();

const request = (phone: string) => ({ resource: 'callVerification', operation: 'request', phone });
const callVerification = resourceRuns(emu, 'callVerification', 'wait_call');
const NUMBERS = ['74950000101', '74950000102', '74950000103'];
const FIFTEEN_MINUTES = 15 * 60 * 1000;

describe('Call Verification: Request', () => {
	it('asks SMSC to wait for the call and outputs the number to call and when the window ends', async () => {
		const login = newAccount(emu, { waitCallNumbers: NUMBERS });
		const before = Date.now();
		const { json, requests, result } = await runAs(
			emu,
			login,
			'wait_call',
			request(' +7 (999) 123-45-67 '),
		);
		const after = Date.now();
		expect(result.error).toBeUndefined();
		expect(requests).toEqual([{ phone: '+79991234567' }]);
		expect(json).toEqual([
			{
				phone: '+79991234567',
				callTo: '74950000101',
				allPhones: NUMBERS,
				expiresAt: expect.any(String),
			},
		]);
		expect(schemaViolations('callVerification', 'request', json[0])).toEqual([]);
		const expiresAt = Date.parse(json[0].expiresAt as string);
		expect(expiresAt).toBeGreaterThanOrEqual(before + FIFTEEN_MINUTES);
		expect(expiresAt).toBeLessThanOrEqual(after + FIFTEEN_MINUTES);

		// The subscriber calls the number the node gave; SMSC records it as an incoming "[waitcall]".
		const call = emu.completeWaitCall({ login, phone: '79991234567' });
		expect(call.to).toBe(json[0].callTo);
		expect(emu.getIncoming({ login })).toEqual([
			expect.objectContaining({ phone: '79991234567', mes: '[waitcall]', to: '74950000101' }),
		]);
	});

	it('makes one request per input item', async () => {
		const login = newAccount(emu, { waitCallNumbers: NUMBERS });
		const { json, requests } = await runAs(emu, login, 'wait_call', request('={{ $json.phone }}'), {
			items: [{ phone: '79991110001' }, { phone: '+380501112233' }],
		});
		expect(requests).toEqual([{ phone: '79991110001' }, { phone: '+380501112233' }]);
		expect(json.map((item) => [item.phone, item.callTo])).toEqual([
			['79991110001', '74950000101'],
			['+380501112233', '74950000102'],
		]);
		expect(
			emu
				.getWaitCalls({ login })
				.map((call) => call.phone)
				.sort(),
		).toEqual(['380501112233', '79991110001']);
	});

	it.each(['call me', '12-34', '+7999123456789012'])(
		'refuses the phone %p before any request',
		async (phone) => {
			const login = newAccount(emu);
			const { result, requests } = await runAs(emu, login, 'wait_call', request(phone));
			expect(result.error?.errorName).toBe('NodeOperationError');
			expect(result.error?.message).toMatch(
				/is not a phone number in international format, e\.g\. \+79991234567/,
			);
			expect(requests).toEqual([]);
		},
	);

	it('fails for a blacklisted phone, or with continueOnFail outputs the error and goes on', async () => {
		const login = newAccount(emu);
		await smscApi(emu, login, 'phones', { add_black: 1, phone: '79992220001' });
		const { stopped } = await callVerification.expectItemFails(login, 'request', {
			fields: { phone: '={{ $json.phone }}' },
			items: [{ phone: '+79992220001' }, { phone: '+79992220002' }],
			error: 'NodeApiError',
			message: /The phone number is on the account blacklist.*\(error 5\)/,
			outputs: [expect.objectContaining({ phone: '+79992220002', callTo: expect.any(String) })],
		});
		expect(stopped.requests).toEqual([{ phone: '+79992220001' }]);
	});

	it('explains an empty balance', async () => {
		const login = newAccount(emu, { balance: 0 });
		const { result } = await runAs(emu, login, 'wait_call', request('+79993330001'));
		expect(result.error?.message).toMatch(
			/Not enough money on the SMSC account for a call verification \(error 3\)/,
		);
	});
});

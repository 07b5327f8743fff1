import { useEmulator } from '../../../../support/emulator';
import { forResource, newAccount, runAs } from '../../../../support/accounts';

const emu = useEmulator();

const senderName = forResource('senderName');

describe('Sender Name: Send Verification Code', () => {
	it('sending a code to an unregistered name says to create it first', async () => {
		const login = newAccount(emu);
		const parameters = senderName('sendCode', { senderName: '79990000000' });
		const stopped = await runAs(emu, login, 'senders', parameters);
		expect(stopped.result.error?.message).toMatch(
			/no sender name "79990000000": create it with the Create operation first \(SMSC error 3: "records not found"\)/,
		);
		const continued = await runAs(emu, login, 'senders', parameters, { continueOnFail: true });
		expect(continued.json).toEqual([
			{ error: expect.stringMatching(/create it with the Create operation first/), itemIndex: 0 },
		]);
	});
});

import { newAccount } from '../../../../support/accounts';
import { useSenderNames } from '../../../../support/resources';

const { emu, senderName } = useSenderNames();

describe('Sender Name: Send Verification Code', () => {
	it('sending a code to an unregistered name says to create it first', async () => {
		const login = newAccount(emu);
		const { stopped, continued } = await senderName.stopAndContinue(login, 'sendCode', {
			senderName: '79990000000',
		});
		expect(stopped.result.error?.message).toMatch(
			/no sender name "79990000000": create it with the Create operation first \(SMSC error 3: "records not found"\)/,
		);
		expect(continued.json).toEqual([
			{ error: expect.stringMatching(/create it with the Create operation first/), itemIndex: 0 },
		]);
	});
});

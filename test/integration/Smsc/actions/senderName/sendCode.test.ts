import { newAccount } from '../../../../support/accounts';
import { useSenderNames } from '../../../../support/resources';

const { emu, senderName } = useSenderNames();

describe('Sender Name: Send Verification Code', () => {
	it('sending a code to an unregistered name says to create it first', async () => {
		const login = newAccount(emu);
		await senderName.expectItemFails(login, 'sendCode', {
			fields: { senderName: '79990000000' },
			error: 'NodeApiError',
			message:
				/no sender name "79990000000": create it with the Create operation first \(SMSC error 3: "records not found"\)/,
		});
	});
});

import { newAccount } from '../../../../support/accounts';
import { usePhoneBook } from '../../../../support/resources';

const { emu, blacklist } = usePhoneBook();

// Unblocking a listed number: addressBook.test.ts, beside Contact: Delete (both removeAddress).
describe('Blacklist: Remove', () => {
	it('names a number that is not listed, or with continueOnFail outputs that error', async () => {
		const login = newAccount(emu);
		await blacklist.expectItemFails(login, 'remove', {
			fields: { phone: '+79990002299' },
			error: 'NodeApiError',
			message: /The phone \+79990002299 is not on the SMSC blacklist \(SMSC error 3\)/,
		});
	});
});

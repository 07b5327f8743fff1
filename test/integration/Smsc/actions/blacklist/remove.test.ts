import { newAccount, phonesApi } from '../../../../support/accounts';
import { usePhoneBook } from '../../../../support/resources';

const { emu, blacklist, seedBlocked } = usePhoneBook();

describe('Blacklist: Remove', () => {
	it('unblocks the number', async () => {
		const login = newAccount(emu);
		await seedBlocked(login, '79990002201');
		await seedBlocked(login, '79990002202');
		const { json, requests } = await blacklist.run(login, 'remove', { phone: '+79990002201' });
		expect(requests).toEqual([{ del_black: '1', phone: '+79990002201' }]);
		expect(json).toEqual([{ success: true, phone: '+79990002201' }]);
		const left = await phonesApi(emu, login, { get_black: 1 });
		expect(left.map((row: { phone: string }) => row.phone)).toEqual(['79990002202']);
	});

	it('names a number that is not listed, or with continueOnFail outputs that error', async () => {
		const login = newAccount(emu);
		await blacklist.expectItemFails(login, 'remove', {
			fields: { phone: '+79990002299' },
			error: 'NodeApiError',
			message: /The phone \+79990002299 is not on the SMSC blacklist \(SMSC error 3\)/,
		});
	});
});

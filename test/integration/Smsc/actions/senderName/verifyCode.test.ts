import { expectRefused, expectRequests, newAccount, smscApi } from '../../../../support/accounts';
import { useSenderNames } from '../../../../support/resources';

const { emu, senderName, seedSender, allSenders } = useSenderNames();

describe('Sender Name: Send Verification Code and Verify Code', () => {
	it('sends a code to a digital name and activates the name with it', async () => {
		const login = newAccount(emu);
		await seedSender(login, 'MyShop');
		await seedSender(login, '79991234567');
		const sent = await senderName.run(login, 'sendCode', {
			senderName: '79991234567',
			additionalFields: { site: 'MyShop', siteName: 'shop.example.com' },
		});
		expectRequests(sent, [
			{ send_code: '1', sender: '79991234567', site: 'MyShop', site_name: 'shop.example.com' },
		]);
		expect(sent.json).toEqual([
			{ codeSent: true, sender: '79991234567', site: 'MyShop', siteName: 'shop.example.com' },
		]);

		const { code } = emu.getSenderCode({ login, sender: '79991234567' });
		expect(code).toMatch(/^\d+$/);
		const verified = await senderName.run(login, 'verifyCode', {
			senderName: '79991234567',
			code: ` ${code} `,
		});
		expect(verified.requests).toEqual([{ check_code: '1', sender: '79991234567', code }]);
		expect(verified.json).toEqual([{ verified: true, sender: '79991234567' }]);
		const active = await smscApi(emu, login, 'senders', { get: 1 });
		expect(active.map((row: { sender: string }) => row.sender)).toContain('79991234567');
	});

	it('refuses a letter name or an empty code before any request', async () => {
		const login = newAccount(emu);
		expectRefused(
			await senderName.run(login, 'sendCode', { senderName: 'MyShop' }),
			/"MyShop" is not a digital sender name/,
		);
		expectRefused(
			await senderName.run(login, 'verifyCode', { senderName: '79991234567', code: '  ' }),
			/The Code is empty/,
		);
	});

	it('a wrong code fails, or with continueOnFail becomes an error item, and the name stays pending', async () => {
		const login = newAccount(emu);
		await seedSender(login, '79991234567');
		await smscApi(emu, login, 'senders', { send_code: 1, sender: '79991234567' });
		const { code } = emu.getSenderCode({ login, sender: '79991234567' });
		const wrong = code === '0000' ? '1111' : '0000';
		await senderName.expectItemFails(login, 'verifyCode', {
			fields: { senderName: '79991234567', code: wrong },
			error: 'NodeApiError',
			message: /did not accept the code for "79991234567".*\(SMSC error 5: "operation error"\)/,
		});
		const [stored] = await allSenders(login);
		expect(stored).toMatchObject({ sender: '79991234567', status: 0 });
	});
});

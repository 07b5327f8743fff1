import { useEmulator } from '../../../../support/emulator';
import { messageAccount } from '../../../../support/accounts';
import { messages } from '../../../../support/resources';

const emu = useEmulator();

const { requests, run, sendDirect } = messages(emu);

describe('Message: Delete', () => {
	it('deletes each message with del=1, after which it is not found', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		const sent = await sendDirect(login, { phones: '79991234567,79991234568', mes: 'Bye' });
		const { json, result } = await run(login, 'delete', {
			messageId: String(sent.id),
			phones: '79991234567, 79991234568',
		});
		expect(result.error).toBeUndefined();
		expect(requests(login, 'status')).toEqual([
			{ id: '1', phone: '79991234567', del: '1' },
			{ id: '1', phone: '79991234568', del: '1' },
		]);
		expect(json).toEqual([
			{ id: '1', phone: '79991234567', deleted: true, result: 'OK' },
			{ id: '1', phone: '79991234568', deleted: true, result: 'OK' },
		]);
		expect(emu.getMessages({ login }).every((m) => m.deleted)).toBe(true);
	});

	it('fails for an unknown message, or outputs the error with Continue On Fail', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		const off = await run(login, 'delete', { messageId: '99', phones: '79991234567' });
		expect(off.result.error?.message).toMatch(/no message with this id for this phone \(error 3\)/);
		const on = await run(
			login,
			'delete',
			{ messageId: '99', phones: '79991234567' },
			{ continueOnFail: true },
		);
		expect(on.json).toEqual([
			{ error: expect.stringMatching(/error 3.*\[item 0\]/), itemIndex: 0 },
		]);
	});
});

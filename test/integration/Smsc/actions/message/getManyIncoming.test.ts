import { useEmulator } from '../../../../support/emulator';
import { messageAccount } from '../../../../support/accounts';
import { messages } from '../../../../support/resources';

const emu = useEmulator();

const { requests, run } = messages(emu);

describe('Message: Get Many Incoming', () => {
	it('returns incoming messages oldest first and pages with after_id', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		for (let i = 0; i < 5; i++)
			emu.injectIncoming({
				login,
				phone: `7999000000${i}`,
				mes: `Reply ${i}`,
				to: i % 2 ? '74950000101' : '74950000102',
			});
		const first = await run(login, 'getManyIncoming', { limit: 2, filters: { afterId: 0 } });
		expect(first.result.error).toBeUndefined();
		expect(first.json.map((m) => m.message)).toEqual(['Reply 0', 'Reply 1']);
		const rest = await run(login, 'getManyIncoming', {
			returnAll: true,
			filters: { afterId: first.json[1].id },
		});
		expect(rest.json.map((m) => m.message)).toEqual(['Reply 2', 'Reply 3', 'Reply 4']);
		const toPhone = await run(login, 'getManyIncoming', {
			returnAll: true,
			filters: { hours: 2, toPhone: '74950000101' },
		});
		expect(toPhone.json.map((m) => m.message)).toEqual(['Reply 1', 'Reply 3']);
		expect(requests(login, 'get')).toEqual([
			{ get_answers: '1', after_id: '0', cnt: '2' },
			{ get_answers: '1', after_id: String(first.json[1].id), cnt: '10000' },
			{ get_answers: '1', hour: '2', to_phone: '74950000101', cnt: '10000' },
		]);
	});

	it('reads a blank After ID (an expression with no ID yet) as 0: from the first message', async () => {
		const login = messageAccount(emu);
		emu.injectIncoming({ login, phone: '79990000001', mes: 'First', to: '74950000101' });
		const blank = await run(login, 'getManyIncoming', { filters: { afterId: '={{ " " }}' } });
		expect(blank.json.map((m) => m.message)).toEqual(['First']);
		expect(requests(login, 'get')).toEqual([{ get_answers: '1', after_id: '0', cnt: '50' }]);
	});

	it('returns nothing when there is nothing (error 3 is an empty list)', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		const { json, result } = await run(login, 'getManyIncoming', { returnAll: true });
		expect(result.error).toBeUndefined();
		expect(json).toEqual([]);
	});

	it('refuses After ID together with Last Hours', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		const off = await run(login, 'getManyIncoming', { filters: { afterId: 5, hours: 3 } });
		expect(off.result.error?.message).toMatch(/either After ID or Last Hours.*\[item 0\]/);
		const on = await run(
			login,
			'getManyIncoming',
			{ filters: { afterId: 5, hours: 3 } },
			{ continueOnFail: true },
		);
		expect(on.json).toEqual([
			{ error: expect.stringMatching(/either After ID or Last Hours/), itemIndex: 0 },
		]);
		expect(requests(login, 'get')).toEqual([]);
	});

	it('refuses a To Phone Number filter that is not a phone number, before any request', async () => {
		const login = messageAccount(emu);
		const { result } = await run(login, 'getManyIncoming', { filters: { toPhone: 'office' } });
		expect(result.error?.errorName).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(/^The To Phone Number "office" is not a phone number/);
		expect(requests(login, 'get')).toEqual([]);
	});
});

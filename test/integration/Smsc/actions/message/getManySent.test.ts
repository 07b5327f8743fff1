import { useEmulator } from '../../../../support/emulator';
import { expectEachOnce, messageAccount } from '../../../../support/accounts';
import { messages } from '../../../../support/resources';

const emu = useEmulator();

const { requests, run, sendDirect } = messages(emu);

describe('Message: Get Many Sent', () => {
	it('returns up to Limit messages, newest first, with decoded statuses and filters', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		for (let i = 0; i < 4; i++)
			await sendDirect(login, { phones: `7999123456${i}`, mes: `History ${i}` });
		const { json, result } = await run(login, 'getManySent', { limit: 3, filters: { phone: '' } });
		expect(result.error).toBeUndefined();
		expect(requests(login, 'get')).toEqual([{ get_messages: '1', cnt: '3' }]);
		expect(json.map((m) => m.message)).toEqual(['History 3', 'History 2', 'History 1']);
		expect(json[0]).toMatchObject({
			statusName: expect.any(String),
			cost: 2.5,
			int_id: expect.any(Number),
		});

		const filtered = await run(login, 'getManySent', {
			returnAll: true,
			filters: {
				phone: '+79991234561',
				startDate: '2020-01-01T00:00:00',
				endDate: '2020-05-01T00:00:00',
			},
		});
		expect(requests(login, 'get')[1]).toEqual({
			get_messages: '1',
			cnt: '1000',
			phone: '+79991234561',
			start: '01.01.2020',
			end: '01.05.2020',
		});
		expect(filtered.json).toEqual([]);
	});

	it('pages with prev_id for Return All', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		const list = Array.from(
			{ length: 1003 },
			(_, i) => `7999${String(i).padStart(7, '0')}:Bulk`,
		).join('\n');
		expect(await sendDirect(login, { list })).toMatchObject({ cnt: 1003 });
		const { json, result } = await run(login, 'getManySent', { returnAll: true });
		expect(result.error).toBeUndefined();
		const gets = requests(login, 'get');
		expect(gets).toHaveLength(2);
		expect(gets[0]).toEqual({ get_messages: '1', cnt: '1000' });
		expect(gets[1]).toEqual({ get_messages: '1', cnt: '1000', prev_id: String(json[999].int_id) });
		expectEachOnce(json, 1003, 'phone');
	});

	it('refuses a range longer than six months', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		const { result } = await run(login, 'getManySent', {
			filters: { startDate: '2024-01-01', endDate: '2024-12-01' },
		});
		expect(result.error?.message).toMatch(/at most six months/);
		expect(requests(login, 'get')).toEqual([]);
	});

	it('refuses a Phone Number filter that is not a phone number, in the words every phone field uses', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		const refused = await run(login, 'getManySent', { filters: { phone: '12ab' } });
		expect(refused.result.error?.message).toMatch(
			/^The Phone Number "12ab" is not a phone number in international format, e\.g\. \+79991234567\./,
		);
		expect(requests(login, 'get')).toEqual([]);
	});
});

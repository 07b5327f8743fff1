import { expectEachOnce, newAccount } from '../../../../support/accounts';
import { useSenderNames } from '../../../../support/resources';
import { schemaViolations } from '../../../../support/schema';

const { emu, senderName, seedSender } = useSenderNames();

describe('Sender Name: Get Many', () => {
	/** A new account with four names, Alpha, Beta, 79990001122 and Gamma, as SMSC's Get lists them. */
	async function accountOfFour(): Promise<string> {
		const login = newAccount(emu);
		await seedSender(login, 'Alpha', { cmt: 'a', mts_step: 1 });
		await seedSender(login, 'Beta');
		await seedSender(login, '79990001122'); // digital: pending until confirmed
		await seedSender(login, 'Gamma');
		return login;
	}

	it('lists every name, newest first, with numeric ids', async () => {
		const login = await accountOfFour();
		const { json, requests } = await senderName.run(login, 'getAll', {
			returnAll: true,
			filters: { activeOnly: false },
		});
		expect(requests).toEqual([{ get: '1', all: '1', cnt: '15000' }]);
		expect(json.map((row) => row.sender)).toEqual(['Gamma', '79990001122', 'Beta', 'Alpha']);
		expect(json[3]).toEqual({ id: expect.any(Number), sender: 'Alpha', cmt: 'a', status: 1 });
		expect(json[1]).toMatchObject({ status: 0 });
	});

	it('Status Changed Since (from_date) and Include Documents (files=1): one request, documents listed', async () => {
		const login = await accountOfFour();
		const since = await senderName.run(login, 'getAll', {
			returnAll: true,
			filters: { changedSince: '2020-01-01' },
			options: { operatorStatuses: false, documents: true },
		});
		expect(since.result.error).toBeUndefined();
		expect(since.requests).toEqual([
			{ get: '1', files: '1', from_date: '01.01.2020', cnt: '15000' },
		]);
		expect(since.json.map((row) => row.sender).sort()).toEqual(['Alpha', 'Beta', 'Gamma']);
		expect(since.json[0]).toMatchObject({ files: [] });
		const later = await senderName.run(login, 'getAll', {
			returnAll: false,
			limit: 2,
			filters: { changedSince: '2099-01-01' },
		});
		expect(later.result.error).toBeUndefined();
		expect(later.json).toEqual([]);
		expect(later.requests.at(-1)).toMatchObject({ from_date: '01.01.2099', cnt: '2' });
		const bad = await senderName.run(login, 'getAll', {
			returnAll: true,
			filters: { changedSince: '={{ "someday" }}' },
		});
		expect(bad.result.error?.message).toMatch(/Status Changed Since "someday" is not a date/);
	});

	it('keeps only active names and adds operator statuses when asked', async () => {
		const login = await accountOfFour();
		const { json, requests } = await senderName.run(login, 'getAll', {
			returnAll: true,
			filters: { activeOnly: true },
			options: { operatorStatuses: true },
		});
		expect(requests).toEqual([{ get: '1', operators: '1', cnt: '15000' }]);
		expect(json.map((row) => row.sender)).toEqual(['Gamma', 'Beta', 'Alpha']);
		expect(json[2]).toMatchObject({ sender: 'Alpha', operators: { mts_step: 0 } });
		expect(json.flatMap((row) => schemaViolations('senderName', 'getAll', row))).toEqual([]);
	});

	it('asks for no more than the limit', async () => {
		const login = await accountOfFour();
		const { json, requests } = await senderName.run(login, 'getAll', {
			returnAll: false,
			limit: 2,
			filters: { activeOnly: false },
		});
		expect(requests).toEqual([{ get: '1', all: '1', cnt: '2' }]);
		expect(json.map((row) => row.sender)).toEqual(['Gamma', '79990001122']);
	});

	it("pages with prev_id past SMSC's 15000 names per request", async () => {
		const login = newAccount(emu);
		// 15002 names through HTTP would take minutes; the emulator's own state takes them at once.
		const account = emu.mustAccount(login);
		for (let i = 0; i < 15002; i++) {
			const id = account.nextSenderId++;
			const sender = `N${id}`;
			account.senders.set(id, {
				id,
				sender,
				cmt: '',
				status: 1,
				mail: false,
				name: '',
				operators: {},
				fields: {},
				createdAt: 0,
				changedAt: 0,
			});
			account.senderByName.set(sender.toLowerCase(), id);
		}
		const { json, requests } = await senderName.run(login, 'getAll', { returnAll: true });
		expect(requests).toEqual([
			{ get: '1', cnt: '15000' },
			{ get: '1', cnt: '15000', prev_id: '3' },
		]);
		expectEachOnce(json, 15002);
		expect(json.slice(-2).map((row) => row.id)).toEqual([2, 1]);
	});

	it('outputs nothing for an account without names', async () => {
		const { requests } = await senderName.expectNothingListed('getAll', { returnAll: true });
		expect(requests).toHaveLength(1);
	});

	it('fails with a wrong password, or with continueOnFail outputs the error', async () => {
		await senderName.expectRejectedLogin('getAll', { returnAll: true });
	});
});

describe("Sender Name: Get Many with SMSC's defaults", () => {
	it("with no filter asks with SMSC's default all=0 and lists active names only", async () => {
		const login = newAccount(emu, { senders: ['MyShop'] });
		await seedSender(login, '79990001122'); // digital: pending until confirmed
		const { json, requests } = await senderName.run(login, 'getAll', { returnAll: true });
		expect(requests.at(-1)).not.toHaveProperty('all');
		expect(json.map((row) => row.name ?? row.sender)).toEqual(['MyShop']);
		const every = await senderName.run(login, 'getAll', {
			returnAll: true,
			filters: { activeOnly: false },
		});
		expect(every.requests.at(-1)).toMatchObject({ all: '1' });
		expect(every.json).toHaveLength(2);
	});
});

describe('Sender Name: Get Many of a sub-client (user)', () => {
	it("lists the sub-client's names, not the account's own, and names a login that is not its sub-client", async () => {
		const main = newAccount(emu, { senders: ['MainName'] });
		const sub = newAccount(emu, { senders: ['SubName'], parent: main });
		const listed = await senderName.run(main, 'getAll', { returnAll: true, subClient: sub });
		expect(listed.result.error).toBeUndefined();
		expect(listed.requests).toEqual([{ get: '1', user: sub, cnt: '15000' }]);
		expect(listed.json.map((row) => row.sender)).toEqual(['SubName']);

		const stranger = newAccount(emu);
		const refused = await senderName.run(main, 'getAll', { returnAll: true, subClient: stranger });
		expect(refused.result.error?.message).toMatch(
			new RegExp(
				`request for the sub-client "${stranger}" \\(error 2\\).*is a sub-client of this account`,
			),
		);
	});
});

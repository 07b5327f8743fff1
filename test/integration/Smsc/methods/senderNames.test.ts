import { Smsc } from '../../../../nodes/Smsc/Smsc.node';
import { listSearch, loadOptions } from '../../../harness';
import { newAccount, seedSender, withoutTransport } from '../../../support/accounts';
import { usePickers } from './pickers';

const { emu, pickerOptions, itGivesEmptyList, itFailsOnRejectedLogin } = usePickers({
	resource: 'message',
	operation: 'send',
});

/** Active names (one with a comment), a digital name still pending, and a rejected name. */
async function seedSenders(login: string): Promise<void> {
	await seedSender(emu, login, 'Shop', { cmt: 'order notices' });
	await seedSender(emu, login, 'alerts');
	await seedSender(emu, login, 'Banned');
	emu.setSenderStatus({ login, sender: 'Banned', status: 2 });
	await seedSender(emu, login, '79990001122');
	await seedSender(emu, login, 'News');
}

function pickerRequests(login: string) {
	return emu.getLog({ login, script: 'senders' }).filter((entry) => entry.params.get !== undefined);
}

describe('getSenderNames (loadOptions)', () => {
	it('lists the active sender names alphabetically, valued by name, with the comment as description', async () => {
		const login = newAccount(emu);
		await seedSenders(login);
		const options = await loadOptions(new Smsc(), 'getSenderNames', pickerOptions(login));
		expect(options).toEqual([
			{ name: 'alerts', value: 'alerts' },
			{ name: 'News', value: 'News' },
			{ name: 'Shop', value: 'Shop', description: 'order notices' },
		]);
		const requests = pickerRequests(login);
		expect(requests.map((entry) => withoutTransport(entry.params))).toEqual([{ get: '1' }]);
	});

	itGivesEmptyList('getSenderNames', {
		without: 'active names',
		seed: async (login) => await seedSender(emu, login, '79990001122'),
		pickerRequests,
	});

	itFailsOnRejectedLogin('getSenderNames');
});

describe('searchSenderNames (listSearch)', () => {
	it('says in the list that only approved names appear when the account has none (not a bare "No results")', async () => {
		const login = newAccount(emu);
		await seedSender(emu, login, 'Pending');
		emu.setSenderStatus({ login, sender: 'Pending', status: 0 });
		for (const filter of [undefined, 'pen']) {
			const { results } = await listSearch(new Smsc(), 'searchSenderNames', {
				...pickerOptions(login),
				filter,
			});
			expect(results).toEqual([
				{
					name: 'No approved sender names yet: add one with Sender Name > Create (it appears here once the SMSC moderator approves it), or enter a name (mode By Name)',
					value: '',
				},
			]);
		}
	});

	it('lists every active name without a filter', async () => {
		const login = newAccount(emu);
		await seedSenders(login);
		const { results } = await listSearch(new Smsc(), 'searchSenderNames', pickerOptions(login));
		expect(results).toEqual([
			{ name: 'alerts', value: 'alerts' },
			{ name: 'News', value: 'News' },
			{ name: 'Shop (order notices)', value: 'Shop' },
		]);
	});

	it('matches the filter against names and comments, ignoring case', async () => {
		const login = newAccount(emu);
		await seedSenders(login);
		const byName = await listSearch(new Smsc(), 'searchSenderNames', {
			...pickerOptions(login),
			filter: 'NEW',
		});
		expect(byName.results).toEqual([{ name: 'News', value: 'News' }]);
		const byComment = await listSearch(new Smsc(), 'searchSenderNames', {
			...pickerOptions(login),
			filter: 'order',
		});
		expect(byComment.results).toEqual([{ name: 'Shop (order notices)', value: 'Shop' }]);
		const none = await listSearch(new Smsc(), 'searchSenderNames', {
			...pickerOptions(login),
			filter: 'Banned',
		});
		expect(none.results).toEqual([]);
		expect(pickerRequests(login).map((entry) => withoutTransport(entry.params))).toEqual([
			{ get: '1' },
			{ get: '1' },
			{ get: '1' },
		]);
	});

	it('offers what the channel can use: no e-mail sender on SMS-like channels, only e-mail senders on E-Mail', async () => {
		const login = newAccount(emu);
		await seedSender(emu, login, 'Shop');
		await seedSender(emu, login, 'shop@example.com', { mail: 1, name: 'Shop team' });
		const search = async (parameters: Record<string, string>) =>
			(
				await listSearch(
					new Smsc(),
					'searchSenderNames',
					pickerOptions(login, { resource: 'message', operation: 'send', ...parameters }),
				)
			).results.map((result) => result.value);
		expect(await search({})).toEqual(['Shop']);
		expect(await search({ channel: 'viber' })).toEqual(['Shop']);
		expect(await search({ channel: 'mail' })).toEqual(['shop@example.com']);
		expect(await search({ operation: 'getCost', channel: 'mail' })).toEqual(['shop@example.com']);
		const resource = { resource: 'senderName', operation: 'delete' };
		const all = await listSearch(new Smsc(), 'searchSenderNames', pickerOptions(login, resource));
		expect(all.results.map((result) => result.value)).toEqual(['Shop', 'shop@example.com']);
	});

	it('says what to do when the channel has no sender, even if the other kind has some', async () => {
		const login = newAccount(emu);
		await seedSender(emu, login, 'shop@example.com', { mail: 1, name: 'Shop team' });
		const { results } = await listSearch(new Smsc(), 'searchSenderNames', pickerOptions(login));
		expect(results).toEqual([
			{
				name: 'No approved sender names yet: add one with Sender Name > Create (it appears here once the SMSC moderator approves it), or enter a name (mode By Name)',
				value: '',
			},
		]);
	});

	it('fails with the English SMSC error when the login is rejected', async () => {
		const login = newAccount(emu);
		emu.updateAccount({ login, psw: 'changed-elsewhere' });
		await expect(listSearch(new Smsc(), 'searchSenderNames', pickerOptions(login))).rejects.toThrow(
			/error 2/,
		);
	});
});

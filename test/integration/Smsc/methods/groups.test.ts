import { Smsc } from '../../../../nodes/Smsc/Smsc.node';
import { listSearch, loadOptions } from '../../../harness';
import { newAccount, phonesApi, smscApi } from '../../../support/accounts';
import { usePickers } from './pickers';

const { emu, pickerOptions, itGivesEmptyList, itFailsOnRejectedLogin } = usePickers({
	resource: 'contact',
	operation: 'addToGroup',
});

/** Two groups named alike, one with a custom number and a member, one e-mail group. */
async function seedGroups(
	login: string,
): Promise<{ vip: number; vip2: number; mail: number; all: number }> {
	const vip = (await phonesApi(emu, login, { add_group: 1, name: 'VIP', num: 7 })).id;
	const vip2 = (await phonesApi(emu, login, { add_group: 1, name: 'VIP' })).id;
	const mail = (await phonesApi(emu, login, { add_group: 1, name: 'Mailing', type: 1 })).id;
	const all = (await phonesApi(emu, login, { add_group: 1, name: 'All customers' })).id;
	await phonesApi(emu, login, { add: 1, phone: '79990004401', grp: vip });
	return { vip, vip2, mail, all };
}

function pickerRequests(login: string) {
	return emu
		.getLog({ login, script: 'phones' })
		.filter((entry) => entry.params.get_group !== undefined);
}

describe('getGroups (loadOptions)', () => {
	it('lists every group by name with its number and size, valued by group ID', async () => {
		const login = newAccount(emu);
		const { vip, vip2, mail, all } = await seedGroups(login);
		const options = await loadOptions(new Smsc(), 'getGroups', pickerOptions(login));
		expect(options).toEqual([
			{ name: `All customers (number ${all}, 0 contacts)`, value: all, description: `ID ${all}` },
			{ name: `Mailing (number ${mail}, 0 contacts)`, value: mail, description: `ID ${mail}` },
			{ name: 'VIP (number 7, 1 contact)', value: vip, description: `ID ${vip}` },
			{ name: `VIP (number ${vip2}, 0 contacts)`, value: vip2, description: `ID ${vip2}` },
		]);
		const requests = pickerRequests(login);
		expect(requests).toHaveLength(1);
		expect(requests[0].params).toMatchObject({ get_group: '1', fmt: '3', charset: 'utf-8' });
	});

	itGivesEmptyList('getGroups', { without: 'groups', pickerRequests });

	itFailsOnRejectedLogin('getGroups');
});

describe('searchGroups (listSearch)', () => {
	it('lists every group without a filter, and matches a filter against name, ID or number', async () => {
		const login = newAccount(emu);
		const { vip, vip2, mail, all } = await seedGroups(login);
		const everything = await listSearch(new Smsc(), 'searchGroups', pickerOptions(login));
		expect(everything.results).toEqual([
			{ name: `All customers (number ${all}, 0 contacts)`, value: String(all) },
			{ name: `Mailing (number ${mail}, 0 contacts)`, value: String(mail) },
			{ name: 'VIP (number 7, 1 contact)', value: String(vip) },
			{ name: `VIP (number ${vip2}, 0 contacts)`, value: String(vip2) },
		]);
		const byName = await listSearch(new Smsc(), 'searchGroups', {
			...pickerOptions(login),
			filter: ' vi ',
		});
		expect(byName.results.map((result) => result.value)).toEqual([String(vip), String(vip2)]);
		const byNumber = await listSearch(new Smsc(), 'searchGroups', {
			...pickerOptions(login),
			filter: '7',
		});
		expect(byNumber.results.map((result) => result.value)).toEqual(
			[all, mail, vip, vip2].filter((id) => id === 7 || id === vip).map(String),
		);
		expect(pickerRequests(login)).toHaveLength(3);
	});

	it('says what to do when the account has no groups: create one, or enter its ID (not a bare "No results")', async () => {
		const login = newAccount(emu);
		for (const filter of [undefined, 'x']) {
			expect(
				await listSearch(new Smsc(), 'searchGroups', { ...pickerOptions(login), filter }),
			).toEqual({
				results: [
					{
						name: "No contact groups yet: create one with Group > Create, or enter a group's ID (mode ID)",
						value: '',
					},
				],
			});
		}
	});

	it('gives no results when groups exist but none matches the filter', async () => {
		const login = newAccount(emu);
		await seedGroups(login);
		expect(
			await listSearch(new Smsc(), 'searchGroups', { ...pickerOptions(login), filter: 'zzz' }),
		).toEqual({ results: [] });
	});

	it('reports SMSC refusing a fourth identical group request within a minute (error 9)', async () => {
		const login = newAccount(emu);
		await seedGroups(login);
		for (let n = 0; n < 3; n++) await listSearch(new Smsc(), 'searchGroups', pickerOptions(login));
		await expect(listSearch(new Smsc(), 'searchGroups', pickerOptions(login))).rejects.toThrow(
			/\(error 9\)/,
		);
	});
});

describe('searchGroupNumbers (listSearch for Message > Send)', () => {
	it('values each group by the number a send addresses (G<number>), not by its ID', async () => {
		const login = newAccount(emu);
		const { vip, vip2 } = await seedGroups(login);
		const { results } = await listSearch(new Smsc(), 'searchGroupNumbers', {
			...pickerOptions(login),
			filter: 'vip',
		});
		expect(results).toEqual([
			{ name: 'VIP (number 7, 1 contact)', value: '7' },
			{ name: `VIP (number ${vip2}, 0 contacts)`, value: String(vip2) },
		]);
		expect(vip).not.toBe(7);
	});

	it('says what to do when the account has no groups: create one, or enter its number', async () => {
		const login = newAccount(emu);
		const { results } = await listSearch(new Smsc(), 'searchGroupNumbers', pickerOptions(login));
		expect(results).toEqual([
			{
				name: "No contact groups yet: create one with Group > Create, or enter a group's number (mode Number)",
				value: '',
			},
		]);
	});
});

describe('group pickers in the e-mail address book', () => {
	it('list the mails.php groups for Address Book: E-Mail Addresses and for the E-Mail channel of Send', async () => {
		const login = newAccount(emu);
		await seedGroups(login);
		const news = (await smscApi(emu, login, 'mails', { add_group: 1, name: 'Newsletter', num: 9 }))
			.id as number;
		const inBook = { resource: 'contact', operation: 'addToGroup', addressBook: 'mails' };
		expect(await loadOptions(new Smsc(), 'getGroups', pickerOptions(login, inBook))).toEqual([
			{ name: 'Newsletter (number 9, 0 contacts)', value: news, description: `ID ${news}` },
		]);
		const mailChannel = { resource: 'message', operation: 'send', channel: 'mail' };
		expect(
			(await listSearch(new Smsc(), 'searchGroupNumbers', pickerOptions(login, mailChannel)))
				.results,
		).toEqual([{ name: 'Newsletter (number 9, 0 contacts)', value: '9' }]);
		expect(
			emu
				.getLog({ login, script: 'mails' })
				.filter((entry) => entry.params.get_group !== undefined),
		).toHaveLength(2);
	});
});

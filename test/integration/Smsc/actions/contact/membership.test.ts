import type { IDataObject } from 'n8n-workflow';

import { useEmulator } from '../../../../support/emulator';
import { groupRef, newAccount, phonesApi, resourceRuns, runAs } from '../../../../support/accounts';
import { phoneBook } from '../../../../support/resources';

const emu = useEmulator();

const contact = resourceRuns(emu, 'contact', 'phones');
const { seedGroup, seedContact } = phoneBook(emu);

describe('Contact: group membership', () => {
	async function memberOf(login: string, phone: string): Promise<string> {
		const [row] = await phonesApi(emu, login, { get: 1, phone });
		return String(row.group);
	}

	/** A new account with groups A and B. */
	async function twoGroups(): Promise<{ login: string; a: number; b: number }> {
		const login = newAccount(emu);
		const a = await seedGroup(login, 'A');
		const b = await seedGroup(login, 'B');
		return { login, a, b };
	}

	/** Runs one membership operation and checks the phones.php request and the item it returns. */
	async function expectMembershipChange(
		login: string,
		operation: string,
		phone: string,
		group: IDataObject,
		id: number,
		mode: number,
	) {
		const { json, requests } = await contact.run(login, operation, { phone, group });
		expect(requests).toEqual([{ move_group: String(mode), grp: String(id), phone }]);
		expect(json).toEqual([{ success: true, phone, group: id }]);
	}

	it('Add to Group keeps the other groups (move_group=2)', async () => {
		const { login, a, b } = await twoGroups();
		await seedContact(login, '79998880001', { grp: a });
		await expectMembershipChange(login, 'addToGroup', '+79998880001', groupRef(b), b, 2);
		expect(await memberOf(login, '79998880001')).toBe(`${a},${b}`);
	});

	it('Move to Group leaves only the new group (move_group=1), by ID too', async () => {
		const { login, a, b } = await twoGroups();
		await seedContact(login, '79998880002', { grp: a });
		await expectMembershipChange(
			login,
			'moveToGroup',
			'+79998880002',
			groupRef(` ${b} `, 'id'),
			b,
			1,
		);
		expect(await memberOf(login, '79998880002')).toBe(String(b));
	});

	it('Remove from Group takes out only that group (move_group=3)', async () => {
		const { login, a, b } = await twoGroups();
		await seedContact(login, '79998880003', { grp: `${a},${b}` });
		await expectMembershipChange(login, 'removeFromGroup', '+79998880003', groupRef(a), a, 3);
		expect(await memberOf(login, '79998880003')).toBe(String(b));
	});

	it('names what is missing, or with continueOnFail outputs that error', async () => {
		const login = newAccount(emu);
		const a = await seedGroup(login, 'A');
		await seedContact(login, '79998880004');
		const parameters = contact('removeFromGroup', { phone: '+79998880004', group: groupRef(a) });
		const stopped = await runAs(emu, login, 'phones', parameters);
		expect(stopped.result.error?.message).toMatch(
			new RegExp(`SMSC has no contact with phone \\+79998880004 in group ${a}, or no such group`),
		);
		const continued = await runAs(emu, login, 'phones', parameters, { continueOnFail: true });
		expect(continued.json).toEqual([
			{ error: expect.stringMatching(/no contact with phone/), itemIndex: 0 },
		]);
	});

	it('refuses a group ID that is not a number before any request', async () => {
		const login = newAccount(emu);
		const { result, requests } = await runAs(
			emu,
			login,
			'phones',
			// An expression gets past the field's own check in the editor, so the node must check the value itself.
			contact('addToGroup', { phone: '+79998880005', group: groupRef('={{ $json.group }}', 'id') }),
			{ continueOnFail: true, items: [{ group: 'vip' }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.json('SMSC')).toEqual([
			{
				error: expect.stringMatching(/The group ID "vip" is not a positive whole number/),
				itemIndex: 0,
			},
		]);
		expect(requests).toEqual([]);
	});
});

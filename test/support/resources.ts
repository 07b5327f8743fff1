/**
 * What the tests of one resource set up straight through SMSC's API (as another SMSC client
 * would), and run, for the emulator of the test file: `const { seedContact } = phoneBook(emu)`,
 * or with the emulator started for the file: `const { emu, contact, seedContact } = usePhoneBook()`.
 */
import type { IDataObject } from 'n8n-workflow';

import type { RunningEmulator } from '../emulator';
import {
	expectEachOnce,
	newAccount,
	phonesApi,
	requests as sendLog,
	resourceRuns,
	runMessage,
	seedSender as seedSenderAt,
	smscApi,
} from './accounts';
import type { MessageRunOptions } from './accounts';
import { useEmulator } from './emulator';

type Fields = Record<string, string | number>;
type ResourceRuns = ReturnType<typeof resourceRuns>;

/** Contacts, groups and the blacklist of the phone book (phones.php). */
export function phoneBook(emu: RunningEmulator) {
	/** Adds a record straight through phones.php and returns its id. */
	async function add(login: string, fields: Fields): Promise<number> {
		return (await phonesApi(emu, login, fields)).id;
	}

	/** `extra`: e.g. `{ num: 7 }` for the group's number, `{ type: 1 }` for an e-mail group. */
	const seedGroup = (login: string, name: string, extra: Fields = {}) =>
		add(login, { add_group: 1, name, ...extra });

	const seedContact = (login: string, phone: string, extra: Fields = {}) =>
		add(login, { add: 1, phone, ...extra });

	/** `count` records, twelve at a time, since SMSC (and the emulator) refuse a fifteenth
	 * concurrent request per login; `seed(k)` adds the k-th and returns its id. */
	async function seedMany(count: number, seed: (k: number) => Promise<number>): Promise<void> {
		for (let start = 0; start < count; start += 12) {
			const ids = await Promise.all(
				Array.from({ length: Math.min(12, count - start) }, (_, k) => seed(start + k)),
			);
			expect(ids.every((id) => typeof id === 'number')).toBe(true);
		}
	}

	/** `count` contacts C0, C1, … with phones 7997…. */
	const seedContacts = (login: string, count: number) =>
		seedMany(count, (k) =>
			seedContact(login, `7997${String(k).padStart(7, '0')}`, { name: `C${k}` }),
		);

	/** Blocks a number; `extra`: e.g. `{ type: 1, cmt: 'why' }`. */
	const seedBlocked = (login: string, phone: string, extra: Fields = {}) =>
		add(login, { add_black: 1, phone, ...extra });

	/** `count` blocked numbers 7998…. */
	const seedBlockedMany = (login: string, count: number) =>
		seedMany(count, (k) => seedBlocked(login, `7998${String(k).padStart(7, '0')}`));

	async function groupsOf(login: string): Promise<Array<Record<string, unknown>>> {
		const answer = await phonesApi(emu, login, { get_group: 1 });
		return Array.isArray(answer) ? answer : [];
	}

	/** The groups a contact is in, as phones.php lists them: `12,15`. */
	async function memberOf(login: string, phone: string): Promise<string> {
		const [row] = await phonesApi(emu, login, { get: 1, phone });
		return String(row.group);
	}

	/** A new account with groups A and B; `extraA`: more fields of A, e.g. `{ num: 5 }`. */
	async function twoGroups(extraA: Fields = {}): Promise<{ login: string; a: number; b: number }> {
		const login = newAccount(emu);
		const a = await seedGroup(login, 'A', extraA);
		const b = await seedGroup(login, 'B');
		return { login, a, b };
	}

	/** Runs one Contact membership operation and checks the phones.php request and the item it returns. */
	async function expectMembershipChange(
		login: string,
		operation: string,
		phone: string,
		group: IDataObject,
		id: number,
		mode: number,
	) {
		const { json, requests } = await contacts.run(login, operation, { phone, group });
		expect(requests).toEqual([{ move_group: String(mode), grp: String(id), phone }]);
		expect(json).toEqual([{ success: true, phone, group: id }]);
	}

	/**
	 * Get Many with Return All over `total` records, more than a page of 1000 (actions/addressBook.ts
	 * bookPages): every record once, from two requests of `list`, the second with `cursor` at the
	 * first page's last record: its smallest id for prev_id (older than), its largest for after_id.
	 */
	async function expectTwoPages(
		runs: ResourceRuns,
		seed: (login: string, count: number) => Promise<void>,
		total: number,
		list: Record<string, string>,
		cursor: 'prev_id' | 'after_id',
	) {
		const login = newAccount(emu);
		await seed(login, total);
		const { json, requests } = await runs.run(login, 'getAll', { returnAll: true });
		expectEachOnce(json, total);
		const firstPage = json.slice(0, 1000).map((item) => item.id as number);
		const last = cursor === 'prev_id' ? Math.min(...firstPage) : Math.max(...firstPage);
		expect(requests).toEqual([
			{ ...list, cnt: '1000' },
			{ ...list, cnt: '1000', [cursor]: String(last) },
		]);
	}

	const contacts = resourceRuns(emu, 'contact', 'phones');
	return {
		contact: contacts,
		group: resourceRuns(emu, 'group', 'phones'),
		blacklist: resourceRuns(emu, 'blacklist', 'phones'),
		expectTwoPages,
		seedGroup,
		seedContact,
		seedContacts,
		seedBlocked,
		seedBlockedMany,
		groupsOf,
		memberOf,
		twoGroups,
		expectMembershipChange,
	};
}

/** Every sender name of the account, whatever its status (senders.php `get` with `all=1`). */
export function senderNames(emu: RunningEmulator) {
	async function allSenders(login: string): Promise<Array<Record<string, unknown>>> {
		const answer = await smscApi(emu, login, 'senders', { get: 1, all: 1 });
		return Array.isArray(answer) ? answer : [];
	}
	return {
		senderName: resourceRuns(emu, 'senderName', 'senders'),
		/** Registers a sender name directly at the emulator and returns its id. */
		seedSender: (login: string, sender: string, extra: Record<string, string | number> = {}) =>
			seedSenderAt(emu, login, sender, extra),
		allSenders,
	};
}

/** Message operations run as an account, and messages sent beside them. */
export function messages(emu: RunningEmulator) {
	/** Runs a Send; `error` is the run's error message, or '' when it succeeded. */
	const send = async (login: string, parameters: IDataObject) => {
		const result = await runMessage(emu, login, { operation: 'send', ...parameters });
		return { ...result, error: result.result.error?.message ?? '' };
	};
	return {
		requests: (login: string, script: string) => sendLog(emu, login, script),
		run: (
			login: string,
			operation: string,
			parameters: IDataObject,
			options: MessageRunOptions = {},
		) => runMessage(emu, login, { operation, ...parameters }, options),
		/** Sends straight to send.php, as another SMSC client would, to set up history. */
		sendDirect: (login: string, params: Record<string, string>): Promise<IDataObject> =>
			smscApi(emu, login, 'send', params),
		settle: () => new Promise((resolve) => setTimeout(resolve, 600)),
		send,
		/** Runs a Send that must stop on bad input before the account's first request to send.php. */
		refuses: async (login: string, parameters: IDataObject, message: RegExp) => {
			const { error, requests } = await send(login, parameters);
			expect(error).toMatch(message);
			expect(requests).toEqual([]);
		},
	};
}

/** The phone book of an emulator started for the test file. */
export function usePhoneBook() {
	const emu = useEmulator();
	return { emu, ...phoneBook(emu) };
}

/** The sender names of an emulator started for the test file. */
export function useSenderNames() {
	const emu = useEmulator();
	return { emu, ...senderNames(emu) };
}

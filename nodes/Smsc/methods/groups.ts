import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { toNumber } from '../../shared/smsc/numbers';
import { smscList } from '../../shared/transport/request';
import { currentParameter, emptyListHint } from './editing';

interface ContactGroup {
	id: number;
	name: string;
	number: number | undefined;
	contacts: number | undefined;
}

/**
 * Every group of the account (phones.php `get_group`, SMSC page "Управление контактами"); an account
 * without groups gets error 3, i.e. none. The groups of the e-mail address book (mails.php) when the
 * node works in it: Address Book set to E-Mail Addresses, or Send's E-Mail channel.
 */
async function contactGroups(this: ILoadOptionsFunctions): Promise<ContactGroup[]> {
	const mails =
		currentParameter(this, 'addressBook') === 'mails' ||
		currentParameter(this, 'channel') === 'mail';
	const rows = await smscList.call(this, mails ? 'mails' : 'phones', { get_group: 1 });
	const groups: ContactGroup[] = [];
	for (const row of rows) {
		const id = toNumber(row.id);
		if (id === undefined) continue;
		groups.push({
			id,
			name: String(row.name ?? '').trim(),
			number: toNumber(row.number ?? row.num),
			contacts: toNumber(row.cnt),
		});
	}
	return groups.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
}

/** The group's name with what tells same-named groups apart: its number for sending (G<number>) and its size. */
function label(group: ContactGroup): string {
	const name = group.name || `Group ${group.id}`;
	const details = [
		group.number !== undefined ? `number ${group.number}` : '',
		group.contacts !== undefined
			? `${group.contacts} contact${group.contacts === 1 ? '' : 's'}`
			: '',
	].filter(Boolean);
	return details.length ? `${name} (${details.join(', ')})` : name;
}

/** Contact groups of the account for an options field; the value is the group ID phones.php expects in `grp`. */
export async function getGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const groups = await contactGroups.call(this);
	return groups.map((group) => ({
		name: label(group),
		value: group.id,
		description: `ID ${group.id}`,
	}));
}

function matches(group: ContactGroup, filter?: string): boolean {
	const needle = (filter ?? '').trim().toLowerCase();
	return (
		needle === '' ||
		group.name.toLowerCase().includes(needle) ||
		String(group.id) === needle ||
		(group.number !== undefined && String(group.number) === needle)
	);
}

const NO_GROUP = 'No contact groups yet: create one with Group > Create';
export const NO_GROUP_BY_ID = emptyListHint(`${NO_GROUP}, or enter a group's ID (mode ID)`);
export const NO_GROUP_BY_NUMBER = emptyListHint(
	`${NO_GROUP}, or enter a group's number (mode Number)`,
);

/** The groups whose name, ID or number matches the typed filter, or the hint when there are none. */
async function searchBy(
	this: ILoadOptionsFunctions,
	filter: string | undefined,
	value: (group: ContactGroup) => number | undefined,
	hint: INodeListSearchItems,
): Promise<INodeListSearchResult> {
	const groups = await contactGroups.call(this);
	if (groups.length === 0) return { results: [hint] };
	const results: INodeListSearchItems[] = groups
		.filter((group) => matches(group, filter))
		.map((group) => ({ name: label(group), value: String(value(group)) }));
	return { results };
}

/** Contact groups whose name, ID or number contains the typed filter; the value is the group ID. */
export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchBy.call(this, filter, (group) => group.id, NO_GROUP_BY_ID);
}

/**
 * The same groups for sending: a message goes to `G<number>` (send.php, SMSC page "Відправка
 * SMS-повідомлення"), and a group's number differs from its ID once the user has set one.
 */
export async function searchGroupNumbers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchBy.call(this, filter, (group) => group.number ?? group.id, NO_GROUP_BY_NUMBER);
}

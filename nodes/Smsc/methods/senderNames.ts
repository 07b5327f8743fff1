import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { smscList } from '../../shared/transport/request';

interface ActiveSender {
	name: string;
	comment: string;
}

/**
 * The names the account may send from right now: senders.php `get` without `all=1` lists only
 * names the moderator approved (SMSC page "Управление именами отправителей"), which is exactly what a Sender field can use.
 */
async function activeSenderNames(this: ILoadOptionsFunctions): Promise<ActiveSender[]> {
	const rows = await smscList.call(this, 'senders', { get: 1 });
	const seen = new Set<string>();
	const senders: ActiveSender[] = [];
	for (const row of rows) {
		const name = String(row.sender ?? row.name ?? '').trim();
		if (name === '' || seen.has(name)) continue;
		seen.add(name);
		senders.push({ name, comment: String(row.cmt ?? row.comment ?? '').trim() });
	}
	return senders.sort((a, b) => a.name.localeCompare(b.name));
}

/** Active sender names of the account, for an options field. */
export async function getSenderNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const senders = await activeSenderNames.call(this);
	return senders.map(({ name, comment }) => ({
		name,
		value: name,
		...(comment ? { description: comment } : {}),
	}));
}

/**
 * What the list shows when the account has no approved name: n8n's editor would show only "No
 * results", which does not say that names waiting for moderation are left out. Picking it leaves
 * the field empty, which sends with the account's default sender.
 */
const NO_APPROVED_SENDER_TEXT =
	'No approved sender names yet: a name appears here once the SMSC moderator approves it';
export const NO_APPROVED_SENDER: INodeListSearchItems = {
	name: NO_APPROVED_SENDER_TEXT,
	value: '',
};

/** Active sender names of the account matching the typed filter, for a resource locator list. */
export async function searchSenderNames(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const senders = await activeSenderNames.call(this);
	if (senders.length === 0) return { results: [NO_APPROVED_SENDER] };
	const results: INodeListSearchItems[] = senders
		.filter(
			({ name, comment }) => needle === '' || `${name} ${comment}`.toLowerCase().includes(needle),
		)
		.map(({ name, comment }) => ({ name: comment ? `${name} (${comment})` : name, value: name }));
	return { results };
}

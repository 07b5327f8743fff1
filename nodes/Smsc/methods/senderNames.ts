import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { smscList } from '../../shared/transport/request';
import { currentParameter, emptyListHint } from './editing';

interface ActiveSender {
	name: string;
	comment: string;
}

/**
 * The names the account may send from right now: senders.php `get` without `all=1` lists only
 * names the moderator approved (SMSC page "Управление именами отправителей"), which is exactly what
 * a Sender field can use. That page marks an e-mail sender `mail: 1`: the Send offers only those on
 * its e-mail channel and only the others on every other channel, where an e-mail address as the
 * sender would be refused or misleading. Outside the Send (the Sender Name resource) all are listed.
 */
async function activeSenderNames(this: ILoadOptionsFunctions): Promise<ActiveSender[]> {
	const wanted = sendersFor(this);
	const rows = await smscList.call(this, 'senders', { get: 1 });
	const seen = new Set<string>();
	const senders: ActiveSender[] = [];
	for (const row of rows) {
		const name = String(row.sender ?? row.name ?? '').trim();
		if (name === '' || seen.has(name) || !wanted(row)) continue;
		seen.add(name);
		senders.push({ name, comment: String(row.cmt ?? row.comment ?? '').trim() });
	}
	return senders.sort((a, b) => a.name.localeCompare(b.name));
}

/** Which senders the field being edited can use: on the Send (and Get Cost), the channel's kind. */
function sendersFor(context: ILoadOptionsFunctions): (row: IDataObject) => boolean {
	// n8n leaves a parameter at its default out of a saved node: Message is the default resource, SMS the default channel
	if ((currentParameter(context, 'resource') ?? 'message') !== 'message') return () => true;
	const mail = (currentParameter(context, 'channel') ?? 'sms') === 'mail';
	return (row) => (Number(row.mail) === 1) === mail;
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

/** The list of an account without an approved name: names waiting for moderation are left out. */
export const NO_APPROVED_SENDER = emptyListHint(
	'No approved sender names yet: add one with Sender Name > Create (it appears here once the SMSC moderator approves it), or enter a name (mode By Name)',
);

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

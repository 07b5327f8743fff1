/**
 * Status changes of recently sent messages, from get.php?get_messages=1 (newest first). SMSC has no
 * "changed since" query, so the last status seen per message is remembered, for a bounded number
 * of messages, and each change is emitted once.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { decodeStatus } from '../shared/smsc/codes';
import { GET } from '../shared/smsc/rules';
import { smscList } from '../shared/transport/request';
import { normaliseCallback } from '../shared/triggers/normalise';
import type { DescribeMessage, PollResult } from './incoming';

export const RECENT_MESSAGES = GET.sentPerRequest;
/** Statuses remembered; the oldest are forgotten first. More than RECENT_MESSAGES so a message never reappears as new. */
export const MAX_REMEMBERED = 3000;
const WAITING = -1;
const MANUAL_SAMPLE = 5;

export interface StatusState {
	/** `k<message key>` → last status seen, oldest first (non-numeric keys keep insertion order) */
	statuses?: Record<string, number>;
}

/** One sent message to one phone: `int_id` where SMSC gives it, else id and phone (an id is shared by all recipients of a send). */
function messageKey(message: IDataObject): string {
	return message.int_id !== undefined
		? `k${String(message.int_id)}`
		: `k${String(message.id)}:${String(message.phone)}`;
}

export async function pollStatuses(
	this: IPollFunctions,
	state: StatusState,
	manual: boolean,
	finalOnly: boolean,
	describe: DescribeMessage,
): Promise<PollResult> {
	const recent = (
		await smscList.call(this, 'get', {
			get_messages: 1,
			cnt: manual ? MANUAL_SAMPLE : RECENT_MESSAGES,
		})
	)
		.filter(
			(message) => message !== null && typeof message === 'object' && message.status !== undefined,
		)
		.reverse();

	if (manual) return { items: recent.map(describe), commit: () => undefined };

	const known = state.statuses;
	const next: Record<string, number> = { ...(known ?? {}) };
	const items: IDataObject[] = [];
	let changed = known === undefined;
	for (const message of recent) {
		const key = messageKey(message);
		const status = Number(message.status);
		const previous = next[key];
		if (previous === status) continue;
		changed = true;
		delete next[key];
		next[key] = status;
		// The first poll only learns the current statuses; an unseen message that is still waiting is not news.
		if (known === undefined || (previous === undefined && status === WAITING)) continue;
		if (finalOnly && !decodeStatus(status).final) continue;
		const item = describe(message);
		// version 1 says null for a message first seen; version 2 leaves the field out, as its schema has it
		if (previous !== undefined || describe === normaliseCallback)
			item.previousStatus = previous ?? null;
		items.push(item);
	}
	const keys = Object.keys(next);
	for (const key of keys.slice(0, Math.max(0, keys.length - MAX_REMEMBERED))) delete next[key];
	return {
		items,
		commit: () => {
			// n8n saves the workflow whenever static data is assigned, so an unchanged map is left alone
			if (changed) state.statuses = next;
		},
	};
}

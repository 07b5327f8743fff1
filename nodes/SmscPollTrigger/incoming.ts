/**
 * Incoming messages (and verification calls, which SMSC files as incoming messages with the text
 * `[waitcall]`) from get.php?get_answers=1. `after_id` is exclusive, so the highest id already
 * emitted is the cursor: nothing is emitted twice or skipped, also across restarts.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { GET } from '../shared/smsc/rules';
import { smscList } from '../shared/transport/request';
import type { CallbackFields } from '../shared/triggers/normalise';

export const PAGE_SIZE = 1000;
/** Bounds one poll; whatever is left is fetched by the next poll, from the cursor. */
export const MAX_PAGES_PER_POLL = 20;
const MAX_HOURS = GET.maxIncomingHours;
const MANUAL_SAMPLE = 5;

export interface IncomingState {
	/** highest incoming message id already emitted (0: none found at activation) */
	lastIncomingId?: number;
	/** when the trigger started watching with nothing to start after, in ms */
	incomingSince?: number;
}

/** Turns one message get.php listed into the item the trigger emits (it differs by node version). */
export type DescribeMessage = (fields: CallbackFields) => IDataObject;

export interface PollResult {
	items: IDataObject[];
	/** applied only after every request of the poll succeeded, so a failed poll moves no cursor */
	commit: () => void;
}

async function getAnswers(this: IPollFunctions, params: IDataObject): Promise<IDataObject[]> {
	const list = await smscList.call(this, 'get', { get_answers: 1, ...params });
	return list.filter(
		(entry) => entry !== null && typeof entry === 'object' && Number.isFinite(Number(entry.id)),
	);
}

function byId(a: IDataObject, b: IDataObject): number {
	return Number(a.id) - Number(b.id);
}

function highestId(messages: IDataObject[], floor = 0): number {
	return messages.reduce((max, message) => Math.max(max, Number(message.id)), floor);
}

export async function pollIncoming(
	this: IPollFunctions,
	state: IncomingState,
	manual: boolean,
	describe: DescribeMessage,
): Promise<PollResult> {
	if (manual) {
		// A test run shows what the trigger produces, from recent history, and leaves the cursor alone.
		const recent = (await getAnswers.call(this, { hour: MAX_HOURS, cnt: 100 }))
			.sort(byId)
			.slice(-MANUAL_SAMPLE);
		return { items: recent.map(describe), commit: () => undefined };
	}

	if (state.lastIncomingId === undefined) {
		// First activation: start from now, so the history already in the account is not replayed.
		// SMSC's order within the window is not documented, so the newest id is found by paging
		// forward from the highest one seen until a page comes back short.
		let start = highestId(await getAnswers.call(this, { hour: MAX_HOURS, cnt: PAGE_SIZE }));
		for (let pages = 0; start > 0 && pages < MAX_PAGES_PER_POLL; pages++) {
			const page = await getAnswers.call(this, { after_id: start, cnt: PAGE_SIZE });
			const next = highestId(page, start);
			if (next === start) break;
			start = next;
			if (page.length < PAGE_SIZE) break;
		}
		const since = Date.now();
		return {
			items: [],
			commit: () => {
				state.lastIncomingId = start;
				if (start === 0) state.incomingSince = since;
			},
		};
	}

	const messages: IDataObject[] = [];
	let cursor = state.lastIncomingId;
	if (cursor === 0) {
		// Nothing existed at activation: everything in the window since then is new. Once one message
		// is seen its id becomes the cursor, and after_id takes over.
		const since = state.incomingSince ?? Date.now();
		const hours = Math.min(MAX_HOURS, Math.max(1, Math.ceil((Date.now() - since) / 3_600_000) + 1));
		const page = (await getAnswers.call(this, { hour: hours, cnt: PAGE_SIZE * 10 })).sort(byId);
		messages.push(...page);
		cursor = highestId(page);
	}
	if (cursor > 0) {
		for (let pages = 0; pages < MAX_PAGES_PER_POLL; pages++) {
			const page = (await getAnswers.call(this, { after_id: cursor, cnt: PAGE_SIZE })).sort(byId);
			const fresh = page.filter((message) => Number(message.id) > cursor);
			messages.push(...fresh);
			cursor = highestId(fresh, cursor);
			if (page.length < PAGE_SIZE || fresh.length === 0) break;
		}
	}
	const last = cursor;
	return {
		items: messages.map(describe),
		commit: () => {
			state.lastIncomingId = last;
			if (last > 0) delete state.incomingSince;
		},
	};
}

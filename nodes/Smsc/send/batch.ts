import type { IDataObject } from 'n8n-workflow';

import type { PreparedMessage } from './item';
import { singleRequestParams } from './prepare';

export const DEFAULT_BATCH_SIZE = 200;
export const DEFAULT_CONCURRENCY = 10;
/** Keeps one request body well under what web servers accept by default. */
const MAX_BATCH_CHARS = 200_000;

/** Items that go to SMSC in one request, in input order. */
export interface Batch {
	messages: PreparedMessage[];
	/** whether the request is a `list` (several items) rather than plain phones + mes */
	list: boolean;
}

interface OpenBatch {
	messages: PreparedMessage[];
	keys: Set<string>;
	chars: number;
}

interface KeyBatches {
	batches: OpenBatch[];
	/** every batch before this index is full */
	firstOpen: number;
	/** recipient key → index of the last batch holding it */
	lastBatchOf: Map<string, number>;
}

/**
 * Packs items into requests: items with equal send options share a `list` request, up to
 * `batchSize` items, and two items for the same recipient never share one (SMSC's per-recipient
 * results could not be told apart, and SMSC may treat them as a duplicate). An item goes to the
 * first batch after the last one holding any of its recipients, so duplicates only cost extra
 * requests, never reordering within a recipient. Items that cannot be written as a list line go
 * alone.
 */
export function packBatches(messages: PreparedMessage[], batchSize: number): Batch[] {
	const groups = new Map<string, KeyBatches>();
	const order: Array<OpenBatch | PreparedMessage> = [];
	for (const message of messages) {
		if (!message.batchable || batchSize <= 1) {
			order.push(message);
			continue;
		}
		let group = groups.get(message.batchKey);
		if (!group) {
			group = { batches: [], firstOpen: 0, lastBatchOf: new Map() };
			groups.set(message.batchKey, group);
		}
		let target = group.firstOpen;
		for (const key of message.keys) {
			const last = group.lastBatchOf.get(key);
			if (last !== undefined && last + 1 > target) target = last + 1;
		}
		const size = lineLength(message);
		while (target < group.batches.length && !fits(group.batches[target], message, size, batchSize))
			target++;
		if (target === group.batches.length) {
			const fresh: OpenBatch = { messages: [], keys: new Set(), chars: 0 };
			group.batches.push(fresh);
			order.push(fresh);
		}
		const batch = group.batches[target];
		batch.messages.push(message);
		batch.chars += size;
		for (const key of message.keys) {
			batch.keys.add(key);
			group.lastBatchOf.set(key, target);
		}
		while (
			group.firstOpen < group.batches.length &&
			group.batches[group.firstOpen].messages.length >= batchSize
		) {
			group.batches[group.firstOpen].keys.clear();
			group.firstOpen++;
		}
	}
	return order.map((entry) =>
		'itemIndex' in entry
			? { messages: [entry], list: false }
			: { messages: entry.messages, list: entry.messages.length > 1 },
	);
}

function fits(
	batch: OpenBatch,
	message: PreparedMessage,
	size: number,
	batchSize: number,
): boolean {
	if (batch.messages.length >= batchSize) return false;
	if (batch.messages.length > 0 && batch.chars + size > MAX_BATCH_CHARS) return false;
	return !message.keys.some((key) => batch.keys.has(key));
}

function lineLength(message: PreparedMessage): number {
	return (
		message.mes.length +
		message.sender.length +
		message.recipients.reduce((n, r) => n + r.length + 1, 2)
	);
}

/** A newline inside a message is written as the two characters \n in a `list` line (SMSC page "Відправка SMS-повідомлення"). */
function listLine(message: PreparedMessage, perLineSender: boolean): string {
	const prefix = perLineSender ? `${message.sender}|` : '';
	return `${prefix}${message.recipients.join(',')}:${message.mes.replace(/\n/g, '\\n')}`;
}

/** send.php parameters for a batch: plain phones + mes for one item, `list` for several. */
export function batchRequestParams(batch: Batch): IDataObject {
	const first = batch.messages[0];
	if (!batch.list) return singleRequestParams(first);
	const sameSender = batch.messages.every((message) => message.sender === first.sender);
	return {
		...first.params,
		...(sameSender && first.sender !== '' ? { sender: first.sender } : {}),
		list: batch.messages.map((message) => listLine(message, !sameSender)).join('\n'),
	};
}

import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { MAX_CONCURRENCY } from '../../../shared/rules';
import { mayHaveReachedSmsc, smscRequest } from '../../../shared/transport';
import { itemError, nameItem } from '../itemErrors';
import { defineOperation } from '../operation';
import type { Batch } from './batch';
import {
	DEFAULT_BATCH_SIZE,
	DEFAULT_CONCURRENCY,
	batchRequestParams,
	packBatches,
	runPool,
} from './batch';
import { sendAndCostFields, sendOnlyFields } from './fields';
import { ItemParameters } from './itemParameters';
import { describeItems } from './itemRanges';
import type { BulkOptions, PreparedMessage } from './sendParams';
import { prepareMessage, singleRequestPayload } from './sendParams';
import { describeRecipient, indexRows, recipientRows, sendOutput } from './sendResult';

/** Per-recipient statuses SMSC gives a recipient it refused at once (invalid number, prohibited). */
const REFUSED_STATUSES = new Set([22, 23]);

const enum Outcome {
	NotAttempted = 0,
	Sent = 1,
	Failed = 2,
	Invalid = 3,
	/** the request failed after it may have reached SMSC (timeout, dropped connection, 5xx) */
	Unknown = 4,
}

/**
 * Sends every input item. Items are checked first, so a bad item stops the run before anything is
 * sent (or, with Continue On Fail, fails alone); then they go out packed into `list` requests, a
 * bounded number at once. A send is never repeated: the transport retries only what provably did
 * not reach SMSC.
 */
async function executeAll(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this);
	const continueOnFail = this.continueOnFail();
	const output: INodeExecutionData[] = new Array(items.length);
	const outcome = new Uint8Array(items.length);

	const messages: PreparedMessage[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			messages.push(prepareMessage.call(this, parameters, itemIndex));
		} catch (error) {
			const named = nameItem(this, error, itemIndex);
			if (!continueOnFail) throw named;
			outcome[itemIndex] = Outcome.Invalid;
			output[itemIndex] = { json: itemError(named, itemIndex), pairedItem: { item: itemIndex } };
		}
	}

	const settings = items.length > 0 ? parameters.get<BulkOptions>('bulkOptions', 0, {}) : {};
	const batching = settings.batching !== false;
	const batchSize = Math.max(1, Math.floor(Number(settings.batchSize ?? DEFAULT_BATCH_SIZE)));
	const concurrency = Math.min(
		MAX_CONCURRENCY,
		Math.max(1, Math.floor(Number(settings.concurrency ?? DEFAULT_CONCURRENCY))),
	);
	const batches: Batch[] = batching
		? packBatches(messages, batchSize)
		: messages.map((message) => ({ messages: [message], list: false }));

	let failure: { error: Error; items: number[] } | undefined;
	const fail = (error: Error, failed: PreparedMessage[]): void => {
		const maybeSent = mayHaveReachedSmsc(error);
		for (const message of failed)
			outcome[message.itemIndex] = maybeSent ? Outcome.Unknown : Outcome.Failed;
		if (!continueOnFail) {
			failure ??= { error, items: failed.map((message) => message.itemIndex) };
			return;
		}
		for (const { itemIndex, recipients } of failed) {
			const json = itemError(nameItem(this, copyError(error), itemIndex), itemIndex);
			json.phones = recipients;
			// so a workflow can route these to a check of the SMSC history instead of a resend
			if (maybeSent) json.maybeSent = true;
			output[itemIndex] = { json, pairedItem: { item: itemIndex } };
		}
	};
	await runPool(
		batches.length,
		concurrency,
		async (index) => {
			const batch = batches[index];
			let answer: IDataObject;
			try {
				answer = await sendBatch.call(this, batch);
			} catch (error) {
				fail(error as Error, batch.messages);
				return;
			}
			const rowsByKey = batch.list ? indexRows(recipientRows(answer)) : undefined;
			for (const message of batch.messages) {
				const rows = rowsByKey ? rowsOf(message, rowsByKey) : recipientRows(answer);
				if (batch.list && rows.length > 0 && rows.every(isRefused)) {
					fail(refusedError(this, message, rows), [message]);
					continue;
				}
				outcome[message.itemIndex] = Outcome.Sent;
				output[message.itemIndex] = {
					json: sendOutput(
						message,
						answer,
						rows.length ? rows : undefined,
						batch.list ? batch.messages.length : undefined,
					),
					pairedItem: { item: message.itemIndex },
				};
			}
		},
		() => failure !== undefined,
	);

	if (failure) throw explainFailure(failure.error, failure.items, outcome);
	return output;
}

/**
 * A `list` request succeeds as long as one line is accepted; SMSC marks refused recipients in
 * their rows instead (22 invalid number, 23 prohibited). Alone, the same item would have failed
 * with error 7 or 8, so it fails here too.
 */
function isRefused(row: IDataObject): boolean {
	return REFUSED_STATUSES.has(Number(row.status));
}

function refusedError(
	context: IExecuteFunctions,
	message: PreparedMessage,
	rows: IDataObject[],
): Error {
	const reasons = rows.map((row) => {
		const decoded = describeRecipient(row);
		return `${String(decoded.phone)}: ${String(decoded.statusDescription)}${decoded.errorDescription ? ` (${String(decoded.errorDescription)})` : ''}`;
	});
	return new NodeApiError(context.getNode(), { phones: rows } as unknown as JsonObject, {
		message: `SMSC refused every recipient of this item, so nothing was sent to it: ${reasons.join('; ')}.`,
		itemIndex: message.itemIndex,
	});
}

async function sendBatch(this: IExecuteFunctions, batch: Batch): Promise<IDataObject> {
	const first = batch.messages[0];
	const params = batchRequestParams(batch);
	if (first.costReport >= 2) params.cost = first.costReport;
	// Several items share one request, so only SMSC's per-recipient rows can tell each item its result.
	if (first.perRecipient || batch.list) params.op = 1;
	const payload = batch.list ? {} : await singleRequestPayload.call(this, first);
	const answer = await smscRequest.call(this, 'send', params, {
		itemIndex: first.itemIndex,
		...payload,
	});
	return (Array.isArray(answer) ? (answer[0] ?? {}) : answer) as IDataObject;
}

function rowsOf(message: PreparedMessage, rowsByKey: Map<string, IDataObject[]>): IDataObject[] {
	const rows: IDataObject[] = [];
	for (const key of message.keys) {
		const found = rowsByKey.get(key);
		if (found) rows.push(...found);
	}
	return rows;
}

/** Each failed item gets its own error object, so naming one item does not rename the others. */
function copyError(error: unknown): Error {
	if (!(error instanceof Error)) return new Error(String(error));
	const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
	Object.assign(copy, error);
	copy.message = error.message.replace(/ \[item \d+\]$/, '');
	copy.stack = error.stack;
	return copy;
}

/** Stops the run with SMSC's error plus an account of which items were sent and which were not. */
function explainFailure(error: Error, failed: number[], outcome: Uint8Array): Error {
	const first = failed[0];
	const withContext = error as Error & { context?: IDataObject };
	withContext.context = { ...(withContext.context ?? {}), itemIndex: first };
	// One input item: the error names it, and an account of one item would only repeat that.
	if (outcome.length === 1 && outcome[first] !== Outcome.Unknown) {
		withContext.message = `${error.message.replace(/ \[item \d+\]$/, '')} [item ${first}]`;
		return withContext;
	}
	const sent: number[] = [];
	const notAttempted: number[] = [];
	const otherFailures: number[] = [];
	const unknown: number[] = [];
	const failedSet = new Set(failed);
	for (let i = 0; i < outcome.length; i++) {
		if (outcome[i] === Outcome.Sent) sent.push(i);
		else if (outcome[i] === Outcome.NotAttempted) notAttempted.push(i);
		else if (outcome[i] === Outcome.Unknown) unknown.push(i);
		else if (outcome[i] === Outcome.Failed && !failedSet.has(i)) otherFailures.push(i);
	}
	const notSent = failed.filter((i) => outcome[i] !== Outcome.Unknown);
	const parts = [
		notSent.length ? `${describeItems(notSent)} (this error)` : '',
		otherFailures.length ? `${describeItems(otherFailures)} (other failed requests)` : '',
		notAttempted.length ? `${describeItems(notAttempted)} (not attempted)` : '',
	].filter(Boolean);
	const summary = [
		parts.length ? `Not sent: ${parts.join('; ')}.` : '',
		unknown.length
			? `Unknown, may have been sent: ${describeItems(unknown)}; check the SMSC message history before sending them again.`
			: '',
		`Sent: ${sent.length ? describeItems(sent) : 'none'}.`,
	]
		.filter(Boolean)
		.join(' ');
	withContext.message = `${error.message.replace(/ \[item \d+\]$/, '')} [item ${first}] ${summary}`;
	return withContext;
}

export const send = defineOperation(
	'message',
	'send',
	{ shared: [...sendAndCostFields, ...sendOnlyFields] },
	{ executeAll },
	{
		name: 'Send',
		description: 'Send a message by SMS, Viber, Telegram, voice call, e-mail and more',
		action: 'Send a message',
	},
);

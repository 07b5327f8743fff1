import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { outputPhone } from '../../../shared/smsc/phones';
import { inRange, MAX_CONCURRENCY, outOfRange } from '../../../shared/smsc/rules';
import { mayHaveReachedSmsc, smscRequest } from '../../../shared/transport/request';
import { errorItem, itemError, nameItem } from '../itemErrors';
import { defineOperation } from '../operation';
import type { Batch } from '../../send/batch';
import {
	DEFAULT_BATCH_SIZE,
	DEFAULT_CONCURRENCY,
	MAX_BATCH_SIZE,
	batchRequestParams,
	packBatches,
} from '../../send/batch';
import { runPool } from '../../send/pool';
import { sendOnlyFields } from '../../send/bulkOptions';
import { sendAndCostFields } from '../../send/fields';
import { ItemParameters } from '../../send/itemParameters';
import type { BulkOptions, PreparedMessage } from '../../send/item';
import { prepareMessage, singleRequestPayload } from '../../send/prepare';
import {
	Outcome,
	copyError,
	explainFailure,
	isRefused,
	refuseRetryOnFail,
	refusedError,
} from '../../send/failure';
import { indexRows, recipientRows, sendOutput } from '../../send/result';
import { outputsV2 } from '../version';

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
	const v2 = outputsV2(this);
	if (v2) refuseRetryOnFail(this, 'Send');
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
			output[itemIndex] = errorItem(this, named, itemIndex);
		}
	}

	const settings = items.length > 0 ? parameters.get<BulkOptions>('bulkOptions', 0, {}) : {};
	const batching = settings.batching !== false;
	// the editor's ranges, checked again for values set by an expression, before any request
	const [batchSize, concurrency] = (
		[
			['Batch Size', settings.batchSize ?? DEFAULT_BATCH_SIZE, MAX_BATCH_SIZE, Infinity],
			[
				'Concurrency',
				settings.concurrency ?? DEFAULT_CONCURRENCY,
				MAX_CONCURRENCY,
				MAX_CONCURRENCY,
			],
		] as const
	).map(([label, raw, max, v1Max]) => {
		const value = Number(raw);
		// version 1 rounded a number into range (Concurrency at most 14, Batch Size no upper bound),
		// so saved workflows run as they did; version 2 refuses it, as the editor does
		if (!v2 && Number.isFinite(value)) return Math.min(v1Max, Math.max(1, Math.floor(value)));
		const range = { min: 1, max, whole: true };
		if (!inRange(value, range))
			throw new NodeOperationError(
				this.getNode(),
				outOfRange(`Bulk Options > ${label}`, raw, range),
				{ itemIndex: 0 },
			);
		return value;
	});
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
			const named = nameItem(this, copyError(error), itemIndex);
			const json = itemError(named, itemIndex);
			json.phones = v2 ? (recipients.map(outputPhone) as string[]) : recipients;
			// so a workflow can route these to a check of the SMSC history instead of a resend
			if (maybeSent) json.maybeSent = true;
			output[itemIndex] = errorItem(this, named, itemIndex, json);
		}
	};
	await runPool(
		batches.length,
		concurrency,
		async (index) => {
			const batch = batches[index];
			let answer: IDataObject;
			try {
				answer = await sendBatch.call(this, batch, v2);
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
						v2,
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

async function sendBatch(this: IExecuteFunctions, batch: Batch, v2: boolean): Promise<IDataObject> {
	const first = batch.messages[0];
	const params = batchRequestParams(batch);
	if (first.costReport >= 2) params.cost = first.costReport;
	// Several items share one request, so only SMSC's per-recipient rows can tell each item its result.
	// Version 2 always asks for them: its output lists the numbers SMSC used (it rewrites some, e.g.
	// a Russian 8… to 7…), not the ones typed.
	if (first.perRecipient || batch.list || v2) params.op = 1;
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

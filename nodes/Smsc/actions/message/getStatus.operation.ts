import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';

import { decodeStatus } from '../../../shared/smsc/codes';
import { HLR_FIELDS, decodeHlr } from '../../../shared/smsc/hlr';
import { toNumber } from '../../../shared/smsc/numbers';
import { outputPhone } from '../../../shared/smsc/phones';
import { FailedEntry, itemError, nameItem } from '../itemErrors';
import { outputsV2 } from '../version';
import { describeStatusV2, unknownMessagesError } from './statusV2';
import { optionsCollection } from '../../../shared/editor/options';
import { smscRequest } from '../../../shared/transport/request';
import { defineOperation } from '../operation';
import type { MessageRef } from './messageRef';
import { messageRefFields, readMessageRefs, refParams } from './messageRef';
import { recipientKey } from '../../send/recipients';

/** Keeps one status request short enough for any web server's URL and form limits. */
const REFS_PER_REQUEST = 100;
const SIMPLE_FIELDS = new Set([
	'status',
	'err',
	'last_date',
	'last_timestamp',
	'id',
	'phone',
	...HLR_FIELDS,
]);

const properties: INodeProperties[] = [
	...messageRefFields('look up'),
	optionsCollection([
		{
			displayName: 'Include Details',
			name: 'details',
			type: 'boolean',
			default: false,
			description:
				'Whether to add the send time, cost, sender, text, country, operator and message type (and HLR data) of each message',
		},
	]),
];

async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<Array<IDataObject | FailedEntry>> {
	const refs = readMessageRefs.call(this, itemIndex);
	const { details } = this.getNodeParameter('options', itemIndex, {}) as { details?: boolean };
	const v2 = outputsV2(this);
	// in the order asked: a status, or (version 2) a message SMSC does not know
	const results: Array<IDataObject | FailedEntry> = [];
	const unknown: MessageRef[] = [];
	for (let start = 0; start < refs.length; start += REFS_PER_REQUEST) {
		const chunk = refs.slice(start, start + REFS_PER_REQUEST);
		const answer = await smscRequest.call(
			this,
			'status',
			{ ...refParams(chunk), all: details ? 2 : undefined },
			{
				readOnly: true,
				itemIndex,
			},
		);
		const rows = (Array.isArray(answer) ? answer : [answer]) as IDataObject[];
		// GUESS (docs/fidelity.md): no SMSC page shows the list answer. The node assumes each entry
		// names its id and phone and matches on them (never on position), so a missing or reordered
		// entry can never put one message's status on another; no entry reads as not found (-3). An
		// answer without them is refused with the answer itself, never read as "not found".
		// One message asked and one status answered cannot be mixed up, whatever the entry names.
		const single =
			rows.length === 1 &&
			chunk.length === 1 &&
			rows[0].id === undefined &&
			rows[0].status !== undefined
				? rows[0]
				: undefined;
		if (!single && rows.some((row) => row.id === undefined || row.phone === undefined))
			unreadable.call(this, itemIndex, answer, 'a status list with the id and phone of each entry');
		const byRef = new Map<string, IDataObject>();
		if (!single) for (const row of rows) byRef.set(refKey(row.id, row.phone), row);
		for (const ref of chunk) {
			const row = single ?? byRef.get(refKey(ref.id, ref.phone)) ?? { status: -3 };
			if (!v2) results.push(describeStatus(ref, row, details === true));
			else if (Number(row.status) === -3) {
				unknown.push(ref);
				results.push(unknownMessageItem.call(this, ref, itemIndex));
			} else results.push(describeStatusV2(ref, row, details === true));
		}
	}
	// one unknown message must not hide the statuses found: with Continue On Fail each unknown
	// message is an error entry of its own, in its place among the statuses
	if (unknown.length > 0 && !this.continueOnFail())
		throw unknownMessagesError(this, unknown, itemIndex, results.length - unknown.length);
	return results;
}

/** The error entry Continue On Fail gives for one message SMSC does not know, with its id and phone to route on. */
function unknownMessageItem(
	this: IExecuteFunctions,
	ref: MessageRef,
	itemIndex: number,
): FailedEntry {
	const error = nameItem(this, unknownMessagesError(this, [ref], itemIndex), itemIndex);
	return new FailedEntry(
		{
			...itemError(error, itemIndex),
			id: toNumber(ref.id) ?? ref.id,
			phone: String(outputPhone(ref.phone)),
		},
		error,
	);
}

/** SMSC's answer in a shape the node does not know: a clear error that carries the answer. */
function unreadable(
	this: IExecuteFunctions,
	itemIndex: number,
	answer: unknown,
	expected: string,
): never {
	throw new NodeApiError(
		this.getNode(),
		{ script: 'status', answer: answer as JsonObject },
		{
			message: `SMSC's status answer is not ${expected}, so the node cannot tell which status belongs to which message.`,
			description: `SMSC's answer: ${JSON.stringify(answer).slice(0, 500)}`,
			itemIndex,
		},
	);
}

/** A message as SMSC keys it: its id and its recipient, compared as Send compares recipients. */
function refKey(id: unknown, phone: unknown): string {
	return `${String(id).trim()}\u0000${recipientKey(String(phone).trim())}`;
}

function describeStatus(ref: MessageRef, row: IDataObject, details: boolean): IDataObject {
	const decoded = decodeStatus(
		row.status,
		row.err === undefined || row.err === '' ? undefined : row.err,
	);
	const out: IDataObject = {
		id: row.id ?? ref.id,
		phone: row.phone ?? ref.phone,
		...decoded,
	};
	if (row.last_date !== undefined) out.lastDate = row.last_date;
	const lastTimestamp = toNumber(row.last_timestamp);
	if (lastTimestamp !== undefined) out.lastTimestamp = lastTimestamp;
	if (details) {
		for (const [key, value] of Object.entries(row)) {
			if (SIMPLE_FIELDS.has(key) || out[key] !== undefined) continue;
			out[key] = key === 'cost' ? (toNumber(value) ?? value) : value;
		}
	}
	const hlr = decodeHlr(row);
	if (hlr) out.hlr = hlr;
	return out;
}

export const getStatus = defineOperation('message', 'getStatus', properties, execute, {
	name: 'Get Status',
	description: 'Get the delivery status of one or more sent messages',
	action: 'Get the status of a message',
});

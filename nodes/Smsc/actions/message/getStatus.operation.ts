import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { decodeStatus } from '../../../shared/smsc/codes';
import { HLR_FIELDS, decodeHlr } from '../../../shared/smsc/hlr';
import { toNumber } from '../../../shared/smsc/numbers';
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

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const refs = readMessageRefs.call(this, itemIndex);
	const { details } = this.getNodeParameter('options', itemIndex, {}) as { details?: boolean };
	const v2 = outputsV2(this);
	const results: IDataObject[] = [];
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
		// Each entry names its id and phone; matching on them (not on position) means a missing or
		// reordered entry can never put one message's status on another. No entry: not found (-3).
		const byRef = new Map<string, IDataObject>();
		for (const row of rows)
			if (row.id !== undefined && row.phone !== undefined)
				byRef.set(refKey(row.id, row.phone), row);
		const single =
			rows.length === 1 && chunk.length === 1 && rows[0].id === undefined ? rows[0] : undefined;
		for (const ref of chunk) {
			const row = single ?? byRef.get(refKey(ref.id, ref.phone)) ?? { status: -3 };
			if (!v2) results.push(describeStatus(ref, row, details === true));
			else if (Number(row.status) === -3) unknown.push(ref);
			else results.push(describeStatusV2(ref, row, details === true));
		}
	}
	if (unknown.length > 0) throw unknownMessagesError(this, unknown, itemIndex);
	return results;
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

export const getStatus = defineOperation(
	'message',
	'getStatus',
	properties,
	{ execute },
	{
		name: 'Get Status',
		description: 'Get the delivery status of one or more sent messages',
		action: 'Get the status of a message',
	},
);

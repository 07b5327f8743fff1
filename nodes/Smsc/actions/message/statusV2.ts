/**
 * Get Status's output from version 2 on (docs/smsc-node.md): the fields a delivery status has in
 * every output of the package (the Send's recipients, both triggers), times as ISO 8601 with the
 * zone, and SMSC's answer as it came under `raw`.
 */
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { DELIVERED_STATUSES, FAILED_STATUSES, decodeStatus } from '../../../shared/smsc/codes';
import { decodeHlr } from '../../../shared/smsc/hlr';
import { toNumber } from '../../../shared/smsc/numbers';
import { outputPhone } from '../../../shared/smsc/phones';
import { smscTime } from '../../../shared/smsc/times';
import type { MessageRef } from './messageRef';

/** status.php's detail fields (all=1/2) under the names the other outputs use for them. */
const DETAIL_NAMES: Record<string, string> = {
	sender_id: 'sender',
	message: 'text',
	country: 'country',
	operator: 'operator',
	region: 'region',
	type: 'type',
	mccmnc: 'mccmnc',
};

export function describeStatusV2(ref: MessageRef, row: IDataObject, details: boolean): IDataObject {
	const decoded = decodeStatus(
		row.status,
		row.err === undefined || row.err === '' ? undefined : row.err,
	);
	const out: IDataObject = {
		id: toNumber(row.id ?? ref.id) ?? ref.id,
		phone: outputPhone(row.phone ?? ref.phone) as string,
		...decoded,
		delivered: DELIVERED_STATUSES.includes(decoded.status),
		failed: FAILED_STATUSES.includes(decoded.status),
	};
	const lastDate = smscTime(row.last_timestamp, row.last_date);
	if (lastDate !== undefined) out.lastDate = lastDate;
	if (details) {
		const sendDate = smscTime(row.send_timestamp, row.send_date);
		if (sendDate !== undefined) out.sendDate = sendDate;
		const cost = toNumber(row.cost);
		if (cost !== undefined) out.cost = cost;
		for (const [field, name] of Object.entries(DETAIL_NAMES))
			if (row[field] !== undefined && row[field] !== '') out[name] = row[field];
	}
	const hlr = decodeHlr(row);
	if (hlr) out.hlr = hlr;
	out.raw = { ...row };
	return out;
}

/**
 * SMSC answers status -3 ("not found") for an ID and phone it has no message for: a wrong ID, a
 * phone the message was not sent to, or a message SMSC no longer keeps. That is SMSC's answer, so
 * an API error of the item, naming the messages; `found` counts the item's other messages, whose
 * statuses Continue On Fail still outputs.
 */
export function unknownMessagesError(
	context: IExecuteFunctions,
	refs: MessageRef[],
	itemIndex: number,
	found = 0,
): NodeApiError {
	const list = refs.map((ref) => `${ref.id} to ${String(outputPhone(ref.phone))}`).join(', ');
	const others =
		found > 0
			? ` SMSC found the other ${found} message${found === 1 ? '' : 's'} of this item: with Continue On Fail their statuses are output, beside an error item for each message it does not know.`
			: '';
	return new NodeApiError(
		context.getNode(),
		{
			script: 'status',
			status: -3,
			notFound: refs.map((ref) => ({ id: ref.id, phone: String(outputPhone(ref.phone)) })),
		},
		{
			message: `SMSC has no message ${list} (status -3, not found)`,
			description: `Check the Message ID and the phone: use the id the Send returned and a number it was sent to. SMSC keeps a message for a limited time, which its pages do not state.${others}`,
			httpCode: '404',
			itemIndex,
		},
	);
}

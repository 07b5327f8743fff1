import type { IDataObject } from 'n8n-workflow';

import { decodeStatus } from '../../shared/smsc/codes';
import { decodeHlr } from '../../shared/smsc/hlr';
import { toNumber } from '../../shared/smsc/numbers';
import { outputPhone } from '../../shared/smsc/phones';
import { recipientKey } from './recipients';
import type { PreparedMessage } from './item';

/** SMSC's answer to a send as an indexable list of per-recipient rows (op=1). */
export function recipientRows(answer: IDataObject): IDataObject[] {
	const phones = answer.phones;
	if (Array.isArray(phones)) return phones as IDataObject[];
	if (phones && typeof phones === 'object') return [phones as IDataObject];
	return [];
}

/** Index of per-recipient rows by recipientKey, built once per answer. */
export function indexRows(rows: IDataObject[]): Map<string, IDataObject[]> {
	const byKey = new Map<string, IDataObject[]>();
	for (const row of rows) {
		const key = recipientKey(String(row.phone ?? row.mail ?? ''));
		const list = byKey.get(key);
		if (list) list.push(row);
		else byKey.set(key, [row]);
	}
	return byKey;
}

/**
 * One per-recipient row with its status and error codes explained, and HLR data decoded; `v2`
 * writes the phone as "+" and digits (SMSC answers with digits only).
 */
export function describeRecipient(row: IDataObject, v2 = false): IDataObject {
	const decoded = decodeStatus(row.status, row.error ?? row.err);
	const recipient = row.phone ?? row.mail;
	const out: IDataObject = {
		phone: v2 ? (outputPhone(recipient) as string) : recipient,
		...decoded,
	};
	if (row.mccmnc !== undefined && row.mccmnc !== '') out.mccmnc = String(row.mccmnc);
	const cost = toNumber(row.cost);
	if (cost !== undefined) out.cost = cost;
	const hlr = decodeHlr(row);
	if (hlr) out.hlr = hlr;
	return out;
}

/**
 * Says in the output why items share a message ID and where `parts` came from: SMSC gives one ID and
 * one part count per request (send.php, SMSC page "Відправка SMS-повідомлення"), not per `list` line.
 */
export function sharedRequestNote(items: number, partsEstimated: boolean): string {
	const shared =
		items > 1
			? `${items} items went out in one SMSC request, so they share its message ID; Get Status and Delete tell them apart by the ID together with the phones.`
			: 'This item went out as a one-line SMSC list request.';
	return partsEstimated
		? `${shared} SMSC counts parts only for the whole request, so parts (partsEstimated) is the node's estimate for this item: partsPerRecipient × recipients.`
		: shared;
}

/**
 * The output of one sent item. `rows` are the per-recipient rows that belong to this item;
 * `requestItems` is set when it went in a `list` request (with that many items): then parts and
 * cost are the item's own share. Version 1 says so in a note on every item; version 2 (`v2`)
 * explains it once, in the output schema's field descriptions and docs/smsc-node.md, writes
 * phones as "+" and digits, the numbers SMSC reports where it reports them, and keeps the
 * bookkeeping (`partsEstimated`, `requestItems`) for Include Raw Response.
 */
export function sendOutput(
	message: PreparedMessage,
	answer: IDataObject,
	rows: IDataObject[] | undefined,
	requestItems?: number,
	v2 = false,
): IDataObject {
	const shared = requestItems !== undefined;
	const out: IDataObject = { id: answer.id, channel: message.channel, phones: message.recipients };
	if (message.group) out.group = message.group;
	if ((message.group || v2) && rows && rows.length > 0)
		out.phones = rows.map((row) => row.phone ?? row.mail);
	if (v2) out.phones = (out.phones as unknown[]).map(outputPhone) as string[];
	const estimate = message.estimate;
	if (!shared) {
		const cnt = toNumber(answer.cnt);
		if (cnt !== undefined) out.parts = cnt;
	} else if (estimate) {
		out.parts = estimate.parts * message.recipients.length;
		out.partsEstimated = true;
	}
	if (estimate) {
		out.encoding = estimate.encoding;
		out.characters = estimate.characters;
		out.partsPerRecipient = estimate.parts;
	}
	if (message.costReport >= 2) {
		const cost = shared ? sumCost(rows) : toNumber(answer.cost);
		if (cost !== undefined) out.cost = cost;
		if (message.costReport === 3) {
			const balance = toNumber(answer.balance);
			if (balance !== undefined) out.balance = balance;
		}
	}
	if (shared && !v2) {
		out.requestItems = requestItems;
		out.note = sharedRequestNote(requestItems, out.partsEstimated === true);
	} else if (shared && message.rawResponse) out.requestItems = requestItems;
	if (v2 && !message.rawResponse) delete out.partsEstimated;
	const described = rows?.map((row) => describeRecipient(row, v2));
	if (message.perRecipient && described) out.recipients = described;
	else if (message.channel === 'hlr' && described?.some((row) => row.hlr))
		out.recipients = described;
	// err=1 (Report Wrong Numbers): the recipients SMSC refused, with their status and error
	if (message.params.err === 1)
		out.wrongNumbers = (rows ?? [])
			.filter((row) => String(row.error ?? row.err ?? '0') !== '0')
			.map((row) => describeRecipient(row, v2));
	if (message.rawResponse) out.rawResponse = shared && rows ? { ...answer, phones: rows } : answer;
	return out;
}

function sumCost(rows: IDataObject[] | undefined): number | undefined {
	if (!rows || rows.length === 0) return undefined;
	let total = 0;
	for (const row of rows) {
		const cost = toNumber(row.cost);
		if (cost === undefined) return undefined;
		total += cost;
	}
	return Math.round(total * 10000) / 10000;
}

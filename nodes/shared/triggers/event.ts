/**
 * The items both triggers emit from their newer versions (SMSC Trigger 3, SMSC Poll Trigger 2), see
 * docs/smsc-trigger.md: the same names as the SMSC node's Get Status and Send for the same facts,
 * phones as "+" and digits, times as ISO 8601 with the zone, and every field SMSC sent, as sent,
 * under `raw` (SMSC's field list is not documented, so nothing it sends is dropped). The older
 * versions keep normaliseCallback's output.
 */
import type { IDataObject } from 'n8n-workflow';

import { DELIVERED_STATUSES, FAILED_STATUSES, decodeStatus } from '../smsc/codes';
import { decodeHlr } from '../smsc/hlr';
import { toNumber } from '../smsc/numbers';
import { outputPhone } from '../smsc/phones';
import { smscTime } from '../smsc/times';
import { classifyCallback, messageText } from './normalise';
import type { CallbackFields } from './normalise';

function scalar(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const last = Array.isArray(value) ? value[value.length - 1] : value;
	if (typeof last === 'object' && last !== null) return undefined;
	const text = String(last).trim();
	return text === '' ? undefined : text;
}

function first(fields: CallbackFields, names: string[]): string | undefined {
	for (const name of names) {
		const value = scalar(fields[name]);
		if (value !== undefined) return value;
	}
	return undefined;
}

function setIfDefined(item: IDataObject, name: string, value: unknown): void {
	if (value !== undefined) item[name] = value as IDataObject[string];
}

export function describeEvent(fields: CallbackFields): IDataObject {
	const event = classifyCallback(fields);
	const item: IDataObject = { event };
	const id = first(fields, ['id']);
	setIfDefined(item, 'id', id === undefined ? undefined : (toNumber(id) ?? id));
	const phone = first(fields, ['phone']);
	setIfDefined(item, 'phone', phone === undefined ? undefined : outputPhone(phone));
	if (event === 'deliveryStatus') {
		const decoded = decodeStatus(first(fields, ['status']), first(fields, ['err', 'error']));
		Object.assign(item, decoded);
		item.delivered = DELIVERED_STATUSES.includes(decoded.status);
		item.failed = FAILED_STATUSES.includes(decoded.status);
		// a callback says `time` (Unix) and `ts` (text); get.php says last_timestamp and last_date
		setIfDefined(
			item,
			'lastDate',
			smscTime(first(fields, ['last_timestamp', 'time']), first(fields, ['last_date', 'ts'])),
		);
		setIfDefined(
			item,
			'sendDate',
			smscTime(first(fields, ['send_timestamp']), first(fields, ['send_date'])),
		);
		setIfDefined(item, 'cost', toNumber(first(fields, ['cost'])));
		setIfDefined(item, 'parts', toNumber(first(fields, ['cnt', 'sms_cnt'])));
		setIfDefined(item, 'sender', first(fields, ['sender', 'sender_id']));
		setIfDefined(item, 'text', first(fields, ['message', 'mes']));
		setIfDefined(item, 'mccmnc', first(fields, ['mccmnc']));
		const hlr = decodeHlr(fields as IDataObject);
		if (hlr) item.hlr = hlr;
	} else if (event !== 'other') {
		item.text = messageText(fields) ?? '';
		const to = first(fields, ['to', 'to_phone']);
		setIfDefined(item, 'to', to === undefined ? undefined : outputPhone(to));
		setIfDefined(item, 'sentDate', smscTime(first(fields, ['sent'])));
		setIfDefined(
			item,
			'receivedDate',
			smscTime(first(fields, ['smsc_time']), first(fields, ['received'])),
		);
	}
	item.raw = { ...(fields as IDataObject) };
	return item;
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { decodeStatus } from '../../../shared/smsc/codes';
import { toNumber } from '../../../shared/smsc/numbers';
import { parsePhone } from '../../../shared/smsc/phones';
import { GET } from '../../../shared/smsc/rules';
import { collectPages, getManyFields } from '../paging';
import type { RunState } from '../runState';
import { defineOperation } from '../operation';
import { outputsV2 } from '../version';
import { describeEvent } from '../../../shared/triggers/event';
import { toInstant } from '../../send/schedule';
import { refuseItem } from '../itemErrors';

const PAGE_SIZE = GET.sentPerRequest;
/** SMSC keeps the sent history searchable for six months. */
const MAX_RANGE_DAYS = GET.maxSentRangeDays;
const DAY_MS = 86_400_000;
const MOSCOW_OFFSET_MS = 3 * 3_600_000;

const properties: INodeProperties[] = [
	...getManyFields([
		{
			displayName: 'From Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description: 'Only messages sent on or after this day',
		},
		{
			displayName: 'Phone Number',
			name: 'phone',
			type: 'string',
			default: '',
			placeholder: 'e.g. +79991234567',
			description: 'Only messages sent to this number',
		},
		{
			displayName: 'To Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			description: 'Only messages sent on or before this day (at most six months after From Date)',
		},
	]),
];

interface Filters {
	startDate?: string;
	endDate?: string;
	phone?: string;
}

/** The sent-message history (get.php get_messages), newest first, paged with prev_id. */
async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: RunState,
): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as Filters;
	const fail = refuseItem(this, itemIndex);
	const start = filters.startDate ? smscDay(filters.startDate, this.getTimezone()) : undefined;
	const end = filters.endDate ? smscDay(filters.endDate, this.getTimezone()) : undefined;
	if (filters.startDate && !start) fail(`From Date "${String(filters.startDate)}" is not a date.`);
	if (filters.endDate && !end) fail(`To Date "${String(filters.endDate)}" is not a date.`);
	if (start && end) {
		if (start.day > end.day) fail('From Date is after To Date.');
		if (end.day - start.day > MAX_RANGE_DAYS * DAY_MS)
			fail('SMSC searches at most six months at once; narrow From Date and To Date.');
	}
	const phone = filters.phone
		? parsePhone.call(this, filters.phone, itemIndex, 'Phone Number')
		: undefined;

	const messages = await collectPages.call(this, itemIndex, run, {
		script: 'get',
		params: () => ({ get_messages: 1, start: start?.text, end: end?.text, phone }),
		cursorParam: 'prev_id',
		idField: 'int_id',
		pageSize: PAGE_SIZE,
	});
	return messages.map(outputsV2(this) ? describeSent : simplifySent);
}

/** Version 2: the fields Get Status and the SMSC Poll Trigger give a sent message (shared/triggers/event.ts). */
function describeSent(row: IDataObject): IDataObject {
	const { event: _event, ...message } = describeEvent(row);
	return message;
}

function simplifySent(row: IDataObject): IDataObject {
	const decoded = decodeStatus(row.status, row.err);
	const out: IDataObject = { ...row, ...decoded };
	delete out.err;
	delete out.status_name;
	if (row.cost !== undefined) out.cost = toNumber(row.cost) ?? row.cost;
	return out;
}

/** A dateTime value as SMSC's day (dd.mm.yyyy); a bare date is taken as written. */
export function smscDay(
	value: unknown,
	timezone: string,
): { text: string; day: number } | undefined {
	const written = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim()) : null;
	let y: number;
	let m: number;
	let d: number;
	if (written) {
		[y, m, d] = [Number(written[1]), Number(written[2]), Number(written[3])];
	} else {
		const instant = toInstant(value, timezone);
		if (instant === undefined) return undefined;
		const moscow = new Date(instant + MOSCOW_OFFSET_MS);
		[y, m, d] = [moscow.getUTCFullYear(), moscow.getUTCMonth() + 1, moscow.getUTCDate()];
	}
	const day = Date.UTC(y, m - 1, d);
	if (new Date(day).getUTCDate() !== d) return undefined;
	const pad = (n: number): string => String(n).padStart(2, '0');
	return { text: `${pad(d)}.${pad(m)}.${y}`, day };
}

export const getManySent = defineOperation('message', 'getManySent', properties, execute, {
	name: 'Get Many Sent',
	description: 'Get many messages from the sent history, newest first',
	action: 'Get many sent messages',
});

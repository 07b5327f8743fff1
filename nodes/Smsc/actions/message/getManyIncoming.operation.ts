import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parsePhone } from '../../../shared/smsc/phones';
import { blank, GET, inRange, outOfRange } from '../../../shared/smsc/rules';
import { collectPages, getManyFields } from '../paging';
import type { RunState } from '../runState';
import { defineOperation } from '../operation';
import { outputsV2 } from '../version';
import { describeEvent } from '../../../shared/triggers/event';
import { refuseItem } from '../itemErrors';

const PAGE_SIZE = GET.incomingPerRequest;
const MAX_HOURS = GET.maxIncomingHours;
const HOURS = { min: 1, max: MAX_HOURS };
const AFTER_ID = { min: 0, max: Infinity, whole: true };

const properties: INodeProperties[] = [
	...getManyFields([
		{
			displayName: 'After ID',
			name: 'afterId',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				'Only messages received after the one with this ID, oldest first. Use the highest ID of the last run to get only new messages.',
		},
		{
			displayName: 'Last Hours',
			name: 'hours',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_HOURS },
			default: 24,
			description:
				'Only messages received in this many recent hours (at most 168). Not used together with After ID.',
		},
		{
			displayName: 'To Phone Number',
			name: 'toPhone',
			type: 'string',
			default: '',
			placeholder: 'e.g. 79990000000',
			description: 'Only messages sent to this number of yours',
		},
	]),
];

interface Filters {
	afterId?: number;
	hours?: number;
	toPhone?: string;
}

/** Incoming messages (get.php get_answers), oldest first, paged with after_id. */
async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: RunState,
): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as Filters;
	const fail = refuseItem(this, itemIndex);
	if (filters.afterId !== undefined && filters.hours !== undefined) {
		fail('Use either After ID or Last Hours: SMSC ignores the hours once an ID is given.');
	}
	// a blank After ID (an expression with no ID yet) reads as 0, from the first message, as before
	const after = filters.afterId === undefined || !blank(filters.afterId) ? filters.afterId : 0;
	if (after !== undefined && !inRange(after, AFTER_ID))
		fail(outOfRange('After ID', after, AFTER_ID));
	if (filters.hours !== undefined && !inRange(filters.hours, HOURS))
		fail(outOfRange('Last Hours', filters.hours, HOURS));
	const toPhone = filters.toPhone
		? parsePhone.call(this, filters.toPhone, itemIndex, 'To Phone Number')
		: undefined;

	const messages = await collectPages.call(this, itemIndex, run, {
		script: 'get',
		params: (afterId) => ({
			get_answers: 1,
			// After the first page, "newer than the last one seen" is the only way on (the hour window cannot be paged).
			hour: afterId === undefined ? filters.hours : undefined,
			to_phone: toPhone,
		}),
		cursorParam: 'after_id',
		idField: 'id',
		pageSize: PAGE_SIZE,
		start: after !== undefined ? Number(after) : undefined,
	});
	// version 2: the fields the SMSC Poll Trigger emits for the same messages (shared/triggers/event.ts)
	return outputsV2(this) ? messages.map(describeEvent) : messages;
}

export const getManyIncoming = defineOperation('message', 'getManyIncoming', properties, execute, {
	name: 'Get Many Incoming',
	description: 'Get many messages received by the numbers of the account',
	action: 'Get many incoming messages',
});

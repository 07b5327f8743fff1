import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/editor/options';
import { smscList } from '../../../shared/transport/request';
import { smscDay } from '../message/getManySent.operation';
import { collectPages, getManyFields, getManyLimit } from '../paging';
import type { RunState } from '../runState';
import { defineOperation } from '../operation';
import { simplifySender } from './senderName';
import { sendersFields, subClientParam } from './senders';

/** SMSC returns at most 15000 names per request (SMSC page "Управление именами отправителей"). */
const PAGE_SIZE = 15000;

const properties: INodeProperties[] = sendersFields([
	...getManyFields([
		{
			displayName: 'Active Only',
			name: 'activeOnly',
			type: 'boolean',
			default: true,
			description:
				'Whether to return only names approved by the moderator and ready to send from, rather than every registered name',
		},
		{
			displayName: 'Status Changed Since',
			name: 'changedSince',
			type: 'dateTime',
			default: '',
			description:
				'Only names whose status at any operator changed on or after this day, most recently changed first',
		},
	]),
	optionsCollection([
		{
			displayName: 'Include Operator Statuses',
			name: 'operatorStatuses',
			type: 'boolean',
			default: true,
			description: 'Whether to add the registration status of each name at every mobile operator',
		},
		{
			displayName: 'Include Documents',
			name: 'documents',
			type: 'boolean',
			default: false,
			description:
				'Whether to add the documents attached for the operators to each name, with their review status',
		},
	]),
]);

async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: RunState,
): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as {
		activeOnly?: boolean;
		changedSince?: string;
	};
	const options = this.getNodeParameter('options', itemIndex, {}) as {
		operatorStatuses?: boolean;
		documents?: boolean;
	};
	const since = filters.changedSince
		? smscDay(filters.changedSince, this.getTimezone())
		: undefined;
	if (filters.changedSince && !since)
		throw new NodeOperationError(
			this.getNode(),
			`Status Changed Since "${String(filters.changedSince)}" is not a date.`,
			{ itemIndex },
		);

	const base: IDataObject = {
		...subClientParam.call(this, itemIndex),
		get: 1,
		// all=0, SMSC's default, lists active names only (SMSC page "Управление именами отправителей"):
		// so does the node unless the user turns Active Only off
		all: filters.activeOnly === false ? 1 : undefined,
		operators: options.operatorStatuses ? 1 : undefined,
		// files=1: "an array files with the documents attached for the operators" (fmt=3 only)
		files: options.documents ? 1 : undefined,
	};
	if (since) {
		// from_date sorts by the date of the last status change, not by id, so prev_id cannot page
		// it: one request of up to 15000 names
		const limit = getManyLimit.call(this, itemIndex);
		const names = await smscList.call(
			this,
			'senders',
			{ ...base, from_date: since.text, cnt: Math.min(limit, PAGE_SIZE) },
			itemIndex,
		);
		if (limit === Infinity && names.length >= PAGE_SIZE)
			throw new NodeOperationError(
				this.getNode(),
				`More than ${PAGE_SIZE} sender names changed since ${since.text}; SMSC returns at most ${PAGE_SIZE} at once with this filter. Choose a later day.`,
				{ itemIndex },
			);
		return names.map(simplifySender);
	}
	// prev_id asks for names created before that id (SMSC page "Управление именами отправителей").
	const names = await collectPages.call(this, itemIndex, run, {
		script: 'senders',
		params: () => base,
		cursorParam: 'prev_id',
		idField: 'id',
		pageSize: PAGE_SIZE,
	});
	return names.map(simplifySender);
}

export const getAll = defineOperation('senderName', 'getAll', properties, execute, {
	name: 'Get Many',
	description: 'Get many sender names of the account',
	action: 'Get many sender names',
});

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/editor/options';
import { collectPages, getManyFields } from '../paging';
import { defineOperation } from '../operation';
import { simplifySender } from './senderName';

/** SMSC returns at most 15000 names per request (SMSC page "Управление именами отправителей"). */
const PAGE_SIZE = 15000;

const properties: INodeProperties[] = [
	...getManyFields([
		{
			displayName: 'Active Only',
			name: 'activeOnly',
			type: 'boolean',
			default: true,
			description:
				'Whether to return only names approved by the moderator and ready to send from, rather than every registered name',
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
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { activeOnly?: boolean };
	const options = this.getNodeParameter('options', itemIndex, {}) as { operatorStatuses?: boolean };

	const base: IDataObject = {
		get: 1,
		// all=0, SMSC's default, lists active names only (SMSC page "Управление именами отправителей"):
		// so does the node unless the user turns Active Only off
		all: filters.activeOnly === false ? 1 : undefined,
		operators: options.operatorStatuses ? 1 : undefined,
	};
	// prev_id asks for names created before that id (SMSC page "Управление именами отправителей").
	const names = await collectPages.call(this, itemIndex, {
		script: 'senders',
		params: () => base,
		cursorParam: 'prev_id',
		idField: 'id',
		pageSize: PAGE_SIZE,
	});
	return names.map(simplifySender);
}

export const getAll = defineOperation(
	'senderName',
	'getAll',
	properties,
	{ execute },
	{
		name: 'Get Many',
		description: 'Get many sender names of the account',
		action: 'Get many sender names',
	},
);

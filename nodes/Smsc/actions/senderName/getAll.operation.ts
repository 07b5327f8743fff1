import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { smscRequest } from '../../../shared/transport';
import { collectPages, getManyLimit, returnAllFields } from '../shared/getMany';
import type { SmscOperation } from '../types';
import { simplifySender } from './senderName';

/** SMSC returns at most 15000 names per request (002). */
const PAGE_SIZE = 15000;

const properties: INodeProperties[] = [
	...returnAllFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Active Only',
				name: 'activeOnly',
				type: 'boolean',
				default: true,
				description:
					'Whether to return only names approved by the moderator and ready to send from, rather than every registered name',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Operator Statuses',
				name: 'operatorStatuses',
				type: 'boolean',
				default: true,
				description: 'Whether to add the registration status of each name at every mobile operator',
			},
		],
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = getManyLimit.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { activeOnly?: boolean };
	const options = this.getNodeParameter('options', itemIndex, {}) as { operatorStatuses?: boolean };

	const base: IDataObject = {
		get: 1,
		all: filters.activeOnly ? undefined : 1,
		operators: options.operatorStatuses ? 1 : undefined,
	};
	const names = await collectPages({
		limit,
		pageSize: PAGE_SIZE,
		// prev_id asks for names created before that id (002).
		direction: 'before',
		idField: 'id',
		fetchPage: async (prevId, cnt) =>
			await smscRequest.call(this, 'senders', { ...base, cnt, prev_id: prevId }, { readOnly: true, list: true, itemIndex }),
	});
	return names.map(simplifySender);
}

export const getAll: SmscOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		description: 'Get many sender names of the account',
		action: 'Get many sender names',
	},
	description: updateDisplayOptions({ show: { resource: ['senderName'], operation: ['getAll'] } }, properties),
	execute,
};

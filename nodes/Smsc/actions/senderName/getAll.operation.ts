import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { smscRequest } from '../../../shared/transport';
import type { SmscOperation } from '../types';
import { simplifySender } from './senderName';

/** SMSC returns at most 15000 names per request (002). */
const MAX_PAGE = 15000;

const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
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
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { activeOnly?: boolean };
	const options = this.getNodeParameter('options', itemIndex, {}) as { operatorStatuses?: boolean };

	const base: IDataObject = {
		get: 1,
		all: filters.activeOnly ? undefined : 1,
		operators: options.operatorStatuses ? 1 : undefined,
	};
	const names: IDataObject[] = [];
	let prevId: number | undefined;
	// prev_id asks for names created before that id, so each page continues below the smallest id seen.
	while (names.length < limit) {
		const cnt = Math.min(MAX_PAGE, limit - names.length);
		const page = await smscRequest.call(this, 'senders', { ...base, cnt, prev_id: prevId }, {
			readOnly: true,
			list: true,
			itemIndex,
		});
		const rows = (Array.isArray(page) ? page : [page]).map(simplifySender);
		names.push(...rows.slice(0, limit - names.length));
		const ids = rows.map((row) => Number(row.id)).filter((id) => Number.isFinite(id));
		const smallest = ids.length ? Math.min(...ids) : undefined;
		if (rows.length < cnt || smallest === undefined || (prevId !== undefined && smallest >= prevId)) break;
		prevId = smallest;
	}
	return names;
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

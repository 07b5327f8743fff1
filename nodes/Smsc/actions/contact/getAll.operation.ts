import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { smscRequest } from '../../../shared/transport';
import type { SmscOperation } from '../types';
import { simplifyContact } from './contact';

/** phones.php returns at most 1000 records per request (000). */
const MAX_PAGE = 1000;

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
				displayName: 'Group Name or ID',
				name: 'group',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getGroups' },
				default: '',
				description:
					'Return only contacts of this group. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Person Name',
				name: 'personName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Petrova',
				description: 'Return only contacts whose first, last or middle name contains this text',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. Anna or 7999',
				description: 'Return only contacts whose name or phone number contains this text',
			},
		],
	},
];

interface Filters {
	group?: string | number;
	personName?: string;
	search?: string;
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as Filters;
	const group = String(filters.group ?? '').trim();
	if (group !== '' && (!/^\d+$/.test(group) || Number(group) < 1)) {
		throw new NodeOperationError(this.getNode(), `The group ID "${group}" is not a positive whole number.`, {
			itemIndex,
		});
	}
	const base: IDataObject = {
		get: 1,
		grp: group === '' ? undefined : Number(group),
		fio: filters.personName?.trim(),
		search: filters.search?.trim(),
	};

	const contacts: IDataObject[] = [];
	let afterId: number | undefined;
	// after_id asks for contacts after that server ID (int_id), so each page continues after the last one seen.
	while (contacts.length < limit) {
		const cnt = Math.min(MAX_PAGE, limit - contacts.length);
		const page = await smscRequest.call(this, 'phones', { ...base, cnt, after_id: afterId }, {
			readOnly: true,
			list: true,
			itemIndex,
		});
		const rows = Array.isArray(page) ? page : [page];
		contacts.push(...rows.slice(0, limit - contacts.length).map(simplifyContact));
		const last = Number(rows[rows.length - 1]?.int_id);
		// Without a server ID to continue from, or if SMSC did not move forward, another page would repeat this one.
		if (rows.length < cnt || !Number.isFinite(last) || (afterId !== undefined && last <= afterId)) break;
		afterId = last;
	}
	return contacts;
}

export const getAll: SmscOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		description: 'Get many contacts, optionally of one group or matching a search',
		action: 'Get many contacts',
	},
	description: updateDisplayOptions({ show: { resource: ['contact'], operation: ['getAll'] } }, properties),
	execute,
};

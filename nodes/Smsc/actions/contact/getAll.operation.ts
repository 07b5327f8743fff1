import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { smscRequest } from '../../../shared/transport';
import { collectPages, getManyLimit, returnAllFields } from '../shared/getMany';
import type { SmscOperation } from '../types';
import { simplifyContact } from './contact';

/** phones.php returns at most 1000 records per request (000). */
const PAGE_SIZE = 1000;

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
	const limit = getManyLimit.call(this, itemIndex);
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

	const contacts = await collectPages({
		limit,
		pageSize: PAGE_SIZE,
		// after_id asks for contacts after that server ID (int_id, 000).
		direction: 'after',
		idField: 'int_id',
		fetchPage: async (afterId, cnt) =>
			await smscRequest.call(this, 'phones', { ...base, cnt, after_id: afterId }, { readOnly: true, list: true, itemIndex }),
	});
	return contacts.map(simplifyContact);
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

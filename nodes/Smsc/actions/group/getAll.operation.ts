import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { smscList } from '../../../shared/transport';
import { getManyFields, getManyLimit } from '../shared/getMany';
import { defineOperation } from '../operation';
import { GROUP_TYPES, groupTypeField, simplifyGroup } from './group';

const properties: INodeProperties[] = [
	...getManyFields([
		{ ...groupTypeField, description: 'Return only groups of phone numbers, or only groups of e-mail addresses' },
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = getManyLimit.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { type?: string };
	const type = filters.type !== undefined ? GROUP_TYPES[filters.type] : undefined;

	// get_group has no paging (SMSC page "Управление контактами"): one answer holds every group.
	const rows = await smscList.call(this, 'phones', { get_group: 1, type }, itemIndex);
	return rows.slice(0, limit).map(simplifyGroup);
}

export const getAll = defineOperation('group', 'getAll', properties, { execute }, {
	name: 'Get Many',
	description: 'Get many contact groups with their numbers and sizes',
	action: 'Get many groups',
});

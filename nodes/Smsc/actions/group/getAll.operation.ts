import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { smscList } from '../../../shared/transport/request';
import { getManyFields, getManyLimit } from '../paging';
import { defineOperation } from '../operation';
import { BOOKS, addressBook, addressBookField } from '../addressBook';
import { GROUP_TYPES, groupTypeField, simplifyGroup } from './group';

const properties: INodeProperties[] = [
	addressBookField,
	...getManyFields([
		{
			...groupTypeField,
			description: 'Return only groups of phone numbers, or only groups of e-mail addresses',
			displayOptions: { show: { '/addressBook': ['phones'] } },
		},
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = getManyLimit.call(this, itemIndex);
	const book = addressBook.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { type?: string };
	const type =
		book === 'phones' && filters.type !== undefined ? GROUP_TYPES[filters.type] : undefined;

	// get_group has no paging (SMSC page "Управление контактами"): one answer holds every group.
	const rows = await smscList.call(this, BOOKS[book].script, { get_group: 1, type }, itemIndex);
	return rows.slice(0, limit).map(simplifyGroup);
}

export const getAll = defineOperation('group', 'getAll', properties, execute, {
	name: 'Get Many',
	description: 'Get many contact groups with their numbers and sizes',
	action: 'Get many groups',
});

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { defineOperation } from '../operation';
import { addressBook, addressBookField, bookCommand } from '../addressBook';
import { groupIdParam, groupLocator } from '../../descriptions/locators';

const properties: INodeProperties[] = [
	addressBookField,
	groupLocator('The group to delete. Its contacts are kept.'),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const group = groupIdParam.call(this, itemIndex);
	await bookCommand.call(
		this,
		itemIndex,
		addressBook.call(this, itemIndex),
		{ del_group: 1, grp: group },
		`SMSC has no group with ID ${group}`,
	);
	return { success: true, id: group };
}

export const deleteGroup = defineOperation('group', 'delete', properties, execute, {
	name: 'Delete',
	description: 'Delete a contact group',
	action: 'Delete a group',
});

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { explainSmscError } from '../../../shared/transport/errors';
import { smscRequest } from '../../../shared/transport/request';
import { defineOperation } from '../operation';
import { BOOKS, addressBook, addressBookField } from '../addressBook';
import { groupIdParam, groupLocator } from '../../descriptions/locators';

const properties: INodeProperties[] = [
	addressBookField,
	groupLocator('The group to delete. Its contacts are kept.'),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { script } = BOOKS[addressBook.call(this, itemIndex)];
	const group = groupIdParam.call(this, itemIndex);
	try {
		await smscRequest.call(this, script, { del_group: 1, grp: group }, { itemIndex });
	} catch (error) {
		explainSmscError.call(this, error, itemIndex, script, {
			3: `SMSC has no group with ID ${group}`,
		});
	}
	return { success: true, id: group };
}

export const deleteGroup = defineOperation(
	'group',
	'delete',
	properties,
	{ execute },
	{
		name: 'Delete',
		description: 'Delete a contact group',
		action: 'Delete a group',
	},
);

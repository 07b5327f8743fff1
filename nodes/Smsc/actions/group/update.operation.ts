import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateFieldsCollection } from '../../../shared/editor/options';
import { defineOperation } from '../operation';
import { addressBook, addressBookField, bookCommand } from '../addressBook';
import { readGroupNumber, groupNumberField } from './group';
import { groupIdParam, groupLocator } from '../../descriptions/locators';

const properties: INodeProperties[] = [
	addressBookField,
	groupLocator('The group to change'),
	updateFieldsCollection([
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'The new name of the group',
		},
		groupNumberField,
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const book = addressBook.call(this, itemIndex);
	const group = groupIdParam.call(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as {
		name?: string;
		number?: number;
	};
	const name = String(fields.name ?? '').trim();
	const number = readGroupNumber.call(this, fields.number, itemIndex);
	if (name === '' && number === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			'Nothing to update. Add a Name or a Number under Update Fields.',
			{
				itemIndex,
			},
		);
	}

	await bookCommand.call(
		this,
		itemIndex,
		book,
		{ chg_group: 1, grp: group, name, num: number },
		`SMSC has no group with ID ${group}`,
	);
	return {
		success: true,
		id: group,
		...(name ? { name } : {}),
		...(number !== undefined ? { number } : {}),
	};
}

export const update = defineOperation('group', 'update', properties, execute, {
	name: 'Update',
	description: 'Rename a group or change its number',
	action: 'Update a group',
});

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bookCommand, contactAddress, contactAddressFields } from '../addressBook';
import { updateFieldsCollection } from '../../../shared/editor/options';
import { defineOperation } from '../operation';
import { contactParams } from './contact';
import type { ContactFields } from './contact';
import { updateFields } from './fields';

const properties: INodeProperties[] = [
	...contactAddressFields(
		'The current number of the contact to change, in international format',
		'The current e-mail address of the contact to change',
	),
	updateFieldsCollection(updateFields),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { book, param, value, noun } = contactAddress.call(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as ContactFields;
	const { params, output } = contactParams.call(
		this,
		{ ...fields, groups: undefined },
		itemIndex,
		book,
	);
	// A chg request that changes nothing would still count towards SMSC's three-a-minute limit.
	if (Object.keys(params).length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			'Nothing to update. Add at least one field under Update Fields.',
			{
				itemIndex,
			},
		);
	}

	await bookCommand.call(
		this,
		itemIndex,
		book,
		{ chg: 1, [param]: value, ...params },
		`SMSC has no contact with ${noun} ${value}`,
	);
	return { success: true, [param]: value, ...output };
}

export const update = defineOperation('contact', 'update', properties, execute, {
	name: 'Update',
	description: "Change a contact's details, number or e-mail address",
	action: 'Update a contact',
});

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { explainSmscError } from '../../../shared/errors';
import { smscRequest } from '../../../shared/transport';
import { phoneField, phoneParam } from '../shared/phone';
import { defineOperation } from '../operation';
import { contactParams } from './contact';
import type { ContactFields } from './contact';
import { updateFields } from './fields';

const properties: INodeProperties[] = [
	phoneField('The current number of the contact to change, in international format'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: updateFields,
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const phone = phoneParam.call(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as ContactFields;
	const { params, output } = contactParams.call(this, { ...fields, groups: undefined }, itemIndex);
	// A chg request that changes nothing would still count towards SMSC's three-a-minute limit.
	if (Object.keys(params).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update. Add at least one field under Update Fields.', {
			itemIndex,
		});
	}

	try {
		await smscRequest.call(this, 'phones', { chg: 1, phone, ...params }, { itemIndex });
	} catch (error) {
		explainSmscError.call(this, error, itemIndex, 'phones', { 3: `SMSC has no contact with phone ${phone}` });
	}
	return { success: true, phone, ...output };
}

export const update = defineOperation('contact', 'update', properties, { execute }, {
	name: 'Update',
	description: "Change a contact's details or number",
	action: 'Update a contact',
});

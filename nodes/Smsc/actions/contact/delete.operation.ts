import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { explainSmscError } from '../../../shared/errors';
import { smscRequest } from '../../../shared/transport';
import { phoneField, phoneParam } from '../shared/phone';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [phoneField('The number of the contact to delete, in international format')];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const phone = phoneParam.call(this, itemIndex);
	try {
		await smscRequest.call(this, 'phones', { del: 1, phone }, { itemIndex });
	} catch (error) {
		explainSmscError.call(this, error, itemIndex, 'phones', { 3: `SMSC has no contact with phone ${phone}` });
	}
	return { success: true, phone };
}

export const deleteContact = defineOperation('contact', 'delete', properties, { execute }, {
	name: 'Delete',
	description: 'Delete a contact from the SMSC phone book',
	action: 'Delete a contact',
});

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { explainSmscError } from '../../../shared/transport/errors';
import { smscRequest } from '../../../shared/transport/request';
import { BOOKS, contactAddress, contactAddressFields } from '../addressBook';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = contactAddressFields(
	'The number of the contact to delete, in international format',
	'The e-mail address of the contact to delete',
);

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { book, param, value } = contactAddress.call(this, itemIndex);
	const { script, noun } = BOOKS[book];
	try {
		await smscRequest.call(this, script, { del: 1, [param]: value }, { itemIndex });
	} catch (error) {
		explainSmscError.call(this, error, itemIndex, script, {
			3: `SMSC has no contact with ${noun} ${value}`,
		});
	}
	return { success: true, [param]: value };
}

export const deleteContact = defineOperation(
	'contact',
	'delete',
	properties,
	{ execute },
	{
		name: 'Delete',
		description: 'Delete a contact from the SMSC phone or e-mail address book',
		action: 'Delete a contact',
	},
);

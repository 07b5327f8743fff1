import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { explainSmscError } from '../../../shared/transport/errors';
import { smscRequest } from '../../../shared/transport/request';
import { BOOKS, contactAddress, contactAddressFields } from '../addressBook';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	...contactAddressFields(
		'The number to unblock, in international format',
		'The e-mail address to unblock',
	),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { book, param, value } = contactAddress.call(this, itemIndex);
	const script = BOOKS[book].script;
	try {
		await smscRequest.call(this, script, { del_black: 1, [param]: value }, { itemIndex });
	} catch (error) {
		explainSmscError.call(this, error, itemIndex, script, {
			3: `The ${BOOKS[book].noun} ${value} is not on the SMSC blacklist`,
		});
	}
	return { success: true, [param]: value };
}

export const remove = defineOperation(
	'blacklist',
	'remove',
	properties,
	{ execute },
	{
		name: 'Remove',
		description: 'Unblock a phone number or e-mail address',
		action: 'Remove a number from the blacklist',
	},
);

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { contactAddressFields, removeAddress } from '../addressBook';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	...contactAddressFields(
		'The number to unblock, in international format',
		'The e-mail address to unblock',
	),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await removeAddress.call(
		this,
		itemIndex,
		'del_black',
		(address) => `The ${address} is not on the SMSC blacklist`,
	);
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

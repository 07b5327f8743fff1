import type { INodeProperties } from 'n8n-workflow';

import { contactAddressFields, removeAddress } from '../addressBook';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = contactAddressFields(
	'The number to unblock, in international format',
	'The e-mail address to unblock',
);

const execute = removeAddress(
	'del_black',
	(address) => `The ${address} is not on the SMSC blacklist`,
);

export const remove = defineOperation('blacklist', 'remove', properties, execute, {
	name: 'Remove',
	description: 'Unblock a phone number or e-mail address',
	action: 'Remove a number from the blacklist',
});

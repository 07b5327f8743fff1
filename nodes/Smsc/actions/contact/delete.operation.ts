import type { INodeProperties } from 'n8n-workflow';

import { contactAddressFields, removeAddress } from '../addressBook';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = contactAddressFields(
	'The number of the contact to delete, in international format',
	'The e-mail address of the contact to delete',
);

const execute = removeAddress('del', (address) => `SMSC has no contact with ${address}`);

export const deleteContact = defineOperation('contact', 'delete', properties, execute, {
	name: 'Delete',
	description: 'Delete a contact from the SMSC phone or e-mail address book',
	action: 'Delete a contact',
});

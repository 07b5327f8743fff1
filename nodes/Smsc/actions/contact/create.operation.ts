import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../../shared/editor/options';
import { smscRequest } from '../../../shared/transport/request';
import { BOOKS, contactAddress, contactAddressFields } from '../addressBook';
import { defineOperation } from '../operation';
import { contactParams } from './contact';
import type { ContactFields } from './contact';
import { createFields } from './fields';

const properties: INodeProperties[] = [
	...contactAddressFields(
		'The number messages go to, in international format. Separate several numbers of the same contact with commas.',
		'The address e-mails go to. Separate several addresses of the same contact with commas.',
	),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. Anna Petrova',
		description: 'The name the contact is listed under in SMSC',
	},
	additionalFieldsCollection(createFields),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const address = contactAddress.call(this, itemIndex, true);
	const name = String(this.getNodeParameter('name', itemIndex, '') ?? '');
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as ContactFields;
	const { params, output } = contactParams.call(
		this,
		{ ...additional, name, newPhone: undefined, newMail: undefined },
		itemIndex,
		address.book,
	);

	const { script } = BOOKS[address.book];
	const answer = (await smscRequest.call(
		this,
		script,
		{ add: 1, [address.param]: address.value, ...params },
		{ itemIndex },
	)) as IDataObject;
	return {
		id: answer.id !== undefined ? Number(answer.id) : undefined,
		[address.param]: address.value,
		...output,
	};
}

export const create = defineOperation('contact', 'create', properties, execute, {
	name: 'Create',
	description: 'Add a contact to the SMSC phone or e-mail address book',
	action: 'Create a contact',
});

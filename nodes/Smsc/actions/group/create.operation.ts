import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../../shared/editor/options';
import { smscRequest } from '../../../shared/transport/request';
import { requiredText } from '../itemErrors';
import { defineOperation } from '../operation';
import { BOOKS, addressBook, addressBookField } from '../addressBook';
import { GROUP_TYPES, readGroupNumber, groupNumberField, groupTypeField } from './group';

const properties: INodeProperties[] = [
	addressBookField,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Customers',
		description: 'The name of the new group',
	},
	additionalFieldsCollection([
		groupNumberField,
		{
			...groupTypeField,
			description: 'Whether the group holds phone numbers or e-mail addresses',
			// a group of the e-mail address book holds e-mail addresses: it is sent as type 1
			displayOptions: { show: { '/addressBook': ['phones'] } },
		},
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = requiredText(this, itemIndex, 'name', 'Group Name');
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as {
		number?: number;
		type?: string;
	};
	const number = readGroupNumber.call(this, additional.number, itemIndex);
	const book = addressBook.call(this, itemIndex);
	const type = book === 'mails' ? 'email' : (additional.type ?? 'phone');
	if (!(type in GROUP_TYPES)) {
		throw new NodeOperationError(
			this.getNode(),
			`The group Type "${type}" is not one of: phone, email.`,
			{ itemIndex },
		);
	}

	const answer = (await smscRequest.call(
		this,
		BOOKS[book].script,
		{ add_group: 1, name, num: number, type: GROUP_TYPES[type] },
		{ itemIndex },
	)) as IDataObject;
	return {
		id: answer.id !== undefined ? Number(answer.id) : undefined,
		name,
		type,
		...(number !== undefined ? { number } : {}),
	};
}

export const create = defineOperation('group', 'create', properties, execute, {
	name: 'Create',
	description: 'Create a contact group',
	action: 'Create a group',
});

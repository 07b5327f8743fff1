import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../../shared/options';
import { parsePhoneList } from '../../../shared/phones';
import { smscRequest } from '../../../shared/transport';
import { phoneField } from '../shared/phone';
import { defineOperation } from '../operation';
import { contactParams } from './contact';
import type { ContactFields } from './contact';
import { createFields } from './fields';

const properties: INodeProperties[] = [
	phoneField(
		'The number messages go to, in international format. Separate several numbers of the same contact with commas.',
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
	const phones = parsePhoneList.call(this, this.getNodeParameter('phone', itemIndex, ''), itemIndex, 'Phone');
	const name = String(this.getNodeParameter('name', itemIndex, '') ?? '');
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as ContactFields;
	const { params, output } = contactParams.call(this, { ...additional, name, newPhone: undefined }, itemIndex);
	const phone = phones.join(',');

	const answer = (await smscRequest.call(this, 'phones', { add: 1, phone, ...params }, { itemIndex })) as IDataObject;
	return { id: answer.id !== undefined ? Number(answer.id) : undefined, phone, ...output };
}

export const create = defineOperation('contact', 'create', properties, { execute }, {
	name: 'Create',
	description: 'Add a contact to the SMSC phone book',
	action: 'Create a contact',
});

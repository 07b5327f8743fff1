import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { samePhone } from '../../../shared/phones';
import { smscList } from '../../../shared/transport';
import { phoneField, phoneParam } from '../shared/phone';
import { defineOperation } from '../operation';
import { simplifyContact } from './contact';

const properties: INodeProperties[] = [phoneField('The number of the contact to get, in international format')];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const phone = phoneParam.call(this, itemIndex);
	const contacts = (await smscList.call(this, 'phones', { get: 1, phone }, itemIndex)).map(simplifyContact);
	// A contact may hold several numbers ("a,b"); only one that really has this number is the answer,
	// so a looser match on SMSC's side never returns somebody else's contact.
	const contact = contacts.find((candidate) =>
		String(candidate.phone)
			.split(/[\s,;]+/)
			.some((own) => samePhone(own, phone)),
	);
	if (!contact) {
		throw new NodeApiError(
			this.getNode(),
			{ script: 'phones', smscErrorCode: 3 },
			{ message: `SMSC has no contact with phone ${phone}.`, itemIndex, httpCode: '404' },
		);
	}
	return contact;
}

export const get = defineOperation('contact', 'get', properties, { execute }, {
	name: 'Get',
	description: 'Get a contact by its phone number',
	action: 'Get a contact',
});

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { samePhone } from '../../../shared/smsc/phones';
import { smscList } from '../../../shared/transport/request';
import { BOOKS, contactAddress, contactAddressFields } from '../addressBook';
import { defineOperation } from '../operation';
import { simplifyContact } from './contact';

const properties: INodeProperties[] = contactAddressFields(
	'The number of the contact to get, in international format',
	'The e-mail address of the contact to get',
);

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { book, param, value } = contactAddress.call(this, itemIndex);
	const { script, noun } = BOOKS[book];
	const contacts = (await smscList.call(this, script, { get: 1, [param]: value }, itemIndex)).map(
		(raw) => simplifyContact(raw, book),
	);
	// A contact may hold several numbers ("a,b"); only one that really has this number is the answer,
	// so a looser match on SMSC's side never returns somebody else's contact.
	const same = (own: string) =>
		book === 'phones' ? samePhone(own, value) : own.toLowerCase() === value;
	const contact = contacts.find((candidate) =>
		String(candidate[param])
			.split(/[\s,;]+/)
			.some(same),
	);
	if (!contact) {
		throw new NodeApiError(
			this.getNode(),
			{ script, smscErrorCode: 3 },
			{ message: `SMSC has no contact with ${noun} ${value}.`, itemIndex, httpCode: '404' },
		);
	}
	return contact;
}

export const get = defineOperation('contact', 'get', properties, execute, {
	name: 'Get',
	description: 'Get a contact by its phone number or e-mail address',
	action: 'Get a contact',
});

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parsePhone, parsePhoneList, splitList } from '../../shared/smsc/phones';
import { emptyField, PHONES_PAGE_SIZE, isEmail, notAnEmail } from '../../shared/smsc/rules';
import { explainSmscError } from '../../shared/transport/errors';
import { smscRequest } from '../../shared/transport/request';
import { phoneField } from '../descriptions/phone';
import { collectPages } from './paging';
import type { PagedList } from './paging';
import type { RunState } from './runState';

/**
 * SMSC's two address books (SMSC page "Управление контактами"): phones.php for phone numbers, and
 * mails.php for e-mail addresses, whose "format of requests is the same as for phones.php" with
 * `mail` and `new_mail` for `phone` and `new_phone`. That mails.php keeps a book (and groups) of
 * its own, apart from phones.php, is how we read the page: it does not say so outright.
 */
export type AddressBook = 'phones' | 'mails';

/** What each book calls a contact's address, in requests and in answers. */
export const BOOKS = {
	phones: {
		script: 'phones',
		address: 'phone',
		newAddress: 'new_phone',
		otherAddresses: 'phone_other',
		noun: 'phone',
	},
	mails: {
		script: 'mails',
		address: 'mail',
		newAddress: 'new_mail',
		otherAddresses: 'mail_other',
		noun: 'e-mail address',
	},
} as const;

export const addressBookField: INodeProperties = {
	displayName: 'Address Book',
	name: 'addressBook',
	type: 'options',
	noDataExpression: true,
	default: 'phones',
	description:
		'Whether to work with the contacts and groups of phone numbers or those of e-mail addresses',
	options: [
		{
			name: 'E-Mail Addresses',
			value: 'mails',
			description: 'Contacts and groups for e-mail messages (SMSC mails.php)',
		},
		{
			name: 'Phone Numbers',
			value: 'phones',
			description: 'Contacts and groups for SMS, calls and messengers (SMSC phones.php)',
		},
	],
};

/** The item's address book; anything but `mails` (an older workflow has no field) is the phone book. */
export function addressBook(this: IExecuteFunctions, itemIndex: number): AddressBook {
	return this.getNodeParameter('addressBook', itemIndex, 'phones') === 'mails' ? 'mails' : 'phones';
}

/** The Address Book field and the contact's address in it: Phone for phones.php, Email for mails.php. */
export function contactAddressFields(
	phoneDescription: string,
	emailDescription: string,
): INodeProperties[] {
	return [
		addressBookField,
		{ ...phoneField(phoneDescription), displayOptions: { show: { addressBook: ['phones'] } } },
		{
			displayName: 'Email',
			name: 'mail',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			description: emailDescription,
			displayOptions: { show: { addressBook: ['mails'] } },
		},
	];
}

/**
 * The contact's address of an item, checked: its book, the request parameter, the value and what
 * the book calls an address (for messages).
 */
export function contactAddress(
	this: IExecuteFunctions,
	itemIndex: number,
	several = false,
): { book: AddressBook; param: 'phone' | 'mail'; value: string; noun: string } {
	const book = addressBook.call(this, itemIndex);
	const { noun } = BOOKS[book];
	if (book === 'phones') {
		const raw = this.getNodeParameter('phone', itemIndex, '');
		const value = several
			? parsePhoneList.call(this, raw, itemIndex, 'Phone').join(',')
			: parsePhone.call(this, raw, itemIndex);
		return { book, param: 'phone', value, noun };
	}
	return {
		book,
		param: 'mail',
		value: parseEmails
			.call(this, this.getNodeParameter('mail', itemIndex, ''), itemIndex, 'Email', several)
			.join(','),
		noun,
	};
}

/**
 * One phones.php or mails.php command on a contact, group or blacklist entry that must exist: SMSC
 * answers error 3 when it has none (SMSC page "Управление контактами"), which `missing` words for
 * the command.
 */
export async function bookCommand(
	this: IExecuteFunctions,
	itemIndex: number,
	book: AddressBook,
	params: IDataObject,
	missing: string,
): Promise<IDataObject> {
	const { script } = BOOKS[book];
	try {
		return (await smscRequest.call(this, script, params, { itemIndex })) as IDataObject;
	} catch (error) {
		return explainSmscError.call(this, error, itemIndex, script, { 3: missing });
	}
}

/** E-mail addresses of one field, each checked, duplicates dropped; one unless `several`. */
export function parseEmails(
	this: IExecuteFunctions,
	raw: unknown,
	itemIndex: number,
	field: string,
	several = true,
	required = true,
): string[] {
	const addresses = splitList(raw).map((address) => address.toLowerCase());
	if (addresses.length === 0 && required) {
		throw new NodeOperationError(
			this.getNode(),
			emptyField(field, 'Enter an e-mail address, e.g. name@example.com.'),
			{ itemIndex },
		);
	}
	const bad = addresses.find((address) => !isEmail(address));
	if (bad !== undefined) {
		throw new NodeOperationError(this.getNode(), notAnEmail(bad, field), { itemIndex });
	}
	if (!several && addresses.length > 1) {
		throw new NodeOperationError(
			this.getNode(),
			`The ${field} holds ${addresses.length} addresses; enter one.`,
			{ itemIndex },
		);
	}
	return addresses.filter((address, index) => addresses.indexOf(address) === index);
}

/**
 * Contact Delete (`del`) and Blacklist Remove (`del_black`): the same command on the one address
 * of an item; `missing` words SMSC's error 3 for it, given e.g. "phone +79991234567". Returns the
 * operation's execute.
 */
export function removeAddress(
	command: 'del' | 'del_black',
	missing: (address: string) => string,
): (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject> {
	return async function (this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const { book, param, value, noun } = contactAddress.call(this, itemIndex);
		await bookCommand.call(
			this,
			itemIndex,
			book,
			{ [command]: 1, [param]: value },
			missing(`${noun} ${value}`),
		);
		return { success: true, [param]: value };
	};
}

/** The pages of a list of one address book (Get Many): both scripts give at most PHONES_PAGE_SIZE rows a request. */
export async function bookPages(
	this: IExecuteFunctions,
	itemIndex: number,
	run: RunState,
	book: AddressBook,
	list: Omit<PagedList, 'script' | 'pageSize'>,
): Promise<IDataObject[]> {
	return await collectPages.call(this, itemIndex, run, {
		...list,
		script: BOOKS[book].script,
		pageSize: PHONES_PAGE_SIZE,
	});
}

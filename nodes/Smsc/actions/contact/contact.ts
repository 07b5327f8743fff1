import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { parsePhoneList } from '../../../shared/smsc/phones';
import { positiveId } from '../../descriptions/locators';
import { BOOKS, parseEmails } from '../addressBook';
import type { AddressBook } from '../addressBook';
import { fromSmscDate, toSmscDate } from './birthday';

/** The contact details of Create's Additional Fields and Update's Update Fields, as n8n hands them over. */
export interface ContactFields {
	birthday?: unknown;
	comment?: string;
	firstName?: string;
	groups?: Array<string | number> | string | number;
	lastName?: string;
	middleName?: string;
	myId?: string;
	name?: string;
	newPhone?: string;
	newMail?: string;
	otherPhones?: string | string[];
	tags?: string;
}

/** n8n field → phones.php parameter (SMSC page "Управление контактами") for the plain text fields. */
const TEXT_PARAMS: Array<[keyof ContactFields, string]> = [
	['name', 'name'],
	['firstName', 'fnm'],
	['lastName', 'lnm'],
	['middleName', 'mnm'],
	['myId', 'myid'],
	['comment', 'cmt'],
	['tags', 'tags'],
];

function groupIds(
	this: IExecuteFunctions,
	raw: ContactFields['groups'],
	itemIndex: number,
): number[] {
	const values = (
		Array.isArray(raw) ? raw : raw === undefined || raw === '' ? [] : String(raw).split(',')
	)
		.map((value) => String(value).trim())
		.filter((value) => value !== '');
	return values
		.map((value) => positiveId.call(this, 'group', value, itemIndex))
		.filter((id, index, all) => all.indexOf(id) === index);
}

/**
 * Checks the contact fields and turns them into phones.php parameters plus the same values as the
 * node outputs them, so Create and Update echo exactly what SMSC was asked to store.
 */
export function contactParams(
	this: IExecuteFunctions,
	fields: ContactFields,
	itemIndex: number,
	book: AddressBook = 'phones',
): { params: IDataObject; output: IDataObject } {
	const params: IDataObject = {};
	const output: IDataObject = {};
	for (const [field, param] of TEXT_PARAMS) {
		const value = fields[field];
		if (value === undefined || value === null || String(value).trim() === '') continue;
		params[param] = String(value).trim();
		output[field] = String(value).trim();
	}
	const birthday = toSmscDate.call(this, fields.birthday, itemIndex);
	if (birthday !== '') {
		params.bd = birthday;
		output.birthday = fromSmscDate(birthday);
	}
	// `pho` is documented for phone numbers only; the e-mail book shows no Other Phones field
	const otherPhones =
		book === 'phones'
			? parsePhoneList.call(this, fields.otherPhones, itemIndex, 'Other Phones', false)
			: [];
	if (otherPhones.length) {
		params.pho = otherPhones.join(',');
		output.otherPhones = otherPhones.join(',');
	}
	const newAddresses =
		book === 'phones'
			? parsePhoneList.call(this, fields.newPhone, itemIndex, 'New Phone', false)
			: parseEmails.call(this, fields.newMail, itemIndex, 'New Email', true, false);
	if (newAddresses.length) {
		params[BOOKS[book].newAddress] = newAddresses.join(',');
		output[book === 'phones' ? 'newPhone' : 'newMail'] = newAddresses.join(',');
	}
	const groups = groupIds.call(this, fields.groups, itemIndex);
	if (groups.length) {
		params.grp = groups.join(',');
		output.groups = groups;
	}
	return { params, output };
}

function groupList(value: unknown): number[] {
	return String(value ?? '')
		.split(/[\s,;]+/)
		.map(Number)
		.filter((id) => Number.isInteger(id) && id > 0);
}

/**
 * One contact as the node outputs it. SMSC's `id` is the client's own ID (SMSC page "Управление контактами") while the server's
 * is `int_id`, so the output names them `myId` and `id` to match Create's `id`.
 */
export function simplifyContact(raw: IDataObject, book: AddressBook = 'phones'): IDataObject {
	const intId = Number(raw.int_id);
	const { address, otherAddresses } = BOOKS[book];
	return {
		...(raw.int_id !== undefined && Number.isFinite(intId) ? { id: intId } : {}),
		[address]: String(raw[address] ?? ''),
		name: String(raw.name ?? ''),
		groups: groupList(raw.group),
		firstName: String(raw.first_name ?? ''),
		lastName: String(raw.last_name ?? ''),
		middleName: String(raw.middle_name ?? ''),
		birthday: fromSmscDate(raw.birthday),
		myId: String(raw.id ?? ''),
		comment: String(raw.comments ?? ''),
		tags: String(raw.tags ?? ''),
		[book === 'phones' ? 'otherPhones' : 'otherMails']: String(raw[otherAddresses] ?? ''),
	};
}

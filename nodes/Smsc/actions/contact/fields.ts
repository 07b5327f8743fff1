import type { INodeProperties } from 'n8n-workflow';

/** Contact details both Create and Update can set, in the order n8n shows them (alphabetical). */
const birthday: INodeProperties = {
	displayName: 'Birthday',
	name: 'birthday',
	type: 'dateTime',
	default: '',
	description: 'The date of birth; only the date is kept',
};
const comment: INodeProperties = {
	displayName: 'Comment',
	name: 'comment',
	type: 'string',
	default: '',
	description: 'A note about the contact',
};
const firstName: INodeProperties = {
	displayName: 'First Name',
	name: 'firstName',
	type: 'string',
	default: '',
};
const lastName: INodeProperties = {
	displayName: 'Last Name',
	name: 'lastName',
	type: 'string',
	default: '',
};
const middleName: INodeProperties = {
	displayName: 'Middle Name',
	name: 'middleName',
	type: 'string',
	default: '',
};
const myId: INodeProperties = {
	displayName: 'My ID',
	name: 'myId',
	type: 'string',
	default: '',
	description: 'Your own identifier for the contact, e.g. its ID in your CRM',
};
const otherPhones: INodeProperties = {
	displayName: 'Other Phones',
	name: 'otherPhones',
	type: 'string',
	default: '',
	placeholder: 'e.g. +79991234568, +79991234569',
	description:
		'More numbers of the contact, separated by commas. SMSC stores them but never sends messages to them.',
	// phones.php `pho`; the page names no such parameter for mails.php
	displayOptions: { show: { '/addressBook': ['phones'] } },
};
const tags: INodeProperties = {
	displayName: 'Tags',
	name: 'tags',
	type: 'string',
	default: '',
	description: 'Labels for the contact, separated by commas',
};

const groups: INodeProperties = {
	displayName: 'Group Names or IDs',
	name: 'groups',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getGroups' },
	default: [],
	description:
		'Groups the contact belongs to. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** Additional Fields of Create. */
export const createFields: INodeProperties[] = [
	birthday,
	comment,
	firstName,
	groups,
	lastName,
	middleName,
	myId,
	otherPhones,
	tags,
];

/** Update Fields of Update: everything Create sets except groups (the group operations change those), plus a new number. */
export const updateFields: INodeProperties[] = [
	birthday,
	comment,
	firstName,
	lastName,
	middleName,
	myId,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'The new name of the contact',
	},
	{
		displayName: 'New Phone',
		name: 'newPhone',
		type: 'string',
		default: '',
		placeholder: 'e.g. +79991234568',
		description:
			"The contact's new number, replacing the current one. Separate several numbers with commas.",
		displayOptions: { show: { '/addressBook': ['phones'] } },
	},
	{
		displayName: 'New Email',
		name: 'newMail',
		type: 'string',
		default: '',
		placeholder: 'e.g. anna@example.com',
		description:
			"The contact's new e-mail address, replacing the current one. Separate several addresses with commas.",
		displayOptions: { show: { '/addressBook': ['mails'] } },
	},
	otherPhones,
	tags,
];

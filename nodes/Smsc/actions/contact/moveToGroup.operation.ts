import { membershipOperation } from './membership';

export const moveToGroup = membershipOperation(
	'moveToGroup',
	1,
	'The group the contact will belong to, instead of its current groups',
	{
		name: 'Move to Group',
		description: 'Make a group the only group of a contact, taking it out of all others',
		action: 'Move a contact to a group',
	},
);

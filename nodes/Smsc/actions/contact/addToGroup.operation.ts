import { membershipOperation } from './membership';

export const addToGroup = membershipOperation(
	{
		name: 'Add to Group',
		value: 'addToGroup',
		description: 'Add a contact to a group, keeping its other groups',
		action: 'Add a contact to a group',
	},
	2,
	'The group to add the contact to',
);

import { membershipOperation } from './membership';

export const addToGroup = membershipOperation('addToGroup', 2, 'The group to add the contact to', {
	name: 'Add to Group',
	description: 'Add a contact to a group, keeping its other groups',
	action: 'Add a contact to a group',
});

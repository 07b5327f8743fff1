import { membershipOperation } from './membership';

export const removeFromGroup = membershipOperation(
	'removeFromGroup',
	3,
	'The group to take the contact out of',
	{
		name: 'Remove From Group',
		description: 'Take a contact out of a group; the contact itself is kept',
		action: 'Remove a contact from a group',
	},
);

import { membershipOperation } from './membership';

export const removeFromGroup = membershipOperation(
	{
		name: 'Remove from Group',
		value: 'removeFromGroup',
		description: 'Take a contact out of a group; the contact itself is kept',
		action: 'Remove a contact from a group',
	},
	3,
	'The group to take the contact out of',
);

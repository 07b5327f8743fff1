import type { IExecuteFunctions } from 'n8n-workflow';

import type { SmscOperation } from '../types';
import { changeMembership, membershipFields } from './membership';

export const removeFromGroup: SmscOperation = {
	option: {
		name: 'Remove From Group',
		value: 'removeFromGroup',
		description: 'Take a contact out of a group; the contact itself is kept',
		action: 'Remove a contact from a group',
	},
	description: membershipFields('removeFromGroup', 'The group to take the contact out of'),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await changeMembership.call(this, itemIndex, 3);
	},
};

import type { IExecuteFunctions } from 'n8n-workflow';

import type { SmscOperation } from '../types';
import { changeMembership, membershipFields } from './membership';

export const moveToGroup: SmscOperation = {
	option: {
		name: 'Move to Group',
		value: 'moveToGroup',
		description: 'Make a group the only group of a contact, taking it out of all others',
		action: 'Move a contact to a group',
	},
	description: membershipFields('moveToGroup', 'The group the contact will belong to, instead of its current groups'),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await changeMembership.call(this, itemIndex, 1);
	},
};

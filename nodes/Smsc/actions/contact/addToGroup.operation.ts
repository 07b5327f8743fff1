import type { IExecuteFunctions } from 'n8n-workflow';

import type { SmscOperation } from '../types';
import { changeMembership, membershipFields } from './membership';

export const addToGroup: SmscOperation = {
	option: {
		name: 'Add to Group',
		value: 'addToGroup',
		description: 'Add a contact to a group, keeping its other groups',
		action: 'Add a contact to a group',
	},
	description: membershipFields('addToGroup', 'The group to add the contact to'),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await changeMembership.call(this, itemIndex, 2);
	},
};

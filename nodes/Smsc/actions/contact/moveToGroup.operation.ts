import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmscOperation } from '../types';
import { changeMembership, membershipFields } from './membership';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await changeMembership.call(this, itemIndex, 1);
}

export const moveToGroup: SmscOperation = {
	option: {
		name: 'Move to Group',
		value: 'moveToGroup',
		description: 'Make a group the only group of a contact, taking it out of all others',
		action: 'Move a contact to a group',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['contact'], operation: ['moveToGroup'] } },
		membershipFields('The group the contact will belong to, instead of its current groups'),
	),
	execute,
};

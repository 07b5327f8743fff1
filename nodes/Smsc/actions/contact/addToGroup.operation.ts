import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmscOperation } from '../types';
import { changeMembership, membershipFields } from './membership';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await changeMembership.call(this, itemIndex, 2);
}

export const addToGroup: SmscOperation = {
	option: {
		name: 'Add to Group',
		value: 'addToGroup',
		description: 'Add a contact to a group, keeping its other groups',
		action: 'Add a contact to a group',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['contact'], operation: ['addToGroup'] } },
		membershipFields('The group to add the contact to'),
	),
	execute,
};

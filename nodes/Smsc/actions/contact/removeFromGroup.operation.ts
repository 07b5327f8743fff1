import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmscOperation } from '../types';
import { changeMembership, membershipFields } from './membership';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await changeMembership.call(this, itemIndex, 3);
}

export const removeFromGroup: SmscOperation = {
	option: {
		name: 'Remove From Group',
		value: 'removeFromGroup',
		description: 'Take a contact out of a group; the contact itself is kept',
		action: 'Remove a contact from a group',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['contact'], operation: ['removeFromGroup'] } },
		membershipFields('The group to take the contact out of'),
	),
	execute,
};

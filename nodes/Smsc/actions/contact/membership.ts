import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { explainSmscError } from '../../../shared/errors';
import { smscRequest } from '../../../shared/transport';
import { groupIdParam, groupLocator } from '../group/locator';
import { phoneField, phoneParam } from '../shared/phone';

/** phones.php `move_group` modes: 1 moves the contact into only this group, 2 adds it, 3 removes it. */
export type MoveGroupMode = 1 | 2 | 3;

/** The fields of Add to Group, Move to Group and Remove From Group: the contact and the group. */
export function membershipFields(operation: string, groupDescription: string): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['contact'], operation: [operation] } }, [
		phoneField('The number of the contact, in international format'),
		groupLocator(groupDescription),
	]);
}

/** Changes one contact's groups with phones.php `move_group`; the three operations differ only in the mode. */
export async function changeMembership(this: IExecuteFunctions, itemIndex: number, mode: MoveGroupMode): Promise<IDataObject> {
	const phone = phoneParam.call(this, itemIndex);
	const group = groupIdParam.call(this, itemIndex);
	try {
		await smscRequest.call(this, 'phones', { move_group: mode, grp: group, phone }, { itemIndex });
	} catch (error) {
		const missing =
			mode === 3
				? `SMSC has no contact with phone ${phone} in group ${group}, or no such group`
				: `SMSC has no contact with phone ${phone}, or no group with ID ${group}`;
		explainSmscError.call(this, error, itemIndex, 'phones', { 3: missing });
	}
	return { success: true, phone, group };
}

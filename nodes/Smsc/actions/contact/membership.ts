import type { IDataObject, IExecuteFunctions, INodePropertyOptions } from 'n8n-workflow';

import { groupIdParam, groupLocator } from '../../descriptions/locators';
import { defineOperation } from '../operation';
import { bookCommand, contactAddress, contactAddressFields } from '../addressBook';
import type { SmscOperation } from '../operation';

/** phones.php `move_group` modes: 1 moves the contact into only this group, 2 adds it, 3 removes it. */
export type MoveGroupMode = 1 | 2 | 3;

/**
 * Add to Group, Move to Group and Remove From Group: the same fields (the contact and the group)
 * and the same request; they differ only in the mode and in how the group is described.
 */
export function membershipOperation(
	value: string,
	mode: MoveGroupMode,
	groupDescription: string,
	option: Omit<INodePropertyOptions, 'value'>,
): SmscOperation {
	const fields = [
		...contactAddressFields(
			'The number of the contact, in international format',
			'The e-mail address of the contact',
		),
		groupLocator(groupDescription),
	];
	async function execute(this: IExecuteFunctions, itemIndex: number) {
		return await changeMembership.call(this, itemIndex, mode);
	}
	return defineOperation('contact', value, fields, execute, option);
}

/** Changes one contact's groups with phones.php `move_group`; the three operations differ only in the mode. */
async function changeMembership(
	this: IExecuteFunctions,
	itemIndex: number,
	mode: MoveGroupMode,
): Promise<IDataObject> {
	const { book, param, value, noun } = contactAddress.call(this, itemIndex);
	const group = groupIdParam.call(this, itemIndex);
	const missing =
		mode === 3
			? `SMSC has no contact with ${noun} ${value} in group ${group}, or no such group`
			: `SMSC has no contact with ${noun} ${value}, or no group with ID ${group}`;
	await bookCommand.call(
		this,
		itemIndex,
		book,
		{ move_group: mode, grp: group, [param]: value },
		missing,
	);
	return { success: true, [param]: value, group };
}

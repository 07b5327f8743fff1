import type { IDataObject, IExecuteFunctions, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { smscRequest } from '../../../shared/transport';
import { groupIdParam, groupLocator } from '../group/locator';
import { phoneField, phoneParam } from '../shared/phone';
import type { SmscOperation } from '../types';
import { explainNotFound } from './contact';

/** phones.php `move_group` modes (000): 1 moves the contact into only this group, 2 adds it, 3 removes it. */
export type MoveGroupMode = 1 | 2 | 3;

/** Add to Group, Move to Group and Remove from Group differ only in the `move_group` mode and wording. */
export function membershipOperation(option: INodePropertyOptions, mode: MoveGroupMode, groupDescription: string): SmscOperation {
	const operation = String(option.value);
	async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const phone = phoneParam.call(this, itemIndex);
		const group = groupIdParam.call(this, itemIndex);
		try {
			await smscRequest.call(this, 'phones', { move_group: mode, grp: group, phone }, { itemIndex });
		} catch (error) {
			const missing =
				mode === 3
					? `SMSC has no contact with phone ${phone} in group ${group}, or no such group`
					: `SMSC has no contact with phone ${phone}, or no group with ID ${group}`;
			explainNotFound.call(this, error, missing, itemIndex);
		}
		return { success: true, phone, group };
	}
	return {
		option,
		description: updateDisplayOptions({ show: { resource: ['contact'], operation: [operation] } }, [
			phoneField('The number of the contact, in international format'),
			groupLocator(groupDescription),
		]),
		execute,
	};
}

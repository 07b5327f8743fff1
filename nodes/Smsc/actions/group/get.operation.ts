import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { smscList } from '../../../shared/transport/request';
import { defineOperation } from '../operation';
import { simplifyGroup } from './group';
import { groupIdParam, groupLocator } from './locator';

const properties: INodeProperties[] = [groupLocator('The group to get')];

/**
 * phones.php has no command for one group (SMSC page "Управление контактами"): `get_group` lists
 * them all, and SMSC refuses a fourth identical phones.php request within a minute (error 9). So
 * one run of the node asks once and every item looks its group up in that answer.
 */
const groupsOfRun = new WeakMap<object, Promise<IDataObject[]>>();

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = groupIdParam.call(this, itemIndex);
	let groups = groupsOfRun.get(this);
	if (!groups) {
		groups = smscList.call(this, 'phones', { get_group: 1 }, itemIndex);
		groupsOfRun.set(this, groups);
	}
	const found = (await groups).map(simplifyGroup).find((group) => group.id === id);
	if (!found) {
		throw new NodeOperationError(this.getNode(), `SMSC has no group with ID ${id}.`, { itemIndex });
	}
	return found;
}

export const get = defineOperation(
	'group',
	'get',
	properties,
	{ execute },
	{
		name: 'Get',
		description: 'Get one contact group by its ID',
		action: 'Get a group',
	},
);

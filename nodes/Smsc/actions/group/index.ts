import type { SmscResource } from '../operation';
import { create } from './create.operation';
import { deleteGroup } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';

export const group: SmscResource = {
	operations: { create, delete: deleteGroup, get, getAll, update },
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		options: [create.option, deleteGroup.option, get.option, getAll.option, update.option],
		default: 'getAll',
	},
};

import type { SmscResource } from '../operation';
import { add } from './add.operation';
import { getAll } from './getAll.operation';
import { remove } from './remove.operation';

export const blacklist: SmscResource = {
	operations: { add, getAll, remove },
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['blacklist'] } },
		options: [add.option, getAll.option, remove.option],
		default: 'add',
	},
};

import type { SmscResource } from '../operation';
import { addToGroup } from './addToGroup.operation';
import { create } from './create.operation';
import { deleteContact } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { moveToGroup } from './moveToGroup.operation';
import { removeFromGroup } from './removeFromGroup.operation';
import { update } from './update.operation';

export const contact: SmscResource = {
	operations: {
		addToGroup,
		create,
		delete: deleteContact,
		get,
		getAll,
		moveToGroup,
		removeFromGroup,
		update,
	},
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			addToGroup.option,
			create.option,
			deleteContact.option,
			get.option,
			getAll.option,
			moveToGroup.option,
			removeFromGroup.option,
			update.option,
		],
		default: 'create',
	},
};

import type { SmscResource } from '../operation';
import { create } from './create.operation';
import { deleteSenderName } from './delete.operation';
import { getAll } from './getAll.operation';
import { sendCode } from './sendCode.operation';
import { update } from './update.operation';
import { verifyCode } from './verifyCode.operation';

export const senderName: SmscResource = {
	operations: { create, delete: deleteSenderName, getAll, sendCode, update, verifyCode },
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['senderName'] } },
		options: [
			create.option,
			deleteSenderName.option,
			getAll.option,
			sendCode.option,
			update.option,
			verifyCode.option,
		],
		default: 'getAll',
	},
};

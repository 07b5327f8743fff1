import type { SmscResource } from '../operation';
import { deleteMessage } from './delete.operation';
import { getCost } from './getCost.operation';
import { getManyIncoming } from './getManyIncoming.operation';
import { getManySent } from './getManySent.operation';
import { getStatus } from './getStatus.operation';
import { send } from './send.operation';
import { sendAndWait } from './sendAndWait.operation';

export const message: SmscResource = {
	operations: {
		send,
		sendAndWait,
		getCost,
		getStatus,
		delete: deleteMessage,
		getManySent,
		getManyIncoming,
	},
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			deleteMessage.option,
			getCost.option,
			getManyIncoming.option,
			getManySent.option,
			getStatus.option,
			send.option,
			sendAndWait.option,
		],
		default: 'send',
	},
};

import type { SmscResource } from '../operation';
import { getBalance } from './getBalance.operation';

export const account: SmscResource = {
	operations: { getBalance },
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [getBalance.option],
		default: 'getBalance',
	},
};

import type { SmscResource } from '../operation';
import { request } from './request.operation';

export const callVerification: SmscResource = {
	operations: { request },
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['callVerification'] } },
		options: [request.option],
		default: 'request',
	},
};

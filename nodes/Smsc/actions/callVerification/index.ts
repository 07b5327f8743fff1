import type { SmscResource } from '../operation';
import { request } from './request.operation';

export const callVerification: SmscResource = {
	option: { name: 'Call Verification', value: 'callVerification' },
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

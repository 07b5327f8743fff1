import type { SmscResource } from '../types';

export const message: SmscResource = {
	option: { name: 'Message', value: 'message' },
	operations: {},
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [],
		default: '',
	},
};

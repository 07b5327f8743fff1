import type { SmscResource } from '../types';

export const senderName: SmscResource = {
	option: { name: 'Sender Name', value: 'senderName' },
	operations: {},
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['senderName'] } },
		options: [],
		default: '',
	},
};

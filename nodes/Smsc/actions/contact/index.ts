import type { SmscResource } from '../types';

export const contact: SmscResource = {
	option: { name: 'Contact', value: 'contact' },
	operations: {},
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [],
		default: '',
	},
};

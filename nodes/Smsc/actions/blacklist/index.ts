import type { SmscResource } from '../types';

export const blacklist: SmscResource = {
	option: { name: 'Blacklist', value: 'blacklist' },
	operations: {},
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['blacklist'] } },
		options: [],
		default: '',
	},
};

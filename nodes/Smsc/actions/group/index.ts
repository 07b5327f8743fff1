import type { SmscResource } from '../types';

export const group: SmscResource = {
	option: { name: 'Group', value: 'group' },
	operations: {},
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		options: [],
		default: '',
	},
};

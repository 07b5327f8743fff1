import type { SmscResource } from '../types';

export const callVerification: SmscResource = {
	option: { name: 'Call Verification', value: 'callVerification' },
	operations: {},
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['callVerification'] } },
		options: [],
		default: '',
	},
};

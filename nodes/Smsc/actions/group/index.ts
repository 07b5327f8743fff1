import type { SmscResource } from '../types';

export const group: SmscResource = {
	option: { name: 'Group', value: 'group' },
	operations: {},
	defaultOperation: '',
};

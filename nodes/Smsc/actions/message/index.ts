import type { SmscResource } from '../types';

export const message: SmscResource = {
	option: { name: 'Message', value: 'message' },
	operations: {},
	defaultOperation: '',
};

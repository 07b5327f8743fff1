import type { SmscResource } from '../types';

export const blacklist: SmscResource = {
	option: { name: 'Blacklist', value: 'blacklist' },
	operations: {},
	defaultOperation: '',
};

import type { SmscResource } from '../types';

export const contact: SmscResource = {
	option: { name: 'Contact', value: 'contact' },
	operations: {},
	defaultOperation: '',
};

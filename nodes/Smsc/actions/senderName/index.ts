import type { SmscResource } from '../types';

export const senderName: SmscResource = {
	option: { name: 'Sender Name', value: 'senderName' },
	operations: {},
	defaultOperation: '',
};

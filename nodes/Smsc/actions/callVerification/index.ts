import type { SmscResource } from '../types';

export const callVerification: SmscResource = {
	option: { name: 'Call Verification', value: 'callVerification' },
	operations: {},
	defaultOperation: '',
};

import type { SmscResource } from '../types';
import { getBalance } from './getBalance.operation';

export const account: SmscResource = {
	option: { name: 'Account', value: 'account' },
	operations: { getBalance },
	defaultOperation: 'getBalance',
};

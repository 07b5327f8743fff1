import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { smscRequest } from '../../../shared/transport';
import type { SmscOperation } from '../types';

const properties: INodeProperties[] = [];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const answer = (await smscRequest.call(this, 'balance', { cur: 1 }, { readOnly: true, itemIndex })) as IDataObject;
	return {
		balance: Number(answer.balance),
		currency: answer.currency,
		...(answer.credit !== undefined ? { credit: Number(answer.credit) } : {}),
	};
}

export const getBalance: SmscOperation = {
	option: {
		name: 'Get Balance',
		value: 'getBalance',
		description: 'Get the account balance and its currency',
		action: 'Get the account balance',
	},
	description: updateDisplayOptions({ show: { resource: ['account'], operation: ['getBalance'] } }, properties),
	execute,
};

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { smscRequest } from '../../../shared/transport/request';
import { errorItem, nameItem } from '../itemErrors';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [];

/** Turns balance.php's strings into numbers, refusing an answer that carries no balance at all. */
function toBalance(this: IExecuteFunctions, answer: IDataObject): IDataObject {
	const balance = Number(answer.balance);
	if (answer.balance === undefined || answer.balance === '' || Number.isNaN(balance)) {
		throw new NodeApiError(
			this.getNode(),
			{ script: 'balance' },
			{ message: `SMSC's balance answer has no balance: ${JSON.stringify(answer).slice(0, 200)}` },
		);
	}
	const credit = Number(answer.credit);
	return {
		balance,
		currency: answer.currency ?? '',
		...(answer.credit !== undefined && !Number.isNaN(credit) ? { credit } : {}),
	};
}

/**
 * One balance request serves every input item: the balance cannot differ between items of the
 * same run, and SMSC refuses the eleventh balance request within a minute (error 9).
 */
async function executeAll(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	if (items.length === 0) return [];
	let result: IDataObject;
	try {
		const answer = (await smscRequest.call(
			this,
			'balance',
			{ cur: 1 },
			{ readOnly: true, itemIndex: 0 },
		)) as IDataObject;
		result = toBalance.call(this, answer);
	} catch (error) {
		if (!this.continueOnFail()) throw nameItem(this, error, 0);
		// The one request failed for all items alike, so no item number goes into the message.
		const failure = error instanceof Error ? error : new Error(String(error));
		return items.map((_, itemIndex) => errorItem(this, failure, itemIndex));
	}
	return items.map((_, itemIndex) => ({ json: { ...result }, pairedItem: { item: itemIndex } }));
}

export const getBalance = defineOperation(
	'account',
	'getBalance',
	properties,
	{ executeAll },
	{
		name: 'Get Balance',
		description: 'Get the account balance and its currency',
		action: 'Get the account balance',
	},
);

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { explainSmscError } from '../../../shared/transport/errors';
import { smscRequest } from '../../../shared/transport/request';
import { phoneField, phoneParam } from '../../descriptions/phone';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	phoneField('The number to unblock, in international format'),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const phone = phoneParam.call(this, itemIndex);
	try {
		await smscRequest.call(this, 'phones', { del_black: 1, phone }, { itemIndex });
	} catch (error) {
		explainSmscError.call(this, error, itemIndex, 'phones', {
			3: `The phone ${phone} is not on the SMSC blacklist`,
		});
	}
	return { success: true, phone };
}

export const remove = defineOperation(
	'blacklist',
	'remove',
	properties,
	{ execute },
	{
		name: 'Remove',
		description: 'Unblock a phone number',
		action: 'Remove a number from the blacklist',
	},
);

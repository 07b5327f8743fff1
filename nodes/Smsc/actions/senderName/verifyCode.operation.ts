import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { explainSmscError } from '../../../shared/transport/errors';
import { smscRequest } from '../../../shared/transport/request';
import { defineOperation } from '../operation';
import { digitalSenderField, digitalSenderParam } from './senderName';

const properties: INodeProperties[] = [
	digitalSenderField('The phone number registered as a sender name that received the code'),
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		description: 'The code SMSC sent to the number with the Send Verification Code operation',
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sender = digitalSenderParam.call(this, itemIndex);
	const code = String(this.getNodeParameter('code', itemIndex, '')).trim();
	if (code === '') {
		throw new NodeOperationError(
			this.getNode(),
			'The Code is empty. Enter the code SMSC sent to the number.',
			{
				itemIndex,
			},
		);
	}
	await smscRequest
		.call(this, 'senders', { check_code: 1, sender, code }, { itemIndex })
		.catch((error) =>
			explainSmscError.call(this, error, itemIndex, 'senders', {
				3: `SMSC has no sender name "${sender}"`,
				5: `SMSC did not accept the code for "${sender}": it is wrong or no longer valid. Send a new one with Send Verification Code`,
			}),
		);
	return { verified: true, sender };
}

export const verifyCode = defineOperation(
	'senderName',
	'verifyCode',
	properties,
	{ execute },
	{
		name: 'Verify Code',
		description: 'Confirm a digital sender name with the code it received',
		action: 'Verify a sender name code',
	},
);

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredText } from '../itemErrors';
import { defineOperation } from '../operation';
import { digitalSenderField, digitalSenderParam } from './senderName';
import { sendersCommand, sendersFields } from './senders';

const properties: INodeProperties[] = sendersFields([
	digitalSenderField('The phone number registered as a sender name that received the code'),
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		description: 'The code SMSC sent to the number with the Send Verification Code operation',
	},
]);

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sender = digitalSenderParam.call(this, itemIndex);
	const code = requiredText(
		this,
		itemIndex,
		'code',
		'Code',
		'Enter the code SMSC sent to the number.',
	);
	await sendersCommand.call(
		this,
		itemIndex,
		{ check_code: 1, sender, code },
		{
			3: `SMSC has no sender name "${sender}"`,
			5: `SMSC did not accept the code for "${sender}": it is wrong or no longer valid. Send a new one with Send Verification Code`,
		},
	);
	return { verified: true, sender };
}

export const verifyCode = defineOperation('senderName', 'verifyCode', properties, execute, {
	name: 'Verify Code',
	description: 'Confirm a digital sender name with the code it received',
	action: 'Verify a sender name code',
});

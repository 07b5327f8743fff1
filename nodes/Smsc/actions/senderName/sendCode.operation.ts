import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../../shared/editor/options';
import { defineOperation } from '../operation';
import { digitalSenderField, digitalSenderParam } from './senderName';
import { sendersCommand, sendersFields } from './senders';

const properties: INodeProperties[] = sendersFields([
	digitalSenderField(
		'The phone number registered as a sender name. SMSC sends a code to it; confirm it with the Verify Code operation.',
	),
	additionalFieldsCollection([
		{
			displayName: 'Code Sender',
			name: 'site',
			type: 'string',
			default: '',
			placeholder: 'e.g. MyShop',
			description:
				'An active sender name of the account to send the code from. Without it, the code comes from the default sender name.',
		},
		{
			displayName: 'Website Name',
			name: 'siteName',
			type: 'string',
			default: '',
			placeholder: 'e.g. example.com',
			description: 'The website named in the text of the code message',
		},
	]),
]);

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sender = digitalSenderParam.call(this, itemIndex);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as {
		site?: string;
		siteName?: string;
	};
	const site = additional.site?.trim();
	const siteName = additional.siteName?.trim();
	await sendersCommand.call(
		this,
		itemIndex,
		{ send_code: 1, sender, site, site_name: siteName },
		{ 3: `SMSC has no sender name "${sender}": create it with the Create operation first` },
	);
	return { codeSent: true, sender, ...(site ? { site } : {}), ...(siteName ? { siteName } : {}) };
}

export const sendCode = defineOperation('senderName', 'sendCode', properties, execute, {
	name: 'Send Verification Code',
	description: 'Send a confirmation code to a digital (phone number) sender name',
	action: 'Send a verification code to a sender name',
});

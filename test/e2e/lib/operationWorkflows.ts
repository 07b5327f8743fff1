import { buildWorkflow, jsonStep, sendParameters, sendSmsStep, splitOutStep } from './workflows';
import type { CredentialRef, SmscStep, Workflow } from './workflows';

/** Numbers and names the workflows use, so the test can find their requests in the emulator's log. */
export const OPS = {
	smsPhones: ['+79991110001', '+79991110002'],
	viberPhone: '+79991110003',
	callPhone: '+79991110004',
	email: 'anna@example.com',
	senderEmail: 'shop@example.com',
	contactPhone: '+79991110005',
	groupName: 'E2E Customers',
	groupNumber: 42,
	blockedPhone: '+79991110009',
	verifyPhone: '+79991110010',
	senderName: 'E2EShop',
	mmsPhone: '+79991110011',
	/** a PNG signature and padding, as base64: the file the MMS step attaches */
	mmsPicture: Buffer.concat([
		Buffer.from('89504E470D0A1A0A', 'hex'),
		Buffer.alloc(600, 0x2d),
	]).toString('base64'),
	list: [
		{ phone: '+79991110021', name: 'Anna' },
		{ phone: '+79991110022', name: 'Boris' },
		{ phone: '+79991110023', name: 'Vera' },
	],
};

/**
 * One workflow touching every resource: n8n's CLI takes seconds per run, so many nodes share one
 * run. Independent branches hang off the trigger; dependent ones follow what they need.
 */
export function operationsWorkflow(
	credential: CredentialRef,
	apiKeyCredential?: CredentialRef,
): Workflow {
	const steps: SmscStep[] = [
		{ name: 'Get Balance', parameters: { resource: 'account', operation: 'getBalance' } },
		...(apiKeyCredential
			? [
					{
						name: 'Get Balance with API Key',
						credential: apiKeyCredential,
						parameters: { resource: 'account', operation: 'getBalance' },
					},
				]
			: []),
		{
			name: 'Send SMS',
			parameters: sendParameters({
				phones: OPS.smsPhones.join(', '),
				message: 'Your order #1042 has shipped',
			}),
		},
		{
			name: 'Send Viber',
			parameters: sendParameters({
				channel: 'viber',
				phones: OPS.viberPhone,
				message: 'Viber: your order has shipped',
			}),
		},
		{
			name: 'Voice Call',
			parameters: sendParameters({
				channel: 'call',
				phones: OPS.callPhone,
				message: 'Your code is 4 8 2 1',
				voice: 'w',
				callOptions: {},
			}),
		},
		{
			name: 'Send E-Mail',
			parameters: sendParameters({
				channel: 'mail',
				emails: OPS.email,
				subject: 'Your order',
				senderEmail: OPS.senderEmail,
				message: 'Your order #1042 has shipped.',
			}),
		},
		jsonStep('Picture', { picture: OPS.mmsPicture }),
		{
			name: 'Picture File',
			after: 'Picture',
			type: 'n8n-nodes-base.convertToFile',
			typeVersion: 1.1,
			noCredential: true,
			parameters: {
				operation: 'toBinary',
				sourceProperty: 'picture',
				binaryPropertyName: 'data',
				options: { fileName: 'order.png', mimeType: 'image/png' },
			},
		},
		{
			name: 'Send MMS',
			after: 'Picture File',
			parameters: sendParameters({
				channel: 'mms',
				phones: OPS.mmsPhone,
				message: 'Your order, as packed',
				subject: 'Order #1042',
				attachments: 'data',
			}),
		},
		{
			name: 'Create Group',
			parameters: {
				resource: 'group',
				operation: 'create',
				name: OPS.groupName,
				additionalFields: { number: OPS.groupNumber },
			},
		},
		{
			name: 'Create Contact',
			after: 'Create Group',
			parameters: {
				resource: 'contact',
				operation: 'create',
				phone: OPS.contactPhone,
				name: 'Anna Petrova',
				additionalFields: { groups: '={{ [$json.id] }}', firstName: 'Anna', lastName: 'Petrova' },
			},
		},
		{
			name: 'Get Contacts',
			after: 'Create Contact',
			parameters: { resource: 'contact', operation: 'getAll', returnAll: true, filters: {} },
		},
		{
			name: 'Send to Group',
			after: 'Create Contact',
			parameters: sendParameters({
				recipientType: 'group',
				group: { __rl: true, mode: 'number', value: String(OPS.groupNumber) },
				message: 'News for our customers',
			}),
		},
		{
			name: 'Block Number',
			parameters: {
				resource: 'blacklist',
				operation: 'add',
				phone: OPS.blockedPhone,
				blockType: 'all',
				additionalFields: { comment: 'Asked to stop' },
			},
		},
		{
			name: 'Create Sender Name',
			parameters: {
				resource: 'senderName',
				operation: 'create',
				senderType: 'name',
				senderName: OPS.senderName,
				additionalFields: {},
			},
		},
		{
			name: 'Get Sender Names',
			after: 'Create Sender Name',
			parameters: {
				resource: 'senderName',
				operation: 'getAll',
				returnAll: true,
				filters: {},
				options: {},
			},
		},
		{
			name: 'Request Call Verification',
			parameters: { resource: 'callVerification', operation: 'request', phone: OPS.verifyPhone },
		},
	];
	return buildWorkflow({ name: 'E2E every resource', credential, steps });
}

/** A list of recipients becomes items (Edit Fields → Split Out), each gets its own text. */
export function bulkSendWorkflow(
	credential: CredentialRef,
	name = 'Bulk send from a list',
): Workflow {
	return buildWorkflow({
		name,
		credential,
		steps: [
			jsonStep('Recipients', { recipients: OPS.list }, { indent: 2 }),
			splitOutStep('One Item per Recipient', 'recipients', 'Recipients'),
			sendSmsStep({
				after: 'One Item per Recipient',
				message: '=Hello {{ $json.name }}, your order has shipped',
			}),
		],
	});
}

/**
 * Failures: bad input and an SMSC refusal become output items; with the error output (node
 * version 2) they go there; without Continue On Fail the run stops.
 */
export function failuresWorkflow(credential: CredentialRef): Workflow {
	return buildWorkflow({
		name: 'E2E failures continue',
		credential,
		steps: [
			...[
				['Bad Number', 'not-a-number'],
				['Blocked Number', OPS.blockedPhone],
			].map(([name, phones]) => ({
				name,
				continueOnFail: true,
				parameters: sendParameters({ phones, message: 'Hi' }),
			})),
			{
				name: 'Blocked Number To Error Output',
				typeVersion: 2,
				continueOnFail: 'errorOutput',
				parameters: sendParameters({ phones: OPS.blockedPhone, message: 'Hi again' }),
			},
		],
	});
}

export function stoppingWorkflow(credential: CredentialRef): Workflow {
	return buildWorkflow({
		name: 'E2E failure stops',
		credential,
		steps: [
			{
				name: 'Send Without Money',
				parameters: sendParameters({
					phones: '+79991110030',
					message: 'This costs more than the balance',
				}),
			},
		],
	});
}

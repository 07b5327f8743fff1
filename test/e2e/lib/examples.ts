import { pollTriggerWorkflow, webhookTriggerWorkflow } from './triggerWorkflows';
import { buildWorkflow, workflowId } from './workflows';
import type { CredentialRef, Workflow } from './workflows';

/**
 * The example workflows in examples/*.json, users import them into their own n8n. The demo loads
 * the same files; `npx tsx scripts/demo/write-examples.ts` regenerates them from here.
 */

/** What a user's imported workflow points at; n8n asks them to pick their own SMSC credential. */
export const EXAMPLE_CREDENTIAL: CredentialRef = { id: 'SmscEmulatorCred', name: 'SMSC account' };

/**
 * Empty on purpose: a token printed in a public file protects nothing, and the trigger refuses to
 * publish until the user makes up their own (the demo puts in a random one).
 */
export const EXAMPLE_TOKEN = '';

export const DEMO_PHONE = '+79991234567';

const send = (extra: Record<string, unknown>) => ({
	resource: 'message',
	operation: 'send',
	channel: 'sms',
	recipientType: 'phones',
	options: {},
	...extra,
});

function sendSms(credential: CredentialRef): Workflow {
	return buildWorkflow({
		name: 'SMSC: send an SMS',
		credential,
		steps: [
			{
				name: 'Send SMS',
				parameters: send({
					phones: DEMO_PHONE,
					message: 'Hello from n8n! Your order #1042 has shipped.',
				}),
			},
		],
	});
}

function bulkSend(credential: CredentialRef): Workflow {
	return buildWorkflow({
		name: 'SMSC: bulk send from a list',
		credential,
		steps: [
			{
				name: 'Recipients',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				noCredential: true,
				parameters: {
					mode: 'raw',
					jsonOutput: JSON.stringify(
						{
							recipients: [
								{ phone: '+79991234501', name: 'Anna', order: '1042' },
								{ phone: '+79991234502', name: 'Boris', order: '1043' },
								{ phone: '+79991234503', name: 'Vera', order: '1044' },
							],
						},
						null,
						2,
					),
					options: {},
				},
			},
			{
				name: 'One Item per Recipient',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				noCredential: true,
				after: 'Recipients',
				parameters: { fieldToSplitOut: 'recipients', options: {} },
			},
			{
				name: 'Send Personal SMS',
				after: 'One Item per Recipient',
				parameters: send({
					phones: '={{ $json.phone }}',
					message: '=Hello {{ $json.name }}, your order #{{ $json.order }} has shipped.',
				}),
			},
		],
	});
}

function contactSync(credential: CredentialRef): Workflow {
	return buildWorkflow({
		name: 'SMSC: sync contacts into a group',
		credential,
		steps: [
			{
				name: 'Create Group',
				parameters: {
					resource: 'group',
					operation: 'create',
					name: 'Newsletter',
					additionalFields: {},
				},
			},
			{
				name: 'Contacts from Your CRM',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				noCredential: true,
				after: 'Create Group',
				parameters: {
					mode: 'raw',
					jsonOutput: JSON.stringify(
						{
							contacts: [
								{ phone: '+79991234511', firstName: 'Anna', lastName: 'Petrova', crmId: 'C-17' },
								{ phone: '+79991234512', firstName: 'Boris', lastName: 'Ivanov', crmId: 'C-18' },
							],
						},
						null,
						2,
					),
					options: {},
				},
			},
			{
				name: 'One Item per Contact',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				noCredential: true,
				after: 'Contacts from Your CRM',
				parameters: { fieldToSplitOut: 'contacts', options: {} },
			},
			{
				name: 'Create Contact',
				after: 'One Item per Contact',
				parameters: {
					resource: 'contact',
					operation: 'create',
					phone: '={{ $json.phone }}',
					name: '={{ $json.firstName }} {{ $json.lastName }}',
					additionalFields: {
						firstName: '={{ $json.firstName }}',
						lastName: '={{ $json.lastName }}',
						myId: '={{ $json.crmId }}',
						groups: "={{ [$('Create Group').first().json.id] }}",
					},
				},
			},
			{
				name: 'Message the Group',
				after: 'Create Contact',
				executeOnce: true,
				parameters: {
					resource: 'message',
					operation: 'send',
					channel: 'sms',
					recipientType: 'group',
					group: { __rl: true, mode: 'number', value: "={{ $('Create Group').first().json.id }}" },
					message: 'Welcome to our newsletter!',
					options: {},
				},
			},
		],
	});
}

function callVerification(credential: CredentialRef): Workflow {
	return buildWorkflow({
		name: 'SMSC: verify a phone by a call',
		credential,
		steps: [
			{
				name: 'Request Call Verification',
				parameters: { resource: 'callVerification', operation: 'request', phone: DEMO_PHONE },
			},
			{
				name: 'Tell the Subscriber Whom to Call',
				after: 'Request Call Verification',
				parameters: send({
					phones: '={{ $json.phone }}',
					message:
						'=To confirm your number, call {{ $json.callTo }} within 15 minutes. The call is free and ends by itself.',
				}),
			},
		],
	});
}

function events(): Workflow {
	const { workflow } = webhookTriggerWorkflow({
		name: 'SMSC: delivery statuses, incoming messages, calls',
		token: EXAMPLE_TOKEN,
	});
	return workflow;
}

function autoReply(credential: CredentialRef): Workflow {
	const base = pollTriggerWorkflow({
		name: 'SMSC: auto-reply to incoming SMS',
		credential,
		events: ['incomingMessage'],
	});
	const withReply = buildWorkflow({
		name: base.name,
		credential,
		trigger: {
			name: 'SMSC Poll Trigger',
			type: base.nodes[0].type,
			parameters: base.nodes[0].parameters,
		},
		steps: [
			{
				name: 'Reply',
				parameters: send({
					phones: '={{ $json.phone }}',
					message: '=Thanks for your message "{{ $json.text }}". We will get back to you soon.',
				}),
			},
		],
	});
	return { ...withReply, id: workflowId(base.name) };
}

export interface Example {
	file: string;
	workflow: Workflow;
	/** Whether it starts by itself once published (a trigger), rather than by a click. */
	trigger: boolean;
	summary: string;
}

export function examples(credential: CredentialRef = EXAMPLE_CREDENTIAL): Example[] {
	return [
		{
			file: 'send-sms.json',
			workflow: sendSms(credential),
			trigger: false,
			summary: 'one SMS to one number',
		},
		{
			file: 'bulk-send-from-list.json',
			workflow: bulkSend(credential),
			trigger: false,
			summary: 'a personal SMS to every row of a list',
		},
		{
			file: 'contact-sync.json',
			workflow: contactSync(credential),
			trigger: false,
			summary: 'contacts into a new group, then a message to the group',
		},
		{
			file: 'call-verification.json',
			workflow: callVerification(credential),
			trigger: false,
			summary: 'ask for a confirmation call and tell the subscriber the number',
		},
		{
			file: 'status-and-incoming-trigger.json',
			workflow: events(),
			trigger: true,
			summary: 'SMSC Trigger: statuses, incoming SMS and calls pushed by SMSC',
		},
		{
			file: 'auto-reply-to-incoming.json',
			workflow: autoReply(credential),
			trigger: true,
			summary: 'SMSC Poll Trigger: answer every incoming SMS',
		},
	];
}

/** The file form: stable ids, no instance-specific fields. */
export function exampleJson(example: Example): string {
	return `${JSON.stringify(example.workflow, null, '\t')}\n`;
}

import { pollTriggerWorkflow, webhookTriggerWorkflow } from './triggerWorkflows';
import {
	buildWorkflow,
	jsonStep,
	sendParameters,
	sendSmsStep,
	splitOutStep,
	workflowId,
} from './workflows';
import { SMSC_NODE, SMSC_POLL_TRIGGER, SMSC_TRIGGER } from './workflows';
import type { CredentialRef, SmscStep, Workflow } from './workflows';

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

/**
 * The versions a node added today gets (each node's defaultVersion), so an imported example
 * behaves like one a user builds: phones as `+` and digits, ISO times, the triggers' shared field
 * names, and the SMSC Trigger's token in the webhook path (docs/smsc-node.md, docs/smsc-trigger.md,
 * docs/smsc-poll-trigger.md). test/unit/e2e/examples.test.ts checks them against the nodes.
 */
export const NEWEST_VERSIONS: Record<string, number> = {
	[SMSC_NODE]: 2,
	[SMSC_TRIGGER]: 3,
	[SMSC_POLL_TRIGGER]: 2,
};

/** Puts every SMSC node of the workflow at its newest version; other nodes keep theirs. */
function atNewestVersions(workflow: Workflow): Workflow {
	for (const node of workflow.nodes)
		node.typeVersion = NEWEST_VERSIONS[node.type] ?? node.typeVersion;
	return workflow;
}

/** A workflow started by a click (a Manual Trigger), as its steps. */
interface ClickedExample {
	name: string;
	steps: SmscStep[];
}

const SEND_SMS: ClickedExample = {
	name: 'SMSC: send an SMS',
	steps: [
		{
			name: 'Send SMS',
			parameters: sendParameters({
				phones: DEMO_PHONE,
				message: 'Hello from n8n! Your order #1042 has shipped.',
			}),
		},
	],
};

const BULK_SEND: ClickedExample = {
	name: 'SMSC: bulk send from a list',
	steps: [
		jsonStep(
			'Recipients',
			{
				recipients: [
					{ phone: '+79991234501', name: 'Anna', order: '1042' },
					{ phone: '+79991234502', name: 'Boris', order: '1043' },
					{ phone: '+79991234503', name: 'Vera', order: '1044' },
				],
			},
			{ indent: 2 },
		),
		splitOutStep('One Item per Recipient', 'recipients', 'Recipients'),
		sendSmsStep({
			name: 'Send Personal SMS',
			after: 'One Item per Recipient',
			message: '=Hello {{ $json.name }}, your order #{{ $json.order }} has shipped.',
		}),
	],
};

const CONTACT_SYNC: ClickedExample = {
	name: 'SMSC: sync contacts into a group',
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
		jsonStep(
			'Contacts from Your CRM',
			{
				contacts: [
					{ phone: '+79991234511', firstName: 'Anna', lastName: 'Petrova', crmId: 'C-17' },
					{ phone: '+79991234512', firstName: 'Boris', lastName: 'Ivanov', crmId: 'C-18' },
				],
			},
			{ after: 'Create Group', indent: 2 },
		),
		splitOutStep('One Item per Contact', 'contacts', 'Contacts from Your CRM'),
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
};

const CALL_VERIFICATION: ClickedExample = {
	name: 'SMSC: verify a phone by a call',
	steps: [
		{
			name: 'Request Call Verification',
			parameters: { resource: 'callVerification', operation: 'request', phone: DEMO_PHONE },
		},
		sendSmsStep({
			name: 'Tell the Subscriber Whom to Call',
			after: 'Request Call Verification',
			message:
				'=To confirm your number, call {{ $json.callTo }} within 15 minutes. The call is free and ends by itself.',
		}),
	],
};

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
			sendSmsStep({
				name: 'Reply',
				message: '=Thanks for your message "{{ $json.text }}". We will get back to you soon.',
			}),
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
	const clicked = (file: string, example: ClickedExample, summary: string): Example => ({
		file,
		// a copy, so that a caller changing one workflow's parameters leaves the next call's alone
		workflow: atNewestVersions(buildWorkflow({ ...structuredClone(example), credential })),
		trigger: false,
		summary,
	});
	return [
		clicked('send-sms.json', SEND_SMS, 'one SMS to one number'),
		clicked('bulk-send-from-list.json', BULK_SEND, 'a personal SMS to every row of a list'),
		clicked(
			'contact-sync.json',
			CONTACT_SYNC,
			'contacts into a new group, then a message to the group',
		),
		clicked(
			'call-verification.json',
			CALL_VERIFICATION,
			'ask for a confirmation call and tell the subscriber the number',
		),
		{
			file: 'status-and-incoming-trigger.json',
			workflow: atNewestVersions(events()),
			trigger: true,
			summary: 'SMSC Trigger: statuses, incoming SMS and calls pushed by SMSC',
		},
		{
			file: 'auto-reply-to-incoming.json',
			workflow: atNewestVersions(autoReply(credential)),
			trigger: true,
			summary: 'SMSC Poll Trigger: answer every incoming SMS',
		},
	];
}

/** The file form: stable ids, no instance-specific fields. */
export function exampleJson(example: Example): string {
	return `${JSON.stringify(example.workflow, null, '\t')}\n`;
}

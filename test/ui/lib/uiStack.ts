import { N8nApi, OWNER } from '../../e2e/lib/api';
import { DEMO_LOGIN, DEMO_PASSWORD } from '../../e2e/lib/emulator';
import { examples } from '../../e2e/lib/examples';
import { createLog } from '../../e2e/lib/report';
import { sendAndWaitWorkflow } from '../../e2e/lib/sendAndWaitWorkflows';
import { EMULATOR_CREDENTIAL, startStack } from '../../e2e/lib/stack';
import type { Stack } from '../../e2e/lib/stack';
import {
	SMSC_NODE,
	SMSC_TRIGGER,
	buildWorkflow,
	jsonStep,
	sendParameters,
	sendSmsStep,
	smscCredential,
	splitOutStep,
	stableUuid,
	workflowId,
} from '../../e2e/lib/workflows';
import type { CredentialRef, Workflow } from '../../e2e/lib/workflows';

/** An SMSC credential the UI adds: what workflows point at, and the account it signs in to. */
export interface UiCredential {
	ref: CredentialRef;
	login: string;
	password: string;
}

/** The same account with a password SMSC rejects, for the pickers' error. */
export const WRONG_PASSWORD_CREDENTIAL: UiCredential = {
	ref: { id: 'SmscUiWrongPass1', name: 'SMSC (wrong password)' },
	login: DEMO_LOGIN,
	password: 'not-the-password',
};
/** A credential the test edits in the credential modal, so the others stay as they are. */
export const TESTED_CREDENTIAL: UiCredential = {
	ref: { id: 'SmscUiCredTest01', name: 'SMSC (credential test)' },
	login: DEMO_LOGIN,
	password: DEMO_PASSWORD,
};
/** An account just opened at SMSC: no contact groups yet. */
export const NEW_ACCOUNT_CREDENTIAL: UiCredential = {
	ref: { id: 'SmscUiNewAccount', name: 'SMSC (new account)' },
	login: 'ui-new-account',
	password: 'ui-new-password',
};

/** Sender names and a contact group the account already has, as a real account would. */
export const SENDER_NAMES = ['Bakery', 'ShopNews'];
export const GROUP_NAME = 'Customers';
/** A second group, so that searching the group list for the first one visibly leaves it out. */
export const OTHER_GROUP_NAME = 'Suppliers';

/** Items where one fails on bad input and one goes out, with Continue On Fail. */
export function continueOnFailWorkflow(): Workflow {
	return buildWorkflow({
		name: 'UI: Continue On Fail',
		credential: EMULATOR_CREDENTIAL,
		steps: [
			jsonStep('Two Recipients', { rows: [{ phone: 'not a number' }, { phone: '+79991234567' }] }),
			splitOutStep('One Item per Row', 'rows', 'Two Recipients'),
			sendSmsStep({
				after: 'One Item per Row',
				continueOnFail: true,
				message: 'Your parcel is on its way.',
				bulkOptions: { batching: false },
			}),
		],
	});
}

/** A Send node signed in with the wrong password, to open the pickers with. */
export function wrongPasswordWorkflow(): Workflow {
	return sendWith('UI: wrong password', WRONG_PASSWORD_CREDENTIAL.ref);
}

/** A Send node of the new account, whose group list is empty. */
export function newAccountWorkflow(): Workflow {
	return sendWith('UI: new account', NEW_ACCOUNT_CREDENTIAL.ref);
}

function sendWith(name: string, credential: CredentialRef): Workflow {
	return buildWorkflow({
		name,
		credential,
		steps: [
			{
				name: 'Send SMS',
				parameters: sendParameters({ phones: '+79991234567', message: 'Hello' }),
			},
		],
	});
}

/** The message the status workflow asks SMSC about, and one SMSC does not know. */
export const UNKNOWN_MESSAGE = { id: '4242', phone: '+79990000000' };

/**
 * Send, then Get Status of what was sent, and Get Status of a message SMSC does not know (with
 * Continue On Fail, so its error shows as an item), all at version 2 of the SMSC node.
 */
export function statusWorkflow(): Workflow {
	return buildWorkflow({
		name: 'UI: status (version 2)',
		credential: EMULATOR_CREDENTIAL,
		steps: [
			{
				name: 'Send SMS',
				typeVersion: 2,
				parameters: sendParameters({
					phones: '+79991234567',
					message: 'Your table is booked for 19:00.',
				}),
			},
			{
				name: 'Get Status',
				typeVersion: 2,
				after: 'Send SMS',
				parameters: {
					resource: 'message',
					operation: 'getStatus',
					messageId: '={{ $json.id }}',
					phones: '={{ $json.phones }}',
					options: { details: true },
				},
			},
			{
				name: 'Status of an Unknown Message',
				typeVersion: 2,
				continueOnFail: true,
				parameters: {
					resource: 'message',
					operation: 'getStatus',
					messageId: UNKNOWN_MESSAGE.id,
					phones: UNKNOWN_MESSAGE.phone,
					options: {},
				},
			},
		],
	});
}

/** The examples the trigger and bulk checks open at the newest versions. */
export const EVENTS_EXAMPLE = 'SMSC: delivery statuses, incoming messages, calls';
export const BULK_EXAMPLE = 'SMSC: bulk send from a list';

/**
 * Two examples as workflows saved before the newest versions keep them: the SMSC Trigger at
 * version 2 (the `?token=` handler URL, its own webhook) and the bulk send with the SMSC node at
 * version 1. The examples themselves are at the newest versions (examples.ts); these show that
 * the older versions still run as they did.
 */
export const SAVED_TRIGGER = 'UI: trigger (version 2)';
export const SAVED_BULK = 'UI: bulk send (version 1)';

function savedVersions(examples: Workflow[]): Workflow[] {
	const find = (name: string) => {
		const found = examples.find((w) => w.name === name);
		if (!found) throw new Error(`the examples have no "${name}"`);
		return found;
	};
	const trigger = copyOf(find(EVENTS_EXAMPLE), SAVED_TRIGGER);
	for (const node of trigger.nodes)
		if (node.type === SMSC_TRIGGER) {
			node.typeVersion = 2;
			node.webhookId = stableUuid(`${SAVED_TRIGGER}/webhook`);
			node.parameters = { ...node.parameters, token: '' };
		}
	const bulk = copyOf(find(BULK_EXAMPLE), SAVED_BULK);
	for (const node of bulk.nodes)
		if (node.type === SMSC_NODE) {
			node.typeVersion = 1;
			// SMSC refuses the same text to the same number twice within a minute (error 9), and the
			// example itself sends it too
			node.parameters = {
				...node.parameters,
				message: `${String(node.parameters.message)} Thank you!`,
			};
		}
	return [trigger, bulk];
}

/**
 * Copies of the send example for the steps that change it: n8n saves every change, so the channel
 * and picker steps would otherwise leave the example on another channel for the step that runs it.
 */
export const SEND_COPIES = ['UI: channels', 'UI: pickers'];

function copyOf(workflow: Workflow, name: string): Workflow {
	return { ...(JSON.parse(JSON.stringify(workflow)) as Workflow), id: workflowId(name), name };
}

/**
 * Message > Send and Wait for Response with every field set by hand, to read its fields on screen,
 * and a published copy started by a webhook, for a real waiting execution whose answer page the
 * phone-sized window opens.
 */
export const SEND_AND_WAIT = 'UI: send and wait';
export const SEND_AND_WAIT_PAGE = sendAndWaitWorkflow({
	name: 'UI: send and wait (answer page)',
	path: 'ui-ask',
	credential: EMULATOR_CREDENTIAL,
});

export function sendAndWaitFieldsWorkflow(): Workflow {
	return buildWorkflow({
		name: SEND_AND_WAIT,
		credential: EMULATOR_CREDENTIAL,
		steps: [
			{
				name: 'Ask',
				parameters: {
					resource: 'message',
					operation: 'sendAndWait',
					to: '+79991234567',
					message: 'Can we deliver your order tomorrow at 10:00?',
					responseType: 'approval',
					approvalOptions: {
						values: { approvalType: 'double', approveLabel: 'Yes', disapproveLabel: 'No' },
					},
					options: {},
				},
			},
		],
	});
}

/** A chat-started AI Agent with no tool yet, to offer the SMSC approval tool to (n8n 2.x). */
export const AI_AGENT = 'UI: AI agent';
export function aiAgentWorkflow(): Workflow {
	return buildWorkflow({
		name: AI_AGENT,
		trigger: {
			name: 'When chat message received',
			type: '@n8n/n8n-nodes-langchain.chatTrigger',
			typeVersion: 1.1,
			webhookId: stableUuid(`${AI_AGENT}/chat`),
			noCredential: true,
			parameters: { options: {} },
		},
		steps: [
			{
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 2,
				noCredential: true,
				parameters: { options: {} },
			},
		],
	});
}

export interface UiStack {
	stack: Stack;
	api: N8nApi;
	workflows: Record<string, Workflow>;
	logFile: string;
}

async function smscCall(
	stack: Stack,
	script: string,
	params: Record<string, string | number>,
): Promise<Record<string, unknown>> {
	const body = new URLSearchParams({
		login: DEMO_LOGIN,
		psw: DEMO_PASSWORD,
		fmt: '3',
		charset: 'utf-8',
	});
	for (const [key, value] of Object.entries(params)) body.set(key, String(value));
	const res = await fetch(`${stack.emulator.url}/sys/${script}.php`, { method: 'POST', body });
	return (await res.json()) as Record<string, unknown>;
}

/**
 * The demo's stack (n8n with the packed package, the SMSC emulator, the credential) plus the
 * example workflows, two more for the checks above, and an owner to sign in as.
 */
export async function startUiStack(): Promise<UiStack> {
	const { file: logFile, log } = createLog('ui');
	const stack = await startStack({ log });
	const { n8n, emulator } = stack;
	await n8n.importCredentials(
		[WRONG_PASSWORD_CREDENTIAL, NEW_ACCOUNT_CREDENTIAL, TESTED_CREDENTIAL].map((c) =>
			smscCredential({ ...c.ref, baseUrl: emulator.url, login: c.login, password: c.password }),
		),
	);
	const exampleWorkflows = examples(EMULATOR_CREDENTIAL).map((e) => e.workflow);
	const send = exampleWorkflows.find((w) => w.name === 'SMSC: send an SMS');
	if (!send) throw new Error('the examples have no "SMSC: send an SMS"');
	const list = [
		...exampleWorkflows,
		...SEND_COPIES.map((name) => copyOf(send, name)),
		...savedVersions(exampleWorkflows),
		continueOnFailWorkflow(),
		wrongPasswordWorkflow(),
		newAccountWorkflow(),
		statusWorkflow(),
		sendAndWaitFieldsWorkflow(),
		SEND_AND_WAIT_PAGE.workflow,
		aiAgentWorkflow(),
	];
	await n8n.importWorkflows(list);
	await emulator.call('createAccount', {
		login: NEW_ACCOUNT_CREDENTIAL.login,
		psw: NEW_ACCOUNT_CREDENTIAL.password,
		balance: 100,
	});
	for (const sender of SENDER_NAMES) {
		await smscCall(stack, 'senders', { add: 1, sender });
		await emulator.call('setSenderStatus', { login: DEMO_LOGIN, sender, status: 1 });
	}
	for (const name of [GROUP_NAME, OTHER_GROUP_NAME])
		await smscCall(stack, 'phones', { add_group: 1, name });
	await n8n.activateWorkflow(SEND_AND_WAIT_PAGE.workflow.id);
	await n8n.start();
	await n8n.waitForWebhook(SEND_AND_WAIT_PAGE.url(n8n.baseUrl));
	const api = new N8nApi(n8n.baseUrl);
	await api.setupOwner(OWNER);
	return { stack, api, workflows: Object.fromEntries(list.map((w) => [w.name, w])), logFile };
}

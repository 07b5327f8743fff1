import { pollTriggerWorkflow, webhookTriggerWorkflow } from '../../test/e2e/lib/triggerWorkflows';
import { buildWorkflow, sendSmsStep, splitOutStep, stableUuid } from '../../test/e2e/lib/workflows';
import type { CredentialRef, Workflow } from '../../test/e2e/lib/workflows';

export const CALLBACK_TOKEN = 'queue-callbacks-token-5c1e8a7f93';
export const BULK_PATH = 'smsc-queue-bulk';

/** SMSC's status callbacks → SMSC Trigger; in queue mode they arrive at the webhook processor. */
export const callbackWorkflow = webhookTriggerWorkflow({
	name: 'Queue SMSC callbacks',
	token: CALLBACK_TOKEN,
	events: ['deliveryStatus'],
});

/**
 * A bulk send as a team would run it from another system: a webhook that answers at once and
 * hands the recipients to a worker, one item per recipient, each with its own text, sent with
 * the Send operation's defaults (batching on, 10 requests at once).
 */
export function bulkWorkflow(credential: CredentialRef): Workflow {
	return buildWorkflow({
		name: 'Queue SMSC bulk send',
		credential,
		trigger: {
			name: 'Recipients Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			noCredential: true,
			webhookId: stableUuid('Queue SMSC bulk send/webhook'),
			parameters: { httpMethod: 'POST', path: BULK_PATH, responseMode: 'onReceived', options: {} },
		},
		steps: [
			splitOutStep('One Item per Recipient', 'body.recipients'),
			sendSmsStep({
				after: 'One Item per Recipient',
				message: '=Hello {{ $json.name }}, your code is {{ $json.code }}',
			}),
		],
	});
}

/**
 * The Poll Trigger on a schedule of a few seconds. Swappable: today the e2e lib's seconds-list
 * cron (n8n 2.8 accepts it); a line that refuses sub-minute polls needs another way to poll.
 */
export function pollWorkflow(credential: CredentialRef): Workflow {
	return pollTriggerWorkflow({
		name: 'Queue SMSC poll',
		credential,
		everySeconds: 3,
		events: ['incomingMessage'],
	});
}

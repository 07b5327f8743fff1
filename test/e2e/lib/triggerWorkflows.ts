import { SMSC_POLL_TRIGGER, SMSC_TRIGGER, buildWorkflow, stableUuid } from './workflows';
import type { CredentialRef, SmscStep, Workflow } from './workflows';

/** The webhook trigger's path below /webhook/<webhookId>/ (nodes/SmscTrigger). */
export const TRIGGER_PATH = 'smsc';

export interface TriggerWorkflow {
	workflow: Workflow;
	webhookId: string;
	token: string;
}

/** A workflow started by SMSC's callbacks: statuses, incoming messages, verification calls. */
export function webhookTriggerWorkflow(opts: {
	name: string;
	token: string;
	events?: string[];
	filters?: Record<string, unknown>;
	/** 2 unless given, the version the trigger suites test (a new node gets 3, as the examples have); 1 is what workflows made before version 2 keep. */
	typeVersion?: number;
}): TriggerWorkflow {
	const webhookId = stableUuid(`${opts.name}/webhook`);
	const workflow = buildWorkflow({
		name: opts.name,
		trigger: {
			name: 'SMSC Trigger',
			type: SMSC_TRIGGER,
			typeVersion: opts.typeVersion ?? 2,
			webhookId,
			noCredential: true,
			parameters: {
				events: opts.events ?? ['deliveryStatus', 'incomingMessage', 'callVerification'],
				token: opts.token,
				filters: opts.filters ?? {},
				options: {},
			},
		},
		steps: [],
	});
	return { workflow, webhookId, token: opts.token };
}

/**
 * Production URL of a webhook trigger, as SMSC's handler URL: from version 3 the secret token is
 * the path's last segment (`smsc/<token>`), before that it is the `token` query parameter.
 */
export function webhookUrl(
	baseUrl: string,
	trigger: TriggerWorkflow,
	query: Record<string, string> = {},
): string {
	const node = trigger.workflow.nodes.find((n) => n.type === SMSC_TRIGGER);
	const base = `${baseUrl}/webhook/${trigger.webhookId}/${TRIGGER_PATH}`;
	if ((node?.typeVersion ?? 1) >= 3) {
		const params = new URLSearchParams(query).toString();
		return `${base}/${encodeURIComponent(trigger.token)}${params ? `?${params}` : ''}`;
	}
	return `${base}?${new URLSearchParams({ token: trigger.token, ...query })}`;
}

/** n8n's Webhook node taking POSTs at `/webhook/<path>` and answering at once. */
export function postWebhookTrigger(workflowName: string, path: string): SmscStep {
	return {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: stableUuid(`${workflowName}/webhook`),
		noCredential: true,
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	};
}

/**
 * n8n's own Webhook node as a user would set it up for SMSC's callbacks (POST, answer at once):
 * what the SMSC Trigger is compared with, on the same n8n, by the e2e load test and bench:trigger.
 */
export function n8nWebhookWorkflow(opts: { name: string; path: string }): {
	workflow: Workflow;
	url(baseUrl: string): string;
} {
	const workflow = buildWorkflow({
		name: opts.name,
		trigger: postWebhookTrigger(opts.name, opts.path),
		steps: [],
	});
	return { workflow, url: (baseUrl) => `${baseUrl}/webhook/${opts.path}` };
}

/**
 * A workflow that asks SMSC for incoming messages every minute (n8n's shortest accepted interval:
 * 2.41 refuses any schedule that fires twice within a minute, and older lines only a `*` seconds
 * field). n8n also polls once whenever it activates the workflow, e.g. at start.
 */
export function pollTriggerWorkflow(opts: {
	name: string;
	credential: CredentialRef;
	events?: string[];
	/**
	 * Poll every few seconds with a cron listing seconds (`0,3,6,… * * * * *`): accepted by 1.123
	 * and 2.8, refused by 2.41. Only for callers pinned to such a line (queue mode on 2.8).
	 */
	everySeconds?: number;
}): Workflow {
	const step = opts.everySeconds ?? 0;
	const seconds = Array.from({ length: Math.ceil(60 / (step || 60)) }, (_, i) => i * step).join(
		',',
	);
	const pollTimes = step
		? { item: [{ mode: 'custom', cronExpression: `${seconds} * * * * *` }] }
		: { item: [{ mode: 'everyMinute' }] };
	return buildWorkflow({
		name: opts.name,
		credential: opts.credential,
		trigger: {
			name: 'SMSC Poll Trigger',
			type: SMSC_POLL_TRIGGER,
			parameters: {
				pollTimes,
				events: opts.events ?? ['incomingMessage', 'callVerification'],
				filters: {},
				options: {},
			},
		},
		steps: [],
	});
}

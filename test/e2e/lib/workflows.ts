import { createHash } from 'node:crypto';

/** The package's node and credential type names as n8n knows them once the package is installed. */
export const SMSC_NODE = 'n8n-nodes-smsc.smsc';
export const SMSC_TRIGGER = 'n8n-nodes-smsc.smscTrigger';
export const SMSC_POLL_TRIGGER = 'n8n-nodes-smsc.smscPollTrigger';
export const SMSC_CREDENTIAL_TYPE = 'smscApi';

export interface CredentialRef {
	id: string;
	name: string;
}

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, CredentialRef>;
	webhookId?: string;
	executeOnce?: boolean;
	onError?: 'continueRegularOutput' | 'continueErrorOutput' | 'stopWorkflow';
}

export interface Workflow {
	id: string;
	name: string;
	active: boolean;
	nodes: WorkflowNode[];
	connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: 'main'; index: number }>> }
	>;
	settings: Record<string, unknown>;
	pinData: Record<string, unknown>;
	meta?: Record<string, unknown>;
}

/** Deterministic UUID-shaped ids, so example files stay stable between regenerations. */
export function stableUuid(seed: string): string {
	const h = createHash('sha1').update(seed).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** n8n workflow ids are 16 alphanumeric characters. */
export function workflowId(seed: string): string {
	return createHash('sha1')
		.update(seed)
		.digest('base64')
		.replace(/[^A-Za-z0-9]/g, '')
		.slice(0, 16);
}

export interface SmscStep {
	name: string;
	parameters: Record<string, unknown>;
	type?: string;
	typeVersion?: number;
	/** Name of the node feeding this one; defaults to the trigger. */
	after?: string;
	/** Whether the node runs once for all its input items (n8n's "Execute Once"). */
	executeOnce?: boolean;
	/**
	 * Whether a failure becomes an output item instead of stopping the workflow (On Error:
	 * Continue), or goes to the node's error output ('errorOutput').
	 */
	continueOnFail?: boolean | 'errorOutput';
	webhookId?: string;
	/** Another SMSC credential than the workflow's. */
	credential?: CredentialRef;
	/** Leave out the SMSC credential (for nodes that are not SMSC nodes). */
	noCredential?: boolean;
}

/** n8n's Split Out node: one item per element of `field`. */
export function splitOutStep(name: string, field: string, after?: string): SmscStep {
	return {
		name,
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		noCredential: true,
		...(after ? { after } : {}),
		parameters: { fieldToSplitOut: field, options: {} },
	};
}

/** n8n's Edit Fields node in raw mode: one item holding `value` (`indent` as JSON.stringify takes it). */
export function jsonStep(
	name: string,
	value: unknown,
	opts: { after?: string; indent?: number } = {},
): SmscStep {
	return {
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		noCredential: true,
		...(opts.after ? { after: opts.after } : {}),
		parameters: { mode: 'raw', jsonOutput: JSON.stringify(value, null, opts.indent), options: {} },
	};
}

/** The SMSC node's Message > Send parameters: an SMS to phones, unless `parameters` say otherwise. */
export function sendParameters(parameters: Record<string, unknown>): Record<string, unknown> {
	return {
		resource: 'message',
		operation: 'send',
		channel: 'sms',
		recipientType: 'phones',
		options: {},
		...parameters,
	};
}

/** The SMSC node sending an SMS to `{{ $json.phone }}` of each item, with the given text. */
export function sendSmsStep(opts: {
	/** default: Send SMS */
	name?: string;
	/** default: the trigger */
	after?: string;
	message: string;
	options?: Record<string, unknown>;
	/** Send's Bulk Options: batching, batch size, concurrency, raw response */
	bulkOptions?: Record<string, unknown>;
	continueOnFail?: boolean;
}): SmscStep {
	return {
		name: opts.name ?? 'Send SMS',
		after: opts.after,
		...(opts.continueOnFail ? { continueOnFail: true } : {}),
		parameters: sendParameters({
			phones: '={{ $json.phone }}',
			message: opts.message,
			options: opts.options ?? {},
			...(opts.bulkOptions ? { bulkOptions: opts.bulkOptions } : {}),
		}),
	};
}

/**
 * A workflow that starts with a Manual Trigger (or the given trigger) and runs the given steps.
 * Steps without `after` hang off the trigger in parallel, so one failing step does not hide the rest.
 */
export function buildWorkflow(opts: {
	name: string;
	id?: string;
	credential?: CredentialRef;
	trigger?: SmscStep;
	steps: SmscStep[];
}): Workflow {
	const trigger: SmscStep = opts.trigger ?? {
		name: 'When clicking ‘Execute workflow’',
		type: 'n8n-nodes-base.manualTrigger',
		parameters: {},
		noCredential: true,
	};
	const all = [trigger, ...opts.steps];
	const positions = layout(trigger.name, opts.steps);
	const nodes: WorkflowNode[] = all.map((step) => {
		const node: WorkflowNode = {
			id: stableUuid(`${opts.name}/${step.name}`),
			name: step.name,
			type: step.type ?? SMSC_NODE,
			typeVersion: step.typeVersion ?? 1,
			position: positions.get(step.name) ?? [0, 0],
			parameters: step.parameters,
		};
		if (step.webhookId) node.webhookId = step.webhookId;
		const credential = step.credential ?? opts.credential;
		if (!step.noCredential && credential) node.credentials = { smscApi: credential };
		if (step.executeOnce) node.executeOnce = true;
		if (step.continueOnFail)
			node.onError =
				step.continueOnFail === 'errorOutput' ? 'continueErrorOutput' : 'continueRegularOutput';
		return node;
	});
	const connections: Workflow['connections'] = {};
	for (const step of opts.steps) {
		const from = step.after ?? trigger.name;
		connections[from] ??= { main: [[]] };
		connections[from].main[0].push({ node: step.name, type: 'main', index: 0 });
	}
	return {
		id: opts.id ?? workflowId(opts.name),
		name: opts.name,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** Left to right along each chain; a node's first child stays on its row, later ones open new rows. */
function layout(triggerName: string, steps: SmscStep[]): Map<string, [number, number]> {
	const positions = new Map<string, [number, number]>([[triggerName, [0, 0]]]);
	const used = new Set<string>();
	let rows = 1;
	for (const step of steps) {
		const parent = step.after ?? triggerName;
		const [px, py] = positions.get(parent) ?? [0, 0];
		const row = used.has(parent) ? rows++ : py / 200;
		used.add(parent);
		positions.set(step.name, [px + 260, row * 200]);
	}
	return positions;
}

/** A credential as `n8n import:credentials` takes it: plaintext data, encrypted on import. */
export function smscCredential(opts: {
	id: string;
	name: string;
	baseUrl: string;
	login?: string;
	password?: string;
	apiKey?: string;
}): object {
	const data: Record<string, unknown> = opts.apiKey
		? { authentication: 'apiKey', apiKey: opts.apiKey }
		: { authentication: 'password', login: opts.login, password: opts.password };
	return {
		id: opts.id,
		name: opts.name,
		type: SMSC_CREDENTIAL_TYPE,
		data: { ...data, server: 'custom', baseUrl: opts.baseUrl },
	};
}

/**
 * Drives the SMSC triggers the way n8n does, with n8n-core's own contexts: a real HTTP server whose
 * requests go to SmscTrigger.webhook() through a WebhookContext (the raw body kept in `rawBody`, as
 * n8n's body reader does), and each emitted item list run through the workflow engine; and single
 * polls of SmscPollTrigger through a PollContext, with static data carried between polls.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HookContext, PollContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	IWebhookData,
	IWebhookDescription,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { SmscApi } from '../../credentials/SmscApi.credentials';
import { SmscPollTrigger } from '../../nodes/SmscPollTrigger/SmscPollTrigger.node';
import { SmscTrigger } from '../../nodes/SmscTrigger/SmscTrigger.node';
import { createAdditionalData } from '../harness/additional-data';
import { HarnessCredentialTypes, HarnessCredentialsHelper } from '../harness/credentials';
import type { CredentialsMap } from '../harness/credentials';
import { HarnessNodeTypes } from '../harness/node-types';
import { runWorkflow } from '../harness/run-workflow';
import type { WorkflowJson } from '../harness/run-workflow';
import { ensureN8nCore } from '../harness/setup';
import { persistStaticData } from '../harness/static-data';

export const TRIGGER_TYPE = 'n8n-nodes-smsc.smscTrigger';
export const POLL_TYPE = 'n8n-nodes-smsc.smscPollTrigger';
export const TOKEN = 'k3Jd9sPq2LmX7vRt5wYz';
const WEBHOOK_ID = '7f3c2a10-trigger-test';

const trigger = new SmscTrigger();
const pollTrigger = new SmscPollTrigger();
const nodeTypes = () => new HarnessNodeTypes({ [TRIGGER_TYPE]: trigger, [POLL_TYPE]: pollTrigger });

function workflowJson(type: string, parameters: IDataObject, credentials = false): WorkflowJson {
	const node: INode = {
		id: 'trigger',
		name: 'Trigger',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		webhookId: WEBHOOK_ID,
		...(credentials ? { credentials: { smscApi: { id: '1', name: 'SMSC test' } } } : {}),
	};
	return {
		id: 'trigger-workflow',
		nodes: [node, { id: 'done', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [200, 0], parameters: {} }],
		connections: { Trigger: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
	};
}

function makeWorkflow(json: WorkflowJson, staticData: IDataObject): Workflow {
	return new Workflow({
		id: json.id,
		name: 'Trigger test',
		nodes: structuredClone(json.nodes),
		connections: json.connections,
		active: true,
		nodeTypes: nodeTypes(),
		staticData,
		settings: { executionOrder: 'v1' },
	});
}

export interface ReceivedCall {
	method: string;
	url: string;
	status: number;
	body: string;
}

export interface TriggerServer {
	/** the Production URL n8n shows for the node (without the token) */
	url: string;
	/** HTTP answers given, in order */
	calls: ReceivedCall[];
	/** the items of each workflow run the trigger started, as the next node received them */
	runs: IDataObject[][];
	staticData: IDataObject;
	/** resolves when every request received so far has been handled, workflow runs included */
	idle(): Promise<void>;
	/** n8n's activation: webhookMethods.default.checkExists / create */
	activate(): Promise<void>;
	deactivate(): Promise<void>;
	close(): Promise<void>;
}

export async function startTriggerServer(parameters: IDataObject, mode: WorkflowExecuteMode = 'webhook'): Promise<TriggerServer> {
	ensureN8nCore();
	const json = workflowJson(TRIGGER_TYPE, parameters);
	const staticData: IDataObject = {};
	const calls: ReceivedCall[] = [];
	const runs: IDataObject[][] = [];
	let baseUrl = '';
	const pending = new Set<Promise<void>>();

	const additionalData = () => {
		const credentialsHelper = new HarnessCredentialsHelper(new HarnessCredentialTypes([new SmscApi()]), {});
		return createAdditionalData({ credentialsHelper, webhookBaseUrl: `${baseUrl}/webhook` });
	};
	const webhookData = (workflow: Workflow, description: IWebhookDescription): IWebhookData => ({
		httpMethod: description.httpMethod as IWebhookData['httpMethod'],
		node: 'Trigger',
		path: `${WEBHOOK_ID}/${description.path}`,
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData(),
		webhookId: WEBHOOK_ID,
	});

	const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const path = (req.url ?? '').split('?')[0];
		const description = trigger.description.webhooks?.find((hook) => hook.httpMethod === req.method);
		if (path !== `/webhook/${WEBHOOK_ID}/smsc` || !description) {
			res.writeHead(404).end('not registered');
			return;
		}
		const request = req as http.IncomingMessage & IDataObject;
		request.rawBody = Buffer.concat(chunks);
		request.query = Object.fromEntries(new URL(req.url ?? '', 'http://x').searchParams);
		request.body = {};

		const workflow = makeWorkflow(json, staticData);
		const data = webhookData(workflow, description);
		const extra = data.workflowExecuteAdditionalData;
		extra.httpRequest = request as unknown as typeof extra.httpRequest;
		extra.httpResponse = res as unknown as typeof extra.httpResponse;
		const context = new WebhookContext(workflow, workflow.getNode('Trigger')!, extra, mode, data, [], null);
		const result = await trigger.webhook.call(context);
		persistStaticData(staticData);
		if (!result.noWebhookResponse) res.writeHead(200).end(String(result.webhookResponse ?? 'Workflow was started'));
		if (result.workflowData) {
			const run = await runWorkflow({
				workflow: json,
				nodeTypes: { [TRIGGER_TYPE]: trigger },
				mode,
				inputItems: result.workflowData[0] as INodeExecutionData[],
				staticData,
			});
			if (run.error) throw run.error;
			runs.push(run.json('Done'));
		}
	};

	const server = http.createServer((req, res) => {
		const record = () => calls.push({ method: req.method ?? '', url: req.url ?? '', status: res.statusCode, body: '' });
		const end = res.end.bind(res);
		res.end = ((body?: unknown, ...rest: unknown[]) => {
			record();
			calls[calls.length - 1].body = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : '';
			return (end as (...args: unknown[]) => http.ServerResponse)(body, ...rest);
		}) as typeof res.end;
		const handled = handle(req, res).catch((error: Error) => {
			// A crash in the node is a test failure: answer 500 so the test sees it.
			if (!res.headersSent) res.writeHead(500).end(`crash: ${error.message}`);
			else calls.push({ method: req.method ?? '', url: req.url ?? '', status: 500, body: `crash: ${error.message}` });
		});
		pending.add(handled);
		void handled.finally(() => pending.delete(handled));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	const hook = (activation: WorkflowActivateMode) => {
		const workflow = makeWorkflow(json, staticData);
		const description = trigger.description.webhooks![0];
		return new HookContext(workflow, workflow.getNode('Trigger')!, additionalData(), mode, activation, webhookData(workflow, description));
	};
	return {
		url: `${baseUrl}/webhook/${WEBHOOK_ID}/smsc`,
		calls,
		runs,
		staticData,
		async idle() {
			while (pending.size > 0) await Promise.all([...pending]);
		},
		async activate() {
			const context = hook('activate');
			if (!(await trigger.webhookMethods.default.checkExists.call(context))) {
				await trigger.webhookMethods.default.create.call(context);
			}
			persistStaticData(staticData);
		},
		async deactivate() {
			await trigger.webhookMethods.default.delete.call(hook('activate'));
			persistStaticData(staticData);
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

export interface Poller {
	/** one poll, as n8n's poll timer runs it; the items it emitted (none: []) */
	poll(mode?: WorkflowExecuteMode): Promise<IDataObject[]>;
	staticData: IDataObject;
}

export function poller(parameters: IDataObject, credentials: CredentialsMap, staticData: IDataObject = {}): Poller {
	ensureN8nCore();
	const json = workflowJson(POLL_TYPE, parameters, true);
	return {
		staticData,
		async poll(mode = 'trigger') {
			const workflow = makeWorkflow(json, staticData);
			const credentialsHelper = new HarnessCredentialsHelper(new HarnessCredentialTypes([new SmscApi()]), credentials);
			const context = new PollContext(workflow, workflow.getNode('Trigger')!, createAdditionalData({ credentialsHelper }), mode, 'activate');
			const output = await pollTrigger.poll.call(context);
			persistStaticData(staticData);
			return output ? output[0].map((item) => item.json) : [];
		},
	};
}

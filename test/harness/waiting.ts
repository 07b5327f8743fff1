/**
 * Waiting executions: a real `node:http` server standing in for n8n's `/webhook-waiting/`
 * endpoint (packages/cli/src/webhooks/waiting-webhooks.ts as of n8n 2.8), plus the resume that
 * n8n's WaitTracker does when a wait limit passes. The first run of the workflow goes through
 * `runWorkflow` with the signed resume links pointing here; the execution n8n would save is kept
 * as a structured clone (what a database round trip leaves of it).
 *
 * A request is treated as n8n 2.8 treats it: the signature is checked when the execution asked
 * for it (`setSignatureValidationRequired`) and the waiting node's operation is `sendAndWait`
 * (401 `{"error":"Invalid token"}` otherwise); the node's restartWebhook webhook for the method
 * and path (the node id) gets a real `WebhookContext` with the saved run data; a result with
 * `workflowData` resumes the execution with that data as the disabled waiting node's output. As
 * in n8n, the waiting run of the node is dropped from the run data before the webhook is called.
 * A finished execution answers like n8n's "no action required" page; a running one 409.
 */
import { Container } from '@n8n/di';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	InstanceSettings,
	WAITING_TOKEN_QUERY_PARAM,
	generateUrlSignature,
	prepareUrlForSigning,
} from 'n8n-core';
import type { IRun, IRunExecutionData, IWebhookResponseData } from 'n8n-workflow';
import { SEND_AND_WAIT_OPERATION, Workflow } from 'n8n-workflow';
import { timingSafeEqual } from 'node:crypto';

import { createAdditionalData } from './additional-data';
import { HarnessCredentialTypes, HarnessCredentialsHelper } from './credentials';
import { HarnessNodeTypes } from './node-types';
import type { RunWorkflowOptions, WorkflowRunResult } from './run-workflow';
import { runWorkflow } from './run-workflow';
import {
	expressResponse,
	findRequestedWebhook,
	parseRequest,
	recordResponse,
	respondWith,
	runNodeWebhook,
} from './webhook';

export type WaitingOptions = Omit<RunWorkflowOptions, 'webhookWaitingBaseUrl' | 'resumeData'>;

export interface WaitingCall {
	method: string;
	url: string;
	status: number;
	body: string;
	headers: http.OutgoingHttpHeaders;
	/** What the node's webhook() returned, if it was called. */
	result?: IWebhookResponseData;
}

export interface WaitingServer {
	/** `http://127.0.0.1:PORT/webhook-waiting`, the base of the signed links. */
	baseUrl: string;
	executionId: string;
	/** The first run: normally status `waiting`. */
	start(): Promise<WorkflowRunResult>;
	/** The latest run of the execution (the first, or the resumed one). */
	latest(): WorkflowRunResult | undefined;
	/** Resolves with the resumed run once a webhook or timeOut() has resumed the execution. */
	resumed(): Promise<WorkflowRunResult>;
	/** What n8n's WaitTracker does once `waitTill` has passed. */
	timeOut(): Promise<WorkflowRunResult>;
	calls: WaitingCall[];
	close(): Promise<void>;
}

export async function startWaitingServer(options: WaitingOptions): Promise<WaitingServer> {
	const executionId = options.executionId ?? 'harness-waiting-execution';
	const mode = options.mode ?? 'manual';
	const calls: WaitingCall[] = [];
	let saved: IRun | undefined;
	let latest: WorkflowRunResult | undefined;
	let running = false;
	let resume: ((result: WorkflowRunResult) => void) | undefined;
	const resumedPromise = new Promise<WorkflowRunResult>((resolve) => (resume = resolve));

	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook-waiting`;

	const run = async (resumeData?: IRunExecutionData): Promise<WorkflowRunResult> => {
		running = true;
		try {
			const result = await runWorkflow({
				...options,
				executionId,
				mode,
				webhookWaitingBaseUrl: baseUrl,
				resumeData,
			});
			saved = result.run ? structuredClone(result.run) : undefined;
			latest = result;
			return result;
		} finally {
			running = false;
		}
	};
	const resumeWith = async (data: IRunExecutionData) => {
		const result = await run(data);
		resume?.(result);
		return result;
	};

	const signatureValid = (url: URL): boolean => {
		const given = url.searchParams.get(WAITING_TOKEN_QUERY_PARAM);
		if (!given) return false;
		const unsigned = new URL(url);
		unsigned.searchParams.delete(WAITING_TOKEN_QUERY_PARAM);
		const expected = generateUrlSignature(
			prepareUrlForSigning(unsigned),
			Container.get(InstanceSettings).hmacSignatureSecret,
		);
		return (
			given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected))
		);
	};

	const handle = async (
		req: http.IncomingMessage,
		res: http.ServerResponse,
	): Promise<IWebhookResponseData | undefined> => {
		const response = expressResponse(res);
		const request = await parseRequest(req);
		const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
		const [, base, id, suffix] = url.pathname.split('/');
		if (base !== 'webhook-waiting' || id !== executionId || !saved) {
			respondWith(response, { message: `The execution "${id}" does not exist.` }, 404);
			return;
		}
		const data = saved.data;
		const lastNodeName = data.resultData.lastNodeExecuted ?? '';
		const lastNode = options.workflow.nodes.find((node) => node.name === lastNodeName);
		if (
			data.validateSignature &&
			lastNode?.parameters.operation === SEND_AND_WAIT_OPERATION &&
			!signatureValid(url)
		) {
			respondWith(response, { error: 'Invalid token' }, 401);
			return;
		}
		if (running) {
			respondWith(response, { message: `The execution "${id}" is running already.` }, 409);
			return;
		}
		if (saved.finished || !data.waitTill) {
			respondWith(response, 'No action required: the execution has gone on already.', 200);
			return;
		}

		const nodeTypes = new HarnessNodeTypes(options.nodeTypes);
		const workflow = new Workflow({
			id: options.workflow.id ?? 'harness-workflow',
			nodes: structuredClone(options.workflow.nodes),
			connections: options.workflow.connections,
			active: false,
			nodeTypes,
			settings: { executionOrder: 'v1', ...options.workflow.settings },
		});
		const node = workflow.getNode(lastNodeName);
		if (!node) {
			respondWith(response, { message: 'Could not find node to process webhook.' }, 404);
			return;
		}
		const credentialsHelper = new HarnessCredentialsHelper(
			new HarnessCredentialTypes(options.credentialTypes),
			options.credentials,
		);
		const additionalData = createAdditionalData({
			credentialsHelper,
			executionId,
			webhookWaitingBaseUrl: baseUrl,
		});
		const webhook = findRequestedWebhook(
			{ workflow, node, additionalData, mode },
			{ request, response },
			(w) =>
				w.httpMethod === req.method &&
				w.path === decodeURIComponent(suffix ?? '') &&
				w.webhookDescription.restartWebhook === true,
		);
		if (!webhook) {
			respondWith(response, { message: 'No waiting webhook with a matching path/method.' }, 404);
			return;
		}

		const runExecutionData = structuredClone(data);
		runExecutionData.executionData!.nodeExecutionStack[0].node.disabled = true;
		runExecutionData.waitTill = undefined;
		// n8n drops the waiting run before the webhook sees the data (keeping only an input override)
		const runs = runExecutionData.resultData.runData[lastNodeName] ?? [];
		const popped = runs.pop();
		if (popped?.inputOverride)
			runs.push({
				startTime: 0,
				executionTime: 0,
				executionIndex: 0,
				source: popped.source ?? [],
				inputOverride: popped.inputOverride,
			});
		const result = await runNodeWebhook(webhook, runExecutionData);
		if (result.noWebhookResponse !== true)
			respondWith(response, result.webhookResponse ?? { message: 'Workflow was started' }, 200);
		if (result.workflowData !== undefined) {
			runExecutionData.executionData!.nodeExecutionStack[0].data.main = result.workflowData;
			running = true;
			void resumeWith(runExecutionData);
		}
		return result;
	};

	server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
		const call: WaitingCall = {
			method: req.method ?? '',
			url: req.url ?? '',
			status: 0,
			body: '',
			headers: {},
		};
		calls.push(call);
		recordResponse(res, (response) => Object.assign(call, response));
		handle(req, res)
			.then((result) => {
				call.result = result;
			})
			.catch((error: Error) => {
				if (!res.headersSent) respondWith(expressResponse(res), { message: error.message }, 500);
			});
	});

	return {
		baseUrl,
		executionId,
		start: async () => await run(),
		latest: () => latest,
		resumed: async () => await resumedPromise,
		timeOut: async () => {
			if (!saved?.data.waitTill) throw new Error('The execution is not waiting');
			return await resumeWith(structuredClone(saved.data));
		},
		calls,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

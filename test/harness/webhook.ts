/**
 * Webhook triggers: a real `node:http` server that treats each request the way n8n's webhook
 * server does (body parsing of packages/cli/src/middlewares/body-parser.ts, then
 * WebhookService.runWebhook with an n8n-core `WebhookContext`, then the response rules of
 * webhook-helpers.ts for `onReceived`), and `webhookMethods` (checkExists/create/delete) with an
 * n8n-core `HookContext`, as n8n runs them on activation/deactivation.
 */
import { HookContext, WebhookContext, parseIncomingMessage } from 'n8n-core';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQueryString } from 'node:querystring';
import type { Readable } from 'node:stream';
import { createGunzip, createInflate } from 'node:zlib';
import type {
	IDataObject,
	IHttpRequestMethods,
	INode,
	IRunExecutionData,
	INodeExecutionData,
	INodeType,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WebhookSetupMethodNames,
	WebhookType,
	Workflow,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Node, NodeHelpers, UnexpectedError, jsonParse } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import type { HarnessCredentialsHelper } from './credentials';
import type { AnyNodeType } from './node-types';
import type { WorkflowJson, WorkflowRunResult } from './run-workflow';
import { runWorkflow } from './run-workflow';
import type { SingleNodeOptions } from './single-node';
import { setupSingleNode } from './single-node';
import { persistStaticData } from './static-data';

// ---------------------------------------------------------------------------------------------
// Webhook registration (WebhookService.getNodeWebhooks)
// ---------------------------------------------------------------------------------------------

/** The webhooks n8n would register for the node (one entry per HTTP method). */
export function getNodeWebhooks(
	workflow: Workflow,
	node: INode,
	additionalData: IWorkflowExecuteAdditionalData,
): IWebhookData[] {
	if (node.disabled === true) return [];
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (nodeType.description.webhooks === undefined) return [];
	const workflowId = workflow.id || '__UNSAVED__';
	const result: IWebhookData[] = [];
	for (const description of nodeType.description.webhooks) {
		let nodeWebhookPath = workflow.expression.getSimpleParameterValue(
			node,
			description.path,
			'internal',
			{},
		);
		if (nodeWebhookPath === undefined) continue;
		nodeWebhookPath = nodeWebhookPath.toString().replace(/^\//, '').replace(/\/$/, '');
		const isFullPath = workflow.expression.getSimpleParameterValue(
			node,
			description.isFullPath,
			'internal',
			{},
			undefined,
			false,
		) as boolean;
		const restartWebhook = workflow.expression.getSimpleParameterValue(
			node,
			description.restartWebhook,
			'internal',
			{},
			undefined,
			false,
		) as boolean;
		const path = NodeHelpers.getNodeWebhookPath(
			workflowId,
			node,
			nodeWebhookPath,
			isFullPath,
			restartWebhook,
		);
		const methods = workflow.expression.getSimpleParameterValue(
			node,
			description.httpMethod,
			'internal',
			{},
			undefined,
			'GET',
		);
		if (methods === undefined) continue;
		const webhookId =
			(path.startsWith(':') || path.includes('/:')) && node.webhookId ? node.webhookId : undefined;
		for (const httpMethod of String(methods).split(',')) {
			if (!httpMethod.trim()) continue;
			result.push({
				httpMethod: httpMethod.trim() as IHttpRequestMethods,
				node: node.name,
				path,
				webhookDescription: description,
				workflowId,
				workflowExecuteAdditionalData: additionalData,
				webhookId,
			});
		}
	}
	return result;
}

// ---------------------------------------------------------------------------------------------
// webhookMethods (HookContext)
// ---------------------------------------------------------------------------------------------

export interface WebhookMethodOptions extends SingleNodeOptions {
	/** Which webhook's methods (`default` unless the node declares others). */
	webhookName?: WebhookType;
	/** Default `webhook`: the active (production) workflow. `manual` registers the test webhook. */
	mode?: WorkflowExecuteMode;
	/** Default `activate`. */
	activation?: WorkflowActivateMode;
	/** Base of `getNodeWebhookUrl()`; default `http://localhost:5678/webhook`. */
	webhookBaseUrl?: string;
	webhookTestBaseUrl?: string;
}

async function callWebhookMethod(
	setup: { workflow: Workflow; node: INode; credentialsHelper: HarnessCredentialsHelper },
	method: WebhookSetupMethodNames,
	options: WebhookMethodOptions,
): Promise<boolean | undefined> {
	const { workflow, node, credentialsHelper } = setup;
	const mode = options.mode ?? 'webhook';
	const additionalData = createAdditionalData({
		credentialsHelper,
		webhookBaseUrl: options.webhookBaseUrl,
		webhookTestBaseUrl: options.webhookTestBaseUrl,
	});
	const name = options.webhookName ?? 'default';
	const webhookData = getNodeWebhooks(workflow, node, additionalData).find(
		(w) => w.webhookDescription.name === name,
	);
	if (!webhookData) throw new UnexpectedError(`Node "${node.name}" has no webhook named "${name}"`);
	if (mode === 'manual') webhookData.isTest = true;
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const fn = nodeType.webhookMethods?.[name]?.[method];
	if (fn === undefined) return undefined;
	const context = new HookContext(
		workflow,
		node,
		additionalData,
		mode,
		options.activation ?? 'activate',
		webhookData,
	);
	return await fn.call(context);
}

/** Runs one of the node's `webhookMethods` (checkExists / create / delete) with a real HookContext. */
export async function runWebhookMethod(
	nodeType: AnyNodeType,
	method: WebhookSetupMethodNames,
	options: WebhookMethodOptions = {},
): Promise<boolean | undefined> {
	const setup = setupSingleNode(nodeType, options);
	try {
		return await callWebhookMethod(setup, method, options);
	} finally {
		persistStaticData(options.staticData);
	}
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

/** The request object a node sees: an IncomingMessage with what n8n's middleware adds. */
export type HarnessWebhookRequest = http.IncomingMessage & {
	body: unknown;
	rawBody: Buffer;
	query: IDataObject;
	params: IDataObject;
	path: string;
	contentType?: string;
	encoding?: BufferEncoding;
};

/** The response object a node sees: a ServerResponse with the express methods nodes use. */
export type HarnessWebhookResponse = http.ServerResponse & {
	status(code: number): HarnessWebhookResponse;
	json(body: unknown): HarnessWebhookResponse;
	send(body?: unknown): HarnessWebhookResponse;
	set(name: string | Record<string, string>, value?: string): HarnessWebhookResponse;
	header(name: string | Record<string, string>, value?: string): HarnessWebhookResponse;
	sendStatus(code: number): HarnessWebhookResponse;
};

export interface WebhookCall {
	method: string;
	/** Request URL (path and query). */
	url: string;
	query: IDataObject;
	headers: http.IncomingHttpHeaders;
	/** Parsed body as the node saw it. */
	body: unknown;
	rawBody: Buffer;
	/** Which webhook handled it (undefined: no webhook matched, answered 404). */
	webhookName?: string;
	/** Set once the response is finished. */
	status?: number;
	responseBody?: string;
	responseHeaders?: http.OutgoingHttpHeaders;
	/** What `webhook()` returned. */
	result?: IWebhookResponseData;
	/** `webhook()` threw this (answered 500). */
	error?: Error;
}

export interface WebhookServerOptions extends SingleNodeOptions {
	nodeType: AnyNodeType;
	/** `webhook` (default, production URL) or `manual` (test URL). */
	mode?: 'webhook' | 'manual';
	/**
	 * A workflow containing the trigger node (found by `nodeName`, else by type). Each run the
	 * trigger starts is then executed with `runWorkflow` like n8n does; see `executions`.
	 * The trigger node's parameters/credentials/webhookId come from this workflow.
	 */
	workflow?: WorkflowJson;
	/**
	 * Run the node's `webhookMethods` as n8n does when the workflow is activated
	 * (checkExists, then create if it returned false) once the server listens, and `delete`
	 * on `close()`.
	 */
	webhookMethods?: boolean;
}

export interface HarnessWebhookServer {
	/** `http://127.0.0.1:<port>` */
	baseUrl: string;
	/** What n8n calls the webhook URL base: `<baseUrl>/webhook` (test: `<baseUrl>/webhook-test`). */
	webhookBaseUrl: string;
	/** URL of the `default` webhook (what `this.getNodeWebhookUrl('default')` returns). */
	url: string;
	webhookUrl(name?: WebhookType): string;
	/** Every request received, in order. */
	calls: WebhookCall[];
	/** `workflowData` of every run the trigger started. */
	runs: INodeExecutionData[][][];
	/** With `workflow`: the result of executing it for each started run. */
	executions: WorkflowRunResult[];
	staticData: IDataObject;
	/** Resolves once `count` runs were started (and executed, with `workflow`). */
	waitForRuns(count: number, timeoutMs?: number): Promise<void>;
	/** Runs a webhookMethod with this server's URLs, node and static data. */
	runWebhookMethod(
		method: WebhookSetupMethodNames,
		options?: Pick<WebhookMethodOptions, 'webhookName' | 'activation'>,
	): Promise<boolean | undefined>;
	/** n8n's activation: checkExists, then create when it returned false. */
	activate(): Promise<void>;
	/** n8n's deactivation: delete. */
	deactivate(): Promise<void>;
	close(): Promise<void>;
}

/**
 * n8n's body parser keeps one xml2js Parser for all requests; after a body that fails with
 * "Non-whitespace before first tag", that parser never settles on the next invalid body, so the
 * request hangs (found by SmscTrigger.property.test.ts; n8n's behaviour, before any node runs).
 * The harness parses each body with a parser of its own, so one request cannot stall the next.
 */
const { Parser: XmlParser } = require('xml2js') as {
	Parser: new (o: object) => { parseStringPromise(s: string): Promise<unknown> };
};
const xmlParser = () =>
	new XmlParser({ async: true, normalize: true, normalizeTags: true, explicitArray: false });

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
	let stream: Readable = req;
	const encoding = req.headers['content-encoding'];
	if (encoding === 'gzip') stream = req.pipe(createGunzip());
	else if (encoding === 'deflate') stream = req.pipe(createInflate());
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** body-parser.ts: raw body kept, JSON / XML / form / text parsed by content type. */
export async function parseRequest(req: http.IncomingMessage): Promise<HarnessWebhookRequest> {
	const request = req as HarnessWebhookRequest;
	parseIncomingMessage(request as unknown as Parameters<typeof parseIncomingMessage>[0]);
	const url = new URL(req.url ?? '/', 'http://127.0.0.1');
	request.path = url.pathname;
	request.query = parseQueryString(url.search.replace(/^\?/, '')) as IDataObject;
	request.params = {};
	request.rawBody = await readBody(req);
	const { rawBody, contentType } = request;
	const encoding = (request.encoding ?? 'utf-8') as BufferEncoding;
	request.body = undefined;
	if (rawBody.length && !contentType?.startsWith('multipart/')) {
		if (contentType === 'application/json') {
			request.body = jsonParse(rawBody.toString(encoding));
		} else if (contentType?.endsWith('/xml') || contentType?.endsWith('+xml')) {
			request.body = await xmlParser().parseStringPromise(rawBody.toString(encoding));
		} else if (contentType === 'application/x-www-form-urlencoded') {
			request.body = parseQueryString(rawBody.toString(encoding), undefined, undefined, {
				maxKeys: 1000,
			});
		} else if (contentType === 'text/plain') {
			request.body = rawBody.toString(encoding);
		}
	}
	if (!request.body) request.body = {};
	return request;
}

export function expressResponse(res: http.ServerResponse): HarnessWebhookResponse {
	const r = res as HarnessWebhookResponse;
	r.status = (code) => {
		r.statusCode = code;
		return r;
	};
	r.set = r.header = (name, value) => {
		if (typeof name === 'string') r.setHeader(name, value ?? '');
		else for (const [k, v] of Object.entries(name)) r.setHeader(k, v);
		return r;
	};
	r.json = (body) => {
		if (!r.hasHeader('content-type'))
			r.setHeader('content-type', 'application/json; charset=utf-8');
		r.end(JSON.stringify(body));
		return r;
	};
	r.send = (body) => {
		if (body === undefined || body === null) r.end();
		else if (Buffer.isBuffer(body)) {
			if (!r.hasHeader('content-type')) r.setHeader('content-type', 'application/octet-stream');
			r.end(body);
		} else if (typeof body === 'string') {
			if (!r.hasHeader('content-type')) r.setHeader('content-type', 'text/html; charset=utf-8');
			r.end(body);
		} else return r.json(body);
		return r;
	};
	r.sendStatus = (code) => r.status(code).send(http.STATUS_CODES[code] ?? String(code));
	return r;
}

/** What the server answered to one request, once the response has ended. */
export interface RecordedResponse {
	status: number;
	headers: http.OutgoingHttpHeaders;
	body: string;
}

/** Records what is written to `res`: `ended` gets the status, headers and body when it ends. */
export function recordResponse(
	res: http.ServerResponse,
	ended: (response: RecordedResponse) => void,
): void {
	const chunks: Buffer[] = [];
	const write = res.write.bind(res) as (...args: unknown[]) => boolean;
	const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
	const collect = (chunk: unknown) => {
		if (typeof chunk === 'string') chunks.push(Buffer.from(chunk));
		else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
	};
	res.write = ((chunk: unknown, ...rest: unknown[]) => {
		collect(chunk);
		return write(chunk, ...rest);
	}) as typeof res.write;
	res.end = ((chunk?: unknown, ...rest: unknown[]) => {
		if (typeof chunk !== 'function') collect(chunk);
		const body = Buffer.concat(chunks).toString('utf8');
		ended({ status: res.statusCode, headers: res.getHeaders(), body });
		return end(chunk, ...rest);
	}) as typeof res.end;
}

/** ResponseHelper.sendSuccessResponse(res, data, raw = true, responseCode, headers) */
export function respondWith(
	res: HarnessWebhookResponse,
	data: unknown,
	responseCode: number,
	headers?: IDataObject,
) {
	if (res.headersSent || res.writableEnded) return;
	res.status(responseCode);
	if (headers) for (const [k, v] of Object.entries(headers)) res.setHeader(k, String(v));
	if (data === undefined) res.end();
	else if (typeof data === 'string' || Buffer.isBuffer(data)) res.send(data);
	else res.json(data);
}

/** A webhook of a node that answers one request, with the additionalData that carries the request. */
export interface RequestedWebhook {
	workflow: Workflow;
	node: INode;
	additionalData: IWorkflowExecuteAdditionalData;
	mode: WorkflowExecuteMode;
	webhookData: IWebhookData;
}

/**
 * The node's webhook that `matches` the request, as WebhookService looks it up, with the request
 * and its response on the additionalData (where the node's WebhookContext reads them); undefined
 * when no webhook matches.
 */
export function findRequestedWebhook(
	found: Omit<RequestedWebhook, 'webhookData'>,
	exchange: { request: HarnessWebhookRequest; response: HarnessWebhookResponse },
	matches: (webhook: IWebhookData) => boolean,
): RequestedWebhook | undefined {
	const { workflow, node, additionalData } = found;
	const webhookData = getNodeWebhooks(workflow, node, additionalData).find(matches);
	if (!webhookData) return undefined;
	additionalData.httpRequest =
		exchange.request as unknown as IWorkflowExecuteAdditionalData['httpRequest'];
	additionalData.httpResponse =
		exchange.response as unknown as IWorkflowExecuteAdditionalData['httpResponse'];
	return { ...found, webhookData };
}

/**
 * The node's `webhook` with an n8n-core WebhookContext, as WebhookService.runWebhook calls it;
 * `runExecutionData` is the saved run when a waiting node is resumed, else null.
 */
export async function runNodeWebhook(
	webhook: RequestedWebhook,
	runExecutionData: IRunExecutionData | null,
): Promise<IWebhookResponseData> {
	const { workflow, node, additionalData, mode, webhookData } = webhook;
	const nodeType: INodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (nodeType.webhook === undefined)
		throw new UnexpectedError('Node does not have any webhooks defined');
	const context = new WebhookContext(
		workflow,
		node,
		additionalData,
		mode,
		webhookData,
		[],
		runExecutionData,
	);
	return nodeType instanceof Node
		? await nodeType.webhook(context)
		: await nodeType.webhook.call(context);
}

export async function startWebhookServer(
	options: WebhookServerOptions,
): Promise<HarnessWebhookServer> {
	const mode: WorkflowExecuteMode = options.mode ?? 'webhook';
	const staticData = options.staticData ?? {};
	let nodeOptions: SingleNodeOptions = { ...options, staticData };
	let extra: Partial<INode> = {};
	if (options.workflow) {
		const typeName = options.typeName;
		const triggerNode = options.workflow.nodes.find((n) =>
			options.nodeName
				? n.name === options.nodeName
				: typeName
					? n.type === typeName
					: n.webhookId !== undefined,
		);
		if (!triggerNode)
			throw new UnexpectedError('Trigger node not found in the workflow (set nodeName)');
		nodeOptions = {
			...nodeOptions,
			nodeName: triggerNode.name,
			typeName: triggerNode.type,
			typeVersion: triggerNode.typeVersion,
			parameters: triggerNode.parameters,
			webhookId: triggerNode.webhookId,
			workflowId: options.workflow.id ?? nodeOptions.workflowId,
		};
		extra = { credentials: triggerNode.credentials, id: triggerNode.id };
	}
	nodeOptions.webhookId ??= randomUUID();

	const calls: WebhookCall[] = [];
	const runs: INodeExecutionData[][][] = [];
	const executions: WorkflowRunResult[] = [];
	const pending = new Set<Promise<void>>();
	const waiters: Array<() => void> = [];
	const notify = () => waiters.splice(0).forEach((w) => w());

	let baseUrl = '';
	const urls = () => ({
		webhookBaseUrl: `${baseUrl}/webhook`,
		webhookTestBaseUrl: `${baseUrl}/webhook-test`,
	});
	const setup = () => setupSingleNode(options.nodeType, nodeOptions, extra);

	const handle = async (req: http.IncomingMessage, res: http.ServerResponse, call: WebhookCall) => {
		const response = expressResponse(res);
		let request: HarnessWebhookRequest;
		try {
			request = await parseRequest(req);
		} catch (e) {
			// UnprocessableRequestError of n8n's body parser
			call.error = e as Error;
			respondWith(
				response,
				{ code: 422, message: 'Failed to parse request body', hint: (e as Error).message },
				422,
			);
			return;
		}
		call.query = request.query;
		call.body = request.body;
		call.rawBody = request.rawBody;

		const { workflow, node, credentialsHelper } = setup();
		const additionalData = createAdditionalData({ credentialsHelper, ...urls() });
		const prefix = mode === 'manual' ? '/webhook-test/' : '/webhook/';
		const requestPath = request.path.startsWith(prefix)
			? request.path.slice(prefix.length)
			: undefined;
		const webhook = findRequestedWebhook(
			{ workflow, node, additionalData, mode },
			{ request, response },
			(w) => w.path === requestPath && w.httpMethod === req.method,
		);
		if (!webhook) {
			respondWith(
				response,
				{
					code: 404,
					message: `The requested webhook "${req.method} ${request.path}" is not registered.`,
				},
				404,
			);
			return;
		}
		if (mode === 'manual') webhook.webhookData.isTest = true;
		call.webhookName = webhook.webhookData.webhookDescription.name;

		const description: IWebhookDescription = webhook.webhookData.webhookDescription;
		const additionalKeys = { $executionId: undefined };
		const responseCode = workflow.expression.getSimpleParameterValue(
			node,
			description.responseCode as string,
			mode,
			additionalKeys,
			undefined,
			200,
		) as number;
		const responseData = workflow.expression.getSimpleParameterValue(
			node,
			description.responseData,
			mode,
			additionalKeys,
			undefined,
			'firstEntryJson',
		) as string | undefined;

		let result: IWebhookResponseData;
		try {
			result = await runNodeWebhook(webhook, null);
		} catch (e) {
			call.error = e as Error;
			respondWith(
				response,
				{ code: 0, message: 'Workflow Webhook Error: Workflow could not be started!' },
				500,
			);
			return;
		} finally {
			persistStaticData(staticData);
		}
		call.result = result;

		if (result.noWebhookResponse === true) {
			// the node answered itself
		} else if (result.workflowData === undefined) {
			respondWith(
				response,
				result.webhookResponse !== undefined
					? result.webhookResponse
					: { message: 'Webhook call received' },
				responseCode,
			);
		} else {
			// responseMode onReceived (the only one a trigger node uses)
			let body: unknown;
			if (responseData === 'noData') body = undefined;
			else if (responseData && responseData !== 'firstEntryJson') body = responseData;
			else if (result.webhookResponse !== undefined) body = result.webhookResponse;
			else body = { message: 'Workflow was started' };
			respondWith(response, body, responseCode);
		}

		if (result.workflowData !== undefined) {
			runs.push(result.workflowData);
			if (options.workflow) {
				const execution = await runWorkflow({
					workflow: options.workflow,
					nodeTypes: { ...options.nodeTypes, [node.type]: options.nodeType },
					credentialTypes: options.credentialTypes,
					credentials: options.credentials,
					mode,
					startNode: node.name,
					inputData: result.workflowData,
					staticData,
				});
				executions.push(execution);
			}
		}
	};

	const server = http.createServer((req, res) => {
		const call: WebhookCall = {
			method: req.method ?? '',
			url: req.url ?? '',
			query: {},
			headers: req.headers,
			body: undefined,
			rawBody: Buffer.alloc(0),
		};
		calls.push(call);
		recordResponse(res, ({ status, headers, body }) => {
			Object.assign(call, { status, responseHeaders: headers, responseBody: body });
		});

		const work = handle(req, res, call)
			.catch((error: Error) => {
				call.error ??= error;
				if (!res.headersSent)
					res
						.writeHead(500, { 'content-type': 'text/plain' })
						.end(`harness error: ${error.message}`);
				else if (!res.writableEnded) res.end();
			})
			.finally(() => {
				pending.delete(work);
				notify();
			});
		pending.add(work);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	const methodOptions = (
		extraOptions: Pick<WebhookMethodOptions, 'webhookName' | 'activation'> = {},
	): WebhookMethodOptions => ({
		...extraOptions,
		mode,
		...urls(),
	});
	const runMethod = async (
		method: WebhookSetupMethodNames,
		extraOptions?: Pick<WebhookMethodOptions, 'webhookName' | 'activation'>,
	) => {
		try {
			return await callWebhookMethod(setup(), method, methodOptions(extraOptions));
		} finally {
			persistStaticData(staticData);
		}
	};
	const webhookUrl = (name: WebhookType = 'default') => {
		const { workflow, node, credentialsHelper } = setup();
		const webhook = getNodeWebhooks(
			workflow,
			node,
			createAdditionalData({ credentialsHelper, ...urls() }),
		).find((w) => w.webhookDescription.name === name);
		if (!webhook) throw new UnexpectedError(`Node has no webhook named "${name}"`);
		return `${mode === 'manual' ? urls().webhookTestBaseUrl : urls().webhookBaseUrl}/${webhook.path}`;
	};
	const webhookNames = (
		setup().nodeTypes.getByNameAndVersion(setup().node.type, setup().node.typeVersion).description
			.webhooks ?? []
	).map((w) => w.name);

	const activate = async () => {
		for (const name of new Set(webhookNames)) {
			const exists = await runMethod('checkExists', { webhookName: name });
			if (!exists) await runMethod('create', { webhookName: name });
		}
	};
	const deactivate = async () => {
		for (const name of new Set(webhookNames)) await runMethod('delete', { webhookName: name });
	};

	const harness: HarnessWebhookServer = {
		baseUrl,
		webhookBaseUrl: mode === 'manual' ? urls().webhookTestBaseUrl : urls().webhookBaseUrl,
		url: webhookNames.includes('default') ? webhookUrl('default') : '',
		webhookUrl,
		calls,
		runs,
		executions,
		staticData,
		async waitForRuns(count, timeoutMs = 5000) {
			const deadline = Date.now() + timeoutMs;
			const done = () => runs.length >= count && (!options.workflow || executions.length >= count);
			while (!done()) {
				const left = deadline - Date.now();
				if (left <= 0) {
					throw new UnexpectedError(
						`Timed out waiting for ${count} runs (started: ${runs.length}, executed: ${executions.length})`,
					);
				}
				await new Promise<void>((resolve) => {
					const timer = setTimeout(resolve, Math.min(left, 25));
					waiters.push(() => {
						clearTimeout(timer);
						resolve();
					});
				});
			}
		},
		runWebhookMethod: runMethod,
		activate,
		deactivate,
		async close() {
			if (options.webhookMethods) await deactivate();
			await Promise.allSettled([...pending]);
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
	if (options.webhookMethods) await activate();
	return harness;
}

/**
 * The harness itself: real n8n-core execution (expressions, credentials + authenticate, HTTP
 * helper, continueOnFail, errors), credential tests, pickers, polling and webhooks.
 */
import type { IConnections, IDataObject, INode } from 'n8n-workflow';

import { SmscApi } from '../../credentials/SmscApi.credentials';
import { Smsc } from '../../nodes/Smsc/Smsc.node';
import { startEmulator } from '../emulator';
import { postForm } from '../support/http';

import {
	HARNESS_ITEMS,
	MANUAL_TRIGGER,
	NO_OP,
	listSearch,
	loadOptions,
	runCredentialTest,
	runPoll,
	runWebhookMethod,
	runWorkflow,
	startWebhookServer,
} from '../harness';
import type { CredentialsMap, WorkflowJson } from '../harness';
import {
	FnAuthApi,
	HttpProbe,
	PollProbe,
	TestApi,
	WebhookProbe,
	startTestServer,
} from '../harness/fixtures';
import type { TestServer } from '../harness/fixtures';

const PROBE = 'test.httpProbe';
const nodeTypes = { [PROBE]: new HttpProbe() };
const credentialTypes = [new TestApi(), new FnAuthApi()];

let api: TestServer;
beforeAll(async () => {
	api = await startTestServer();
});
afterAll(async () => {
	await api.close();
});
beforeEach(() => {
	api.requests.length = 0;
	api.events.length = 0;
});

const credentials = (): CredentialsMap => ({
	testApi: { id: 'c1', name: 'Test', data: { baseUrl: api.url, secret: 's3cr3t' } },
	fnAuthApi: { id: 'c2', name: 'Fn', data: { baseUrl: api.url, apiKey: 'good' } },
});

function node(
	name: string,
	type: string,
	parameters: INode['parameters'] = {},
	extra: Partial<INode> = {},
): INode {
	return { id: name, name, type, typeVersion: 1, position: [0, 0], parameters, ...extra };
}

function chain(...nodes: INode[]): WorkflowJson {
	const connections: IConnections = {};
	for (let i = 0; i < nodes.length - 1; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { nodes, connections };
}

const probe = (parameters: INode['parameters'], extra: Partial<INode> = {}) =>
	node('Probe', PROBE, parameters, {
		credentials: { testApi: { id: 'c1', name: 'Test' }, fnAuthApi: { id: 'c2', name: 'Fn' } },
		...extra,
	});

describe('runWorkflow', () => {
	it('resolves expressions and applies a generic authenticate (secret in the body, not the URL)', async () => {
		const result = await runWorkflow({
			workflow: chain(
				node('Start', MANUAL_TRIGGER),
				node('Items', HARNESS_ITEMS, {
					items: [{ phone: '+79001112233' }, { phone: '+79004445566' }],
				}),
				probe({ phone: '={{ $json.phone }}', path: '=/echo?n={{ $itemIndex }}' }),
			),
			nodeTypes,
			credentialTypes,
			credentials: credentials(),
		});
		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.executionOrder).toEqual(['Start', 'Items', 'Probe']);
		expect(result.json('Probe')).toEqual([
			{ received: { phone: '+79001112233', secret: 's3cr3t' }, query: { n: '0' } },
			{ received: { phone: '+79004445566', secret: 's3cr3t' }, query: { n: '1' } },
		]);
		expect(api.requests).toHaveLength(2);
		for (const request of api.requests) {
			expect(request.url).not.toContain('s3cr3t');
			expect(request.headers['x-region']).toBe('eu'); // credential default applied
			expect(request.headers['content-type']).toContain('application/json');
		}
	});

	it('applies a function authenticate after preAuthentication fetched the expirable token once', async () => {
		const result = await runWorkflow({
			workflow: chain(
				node('Items', HARNESS_ITEMS),
				probe({ authentication: 'function', phone: '={{ $json.n }}' }),
			),
			nodeTypes,
			credentialTypes,
			credentials: credentials(),
			inputItems: [{ n: '1' }, { n: '2' }, { n: '3' }],
		});
		expect(result.error).toBeUndefined();
		expect(result.output('Probe')).toHaveLength(3);
		const sessions = api.requests.filter((r) => r.url === '/session');
		expect(sessions).toHaveLength(1);
		const calls = api.requests.filter((r) => r.url === '/echo');
		expect(calls.map((r) => r.headers.authorization)).toEqual(Array(3).fill('Session sess-good'));
	});

	it('credential data may itself contain expressions', async () => {
		const result = await runWorkflow({
			workflow: chain(node('Items', HARNESS_ITEMS), probe({ phone: '1' })),
			nodeTypes,
			credentialTypes,
			credentials: {
				testApi: {
					id: 'c1',
					name: 'Test',
					data: { baseUrl: api.url, secret: "={{ 'built-' + 'secret' }}" },
				},
			},
		});
		expect(result.error).toBeUndefined();
		expect(api.requests[0].body.secret).toBe('built-secret');
	});

	it.each([
		['onError: continueRegularOutput', { onError: 'continueRegularOutput' as const }],
		['continueOnFail: true', { continueOnFail: true }],
	])('continues per item with %s', async (_label, extra) => {
		const result = await runWorkflow({
			workflow: chain(
				node('Items', HARNESS_ITEMS),
				probe({ phone: '={{ $json.phone }}' }, extra),
				node('After', NO_OP),
			),
			nodeTypes,
			credentialTypes,
			credentials: credentials(),
			inputItems: [{ phone: 'a' }, { phone: 'fail' }, { phone: 'c' }],
		});
		expect(result.error).toBeUndefined();
		const out = result.json('After');
		expect(out).toHaveLength(3);
		expect(out[0]).toEqual({ received: { phone: 'a', secret: 's3cr3t' }, query: {} });
		expect(String(out[1].error)).toMatch(/400|bad phone|Bad request/i);
		expect(out[2].received).toEqual({ phone: 'c', secret: 's3cr3t' });
	});

	it('surfaces the execution error with the failing node name', async () => {
		const result = await runWorkflow({
			workflow: chain(
				node('Items', HARNESS_ITEMS),
				probe({ phone: '={{ $json.phone }}' }),
				node('After', NO_OP),
			),
			nodeTypes,
			credentialTypes,
			credentials: credentials(),
			inputItems: [{ phone: 'ok' }, { phone: 'fail' }],
		});
		expect(result.status).toBe('error');
		expect(result.error).toBeInstanceOf(Error);
		expect(result.error?.nodeName).toBe('Probe');
		expect(result.error?.errorName).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(/400|bad phone|Bad request/i);
		expect(result.runData.Probe[0].error).toBeDefined();
		expect(() => result.output('After')).toThrow(/did not run/);
	});

	it('reports a missing required parameter and an unknown credential clearly', async () => {
		const missing = await runWorkflow({
			workflow: chain(node('Items', HARNESS_ITEMS), probe({})),
			nodeTypes,
			credentialTypes,
			credentials: credentials(),
		});
		expect(missing.error?.message).toMatch(/issues.*Probe.*phone/);

		const noCredential = await runWorkflow({
			workflow: chain(
				node('Items', HARNESS_ITEMS),
				probe({ phone: '1' }, { credentials: { testApi: { id: 'nope', name: 'Nope' } } }),
			),
			nodeTypes,
			credentialTypes,
			credentials: credentials(),
		});
		expect(noCredential.error?.nodeName).toBe('Probe');
		expect(noCredential.error?.message).toMatch(/does not exist/);
	});

	it('pushes 10,000 items through noOp, in order', async () => {
		const inputItems = Array.from({ length: 10_000 }, (_, i) => ({ i }));
		const result = await runWorkflow({
			workflow: chain(node('Items', HARNESS_ITEMS), node('NoOp', NO_OP), node('NoOp2', NO_OP)),
			inputItems,
		});
		expect(result.error).toBeUndefined();
		const out = result.output('NoOp2');
		expect(out).toHaveLength(10_000);
		expect(out[9_999].json).toEqual({ i: 9_999 });

		const generated = await runWorkflow({
			workflow: chain(
				node('Items', HARNESS_ITEMS, { count: 10_000, item: { phone: '+7900' } }),
				node('NoOp', NO_OP),
			),
		});
		expect(generated.output('NoOp')).toHaveLength(10_000);
		expect(generated.json('NoOp')[42]).toEqual({ phone: '+7900', index: 42 });
	});

	it('pushes 100,000 items through a workflow', async () => {
		const result = await runWorkflow({
			workflow: chain(
				node('Items', HARNESS_ITEMS, { count: 100_000, item: { phone: '+7900' } }),
				node('NoOp', NO_OP),
			),
		});
		expect(result.output('NoOp')).toHaveLength(100_000);
	});

	it('does not mutate the workflow JSON it was given', async () => {
		const workflow = chain(node('Items', HARNESS_ITEMS), node('NoOp', NO_OP));
		const before = JSON.stringify(workflow);
		await runWorkflow({ workflow });
		expect(JSON.stringify(workflow)).toBe(before);
	});
});

describe('runCredentialTest', () => {
	it('OK when the rule does not match, Error with the rule message when it does', async () => {
		expect(await runCredentialTest(new TestApi(), { baseUrl: api.url, secret: 'right' })).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		const request = api.requests.at(-1)!;
		expect(request.url).toBe('/check');
		expect(request.body).toEqual({ secret: 'right' });

		expect(await runCredentialTest(new TestApi(), { baseUrl: api.url, secret: 'wrong' })).toEqual({
			status: 'Error',
			message: 'The secret is wrong',
		});
	});

	it('runs preAuthentication (again after a 401) and reports the failure like n8n 2.8', async () => {
		expect(
			await runCredentialTest(new FnAuthApi(), { baseUrl: api.url, apiKey: 'good' }),
		).toMatchObject({ status: 'OK' });
		expect(api.requests.map((r) => r.url)).toEqual(['/session', '/me']);
		api.requests.length = 0;
		// n8n-workflow 2.8's NodeApiError drops an Error `cause`, so the CLI's responseCode rules
		// never see the status: the NodeApiError message is what n8n shows.
		expect(await runCredentialTest(new FnAuthApi(), { baseUrl: api.url, apiKey: 'bad' })).toEqual({
			status: 'Error',
			message: 'Authorization failed - please check your credentials',
		});
		expect(api.requests.map((r) => r.url)).toEqual(['/session', '/me', '/session', '/me']);
	});

	it('reports an unreachable server', async () => {
		const result = await runCredentialTest(new TestApi(), {
			baseUrl: 'http://127.0.0.1:1',
			secret: 'x',
		});
		expect(result.status).toBe('Error');
		expect(result.message).toBe('The service refused the connection - perhaps it is offline');
	});
});

describe('pickers', () => {
	it('loadOptions with current parameters and credentials', async () => {
		const options = await loadOptions(new HttpProbe(), 'getThings', {
			parameters: { authentication: 'generic', phone: '#' },
			credentials: { testApi: credentials().testApi },
			credentialTypes,
		});
		expect(options).toEqual([
			{ name: '#Alpha', value: 1 },
			{ name: '#Beta', value: 2 },
			{ name: '#Gamma', value: 3 },
		]);
		expect(api.requests[0].headers['x-region']).toBe('eu');
	});

	it('listSearch with a filter', async () => {
		const result = await listSearch(new HttpProbe(), 'searchThings', {
			parameters: { authentication: 'function' },
			credentials: { fnAuthApi: credentials().fnAuthApi },
			credentialTypes,
			filter: 'MA',
		});
		expect(result.results).toEqual([{ name: 'Gamma', value: 3 }]);
		expect(api.requests.at(-1)?.url).toBe('/things?q=MA');
	});
});

describe('runPoll', () => {
	it('keeps node static data between polls', async () => {
		const staticData: IDataObject = {};
		const creds = { testApi: credentials().testApi };
		api.events.push({ id: 1, text: 'a' }, { id: 2, text: 'b' });

		const first = await runPoll(new PollProbe(), { topic: 'x' }, creds, staticData, {
			credentialTypes,
		});
		expect(first?.[0].map((i) => i.json)).toEqual([
			{ id: 1, text: 'a' },
			{ id: 2, text: 'b' },
		]);
		expect(staticData).toEqual({ 'node:Trigger': { lastId: 2 } });

		expect(
			await runPoll(new PollProbe(), { topic: 'x' }, creds, staticData, { credentialTypes }),
		).toBeNull();

		api.events.push({ id: 3, text: 'c' });
		const third = await runPoll(new PollProbe(), { topic: 'x' }, creds, staticData, {
			credentialTypes,
		});
		expect(third?.[0].map((i) => i.json)).toEqual([{ id: 3, text: 'c' }]);
		expect(api.requests.map((r) => r.body.since)).toEqual([0, 2, 2]);
		expect(api.requests[0].body.secret).toBe('s3cr3t');

		// manual mode ("Fetch test event") does not advance the cursor in this node
		api.events.push({ id: 4, text: 'd' });
		const manual = await runPoll(new PollProbe(), { topic: 'x' }, creds, staticData, {
			credentialTypes,
			mode: 'manual',
		});
		expect(manual?.[0].map((i) => i.json)).toEqual([{ id: 4, text: 'd' }]);
		expect(staticData).toEqual({ 'node:Trigger': { lastId: 3 } });
	});
});

describe('webhooks', () => {
	const WEBHOOK = 'test.webhookProbe';

	it('registers on activation, round-trips requests, runs the workflow, deletes on close', async () => {
		const workflow: WorkflowJson = {
			id: 'wf-1',
			...chain(
				node(
					'Callback',
					WEBHOOK,
					{ token: 'tok' },
					{ webhookId: 'hook-uuid', credentials: { testApi: { id: 'c1', name: 'Test' } } },
				),
				node('Done', NO_OP),
			),
		};
		const staticData: IDataObject = {};
		const server = await startWebhookServer({
			nodeType: new WebhookProbe(),
			typeName: WEBHOOK,
			workflow,
			credentials: { testApi: credentials().testApi },
			credentialTypes,
			staticData,
			webhookMethods: true,
		});
		try {
			expect(server.url).toBe(`${server.baseUrl}/webhook/hook-uuid/callback`);
			// create() registered the URL getNodeWebhookUrl('default') returned
			expect([...api.registrations.values()]).toEqual([server.url]);
			expect(staticData).toEqual({ 'node:Callback': { remoteId: 'remote-1' } });

			const form = await postForm(`${server.url}?token=tok`, 'id=42&status=1&phone=%2B79001112233');
			expect(form.status).toBe(200);
			expect(await form.text()).toBe('OK');

			const json = await fetch(`${server.url}?token=tok`, {
				method: 'POST',
				headers: { 'content-type': 'application/json; charset=utf-8' },
				body: JSON.stringify({ id: 43, nested: { a: 1 } }),
			});
			expect(await json.text()).toBe('OK');

			await server.waitForRuns(2);
			expect(server.runs[0][0][0].json).toEqual({
				id: '42',
				status: '1',
				phone: '+79001112233',
				raw: 'id=42&status=1&phone=%2B79001112233',
				contentType: 'application/x-www-form-urlencoded',
			});
			expect(server.executions[1].json('Done')).toEqual([
				{
					id: 43,
					nested: { a: 1 },
					raw: '{"id":43,"nested":{"a":1}}',
					contentType: 'application/json; charset=utf-8',
				},
			]);
			expect(staticData['node:Callback']).toEqual({ remoteId: 'remote-1', received: 2 });

			const forbidden = await fetch(`${server.url}?token=wrong`, { method: 'POST', body: 'x=1' });
			expect(forbidden.status).toBe(401);
			expect(await forbidden.text()).toBe('forbidden');

			const ping = await fetch(`${server.url}?token=tok`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{"ping":true}',
			});
			expect(await ping.text()).toBe('pong');

			const unknown = await fetch(`${server.baseUrl}/webhook/other`, { method: 'POST' });
			expect(unknown.status).toBe(404);
			const wrongMethod = await fetch(server.url, { method: 'GET' });
			expect(wrongMethod.status).toBe(404);

			expect(server.runs).toHaveLength(2);
			expect(server.calls.map((c) => c.status)).toEqual([200, 200, 401, 200, 404, 404]);
			expect(server.calls[0].rawBody.toString()).toBe('id=42&status=1&phone=%2B79001112233');
		} finally {
			await server.close();
		}
		expect(api.registrations.size).toBe(0);
		expect(staticData).toEqual({ 'node:Callback': { received: 2 } });
	});

	it('answers 500 when webhook() throws, and runWebhookMethod works standalone', async () => {
		const server = await startWebhookServer({
			nodeType: new WebhookProbe(),
			parameters: { token: 'tok' },
			credentials: {},
			credentialTypes,
		});
		try {
			const response = await fetch(`${server.url}?token=tok`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{"crash":true}',
			});
			expect(response.status).toBe(500);
			expect(await response.json()).toEqual({
				code: 0,
				message: 'Workflow Webhook Error: Workflow could not be started!',
			});
			expect(server.calls[0].error?.message).toBe('crash requested');
			expect(server.runs).toHaveLength(0);

			const unparsable = await fetch(`${server.url}?token=tok`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{not json',
			});
			expect(unparsable.status).toBe(422);
		} finally {
			await server.close();
		}

		const staticData: IDataObject = {};
		const options = {
			parameters: { token: 'tok' },
			credentials: { testApi: credentials().testApi },
			credentialTypes,
			staticData,
			webhookBaseUrl: 'https://n8n.example.com/webhook',
			webhookId: 'fixed',
		};
		expect(await runWebhookMethod(new WebhookProbe(), 'checkExists', options)).toBe(false);
		expect(await runWebhookMethod(new WebhookProbe(), 'create', options)).toBe(true);
		expect([...api.registrations.values()]).toContain(
			'https://n8n.example.com/webhook/fixed/callback',
		);
		expect(await runWebhookMethod(new WebhookProbe(), 'checkExists', options)).toBe(true);
		expect(await runWebhookMethod(new WebhookProbe(), 'delete', options)).toBe(true);
		expect(staticData).toEqual({ 'node:Trigger': {} });
	});
});

describe('real SMSC node against the emulator', () => {
	it('manualTrigger → SMSC Account > Get Balance', async () => {
		const emulator = await startEmulator();
		try {
			const result = await runWorkflow({
				workflow: chain(
					node('Start', MANUAL_TRIGGER),
					node(
						'SMSC',
						'n8n-nodes-smsc.smsc',
						{ resource: 'account', operation: 'getBalance' },
						{
							credentials: { smscApi: { id: 'smsc-1', name: 'SMSC account' } },
						},
					),
				),
				nodeTypes: { 'n8n-nodes-smsc.smsc': new Smsc() },
				credentialTypes: [new SmscApi()],
				credentials: {
					smscApi: {
						id: 'smsc-1',
						name: 'SMSC account',
						data: {
							authentication: 'password',
							login: 'demo',
							password: 'demo-password',
							server: 'custom',
							baseUrl: emulator.url,
						},
					},
				},
			});
			expect(result.error).toBeUndefined();
			expect(result.json('SMSC')).toEqual([{ balance: 1000, currency: 'RUR' }]);

			const data = {
				authentication: 'password',
				login: 'demo',
				password: 'demo-password',
				server: 'custom',
				baseUrl: emulator.url,
			};
			expect(await runCredentialTest(new SmscApi(), data)).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			const wrong = await runCredentialTest(new SmscApi(), { ...data, password: 'nope' });
			expect(wrong.status).toBe('Error');
			expect(wrong.message).toMatch(/error 2/);

			const groups = await loadOptions(new Smsc(), 'getGroups', {
				parameters: { resource: 'contact' },
				credentials: { smscApi: { id: 'smsc-1', name: 'SMSC account', data } },
				credentialTypes: [new SmscApi()],
			});
			expect(Array.isArray(groups)).toBe(true);
		} finally {
			await emulator.close();
		}
	});
});

/**
 * The packed package in a real `n8n start`: SMSC's callbacks reach the published SMSC Trigger over
 * HTTP, the SMSC Poll Trigger polls the emulator on its own one-minute schedule and at each
 * restart, and every event becomes exactly one execution, read back through n8n's public API.
 * Runs on the n8n line SMSC_N8N_LINE names (lib/lines.ts), the newest by default.
 */
import { N8nApi, nodeOutput } from './lib/api';
import type { Execution } from './lib/api';
import { DEMO_LOGIN, DEMO_PASSWORD } from './lib/emulator';
import type { CallbackRecord, FireResult } from './lib/emulator';
import { postForm } from '../support/http';
import { delay } from './lib/processes';
import { createLog, report, seconds, summary } from './lib/report';
import { endSuite, publishAndStart, startStack } from './lib/stack';
import type { Stack } from './lib/stack';
import {
	n8nWebhookWorkflow,
	pollTriggerWorkflow,
	webhookTriggerWorkflow,
	webhookUrl,
} from './lib/triggerWorkflows';

// The project-level testTimeout does not reach hooks; these tests wait on real processes.
jest.setTimeout(10 * 60 * 1000);

const LOAD_CALLBACKS = 1000;
const EVENTS_TOKEN = 'e2e-events-token-7f3a9c21b8d4';
const LOAD_TOKEN = 'e2e-load-token-2b81c9d0e6f7a5';

const events = webhookTriggerWorkflow({ name: 'E2E SMSC events', token: EVENTS_TOKEN });
// A workflow saved before the node had version 2 (n8n parses its request bodies differently).
const eventsV1 = webhookTriggerWorkflow({
	name: 'E2E SMSC events, version 1',
	token: EVENTS_TOKEN,
	typeVersion: 1,
});
const load = webhookTriggerWorkflow({
	name: 'E2E SMSC load',
	token: LOAD_TOKEN,
	events: ['deliveryStatus'],
});
// n8n's own Webhook node takes the same load on the same n8n, so each line's figures have a yardstick.
const plainWebhook = n8nWebhookWorkflow({
	name: 'E2E n8n Webhook load',
	path: 'e2e-status-callbacks',
});
const { file: logFile, log } = createLog('triggers');
const suiteStarted = Date.now();

let stack: Stack;
let api: N8nApi;
let poll: ReturnType<typeof pollTriggerWorkflow>;

beforeAll(
	async () => {
		report(`triggers: process output in ${logFile}`);
		stack = await startStack({ log });
		poll = pollTriggerWorkflow({ name: 'E2E SMSC poll', credential: stack.credential });
		const published = await publishAndStart(
			stack,
			[events.workflow, eventsV1.workflow, load.workflow, plainWebhook.workflow, poll],
			(baseUrl) => [
				webhookUrl(baseUrl, events),
				webhookUrl(baseUrl, eventsV1),
				webhookUrl(baseUrl, load),
				plainWebhook.url(baseUrl),
			],
		);
		report(
			`triggers: n8n ${stack.install.line.n8n} on Node ${stack.install.nodeVersion} ready in ${seconds(published.startMs)}, webhooks after ${seconds(published.webhooksMs)}; setup ${JSON.stringify(stack.timings)}`,
		);
		api = published.api;
	},
	15 * 60 * 1000,
);

afterAll(() => endSuite('triggers', stack, suiteStarted));

/** Executions of a workflow once at least `count` have finished (n8n saves them after answering SMSC). */
async function executionsOf(
	workflowId: string,
	count: number,
	timeoutMs = 60_000,
): Promise<Execution[]> {
	const deadline = Date.now() + timeoutMs;
	while (
		(await api.countExecutions(workflowId, ['success', 'error', 'crashed'])) < count &&
		Date.now() < deadline
	)
		await delay(500);
	return await api.executions(workflowId, { includeData: true });
}

function triggerItems(executions: Execution[], node: string): Array<Record<string, unknown>> {
	return executions.flatMap((e) => nodeOutput(e, node));
}

async function sendSms(phones: string, mes: string): Promise<{ id: number }> {
	const res = await postForm(`${stack.emulator.url}/sys/send.php`, {
		login: DEMO_LOGIN,
		psw: DEMO_PASSWORD,
		phones,
		mes,
		fmt: '3',
		charset: 'utf-8',
	});
	return (await res.json()) as { id: number };
}

describe('SMSC Trigger in a running n8n', () => {
	it('turns each status, incoming message and verification call into exactly one execution', async () => {
		const { emulator, n8n } = stack;
		// SMSC's defaults: form fields in windows-1251, POST.
		await emulator.call('setHandlerUrl', {
			login: DEMO_LOGIN,
			url: webhookUrl(n8n.baseUrl, events),
			method: 'POST',
		});
		await emulator.call('setPhoneOutcome', {
			login: DEMO_LOGIN,
			phone: '79990000002',
			status: 20,
			err: 1,
		});

		const delivered = await sendSms('79990000001', 'Your order has shipped');
		const failed = await sendSms('79990000002', 'Your order has shipped');
		await emulator.call('injectIncoming', {
			login: DEMO_LOGIN,
			phone: '79990000003',
			mes: 'Привет, стоп',
		});
		const waitCall = await fetch(`${emulator.url}/sys/wait_call.php`, {
			method: 'POST',
			body: new URLSearchParams({
				login: DEMO_LOGIN,
				psw: DEMO_PASSWORD,
				phone: '79990000004',
				fmt: '3',
			}),
		}).then((r) => r.json() as Promise<{ phone: string }>);
		await emulator.call('completeWaitCall', { login: DEMO_LOGIN, phone: '79990000004' });
		// Status changes are scheduled ~250 ms after sending; their callbacks follow.
		const deadline = Date.now() + 30_000;
		let callbacks: CallbackRecord[] = [];
		do {
			await delay(300);
			await emulator.call('waitForCallbacks');
			callbacks = (await emulator.call<CallbackRecord[]>('getCallbacks', {})).filter((c) =>
				c.url.includes(events.webhookId),
			);
		} while (callbacks.length < 4 && Date.now() < deadline);
		expect(callbacks.map((c) => [c.kind, c.status, c.attempts]).sort()).toEqual([
			['incoming', 200, 1],
			['status', 200, 1],
			['status', 200, 1],
			['waitcall', 200, 1],
		]);

		const executions = await executionsOf(events.workflow.id, 4);
		await delay(1500);
		const settled = await api.executions(events.workflow.id, { includeData: true });
		expect(settled).toHaveLength(4);
		expect(executions.every((e) => e.status === 'success' && e.mode === 'webhook')).toBe(true);

		const items = triggerItems(settled, 'SMSC Trigger');
		expect(items).toHaveLength(4);
		const statusOf = (phone: string) =>
			items.filter((i) => i.event === 'deliveryStatus' && i.phone === phone);
		expect(statusOf('79990000001')).toEqual([
			expect.objectContaining({
				id: delivered.id,
				status: 1,
				err: 0,
				delivered: true,
				failed: false,
				final: true,
			}),
		]);
		expect(statusOf('79990000002')).toEqual([
			expect.objectContaining({
				id: failed.id,
				status: 20,
				err: 1,
				delivered: false,
				failed: true,
			}),
		]);
		expect(items.filter((i) => i.event === 'incomingMessage')).toEqual([
			expect.objectContaining({ phone: '79990000003', text: 'Привет, стоп' }),
		]);
		expect(items.filter((i) => i.event === 'callVerification')).toEqual([
			expect.objectContaining({ phone: '79990000004', to: waitCall.phone, text: '[waitcall]' }),
		]);
	});

	it('refuses forged callbacks without starting the workflow', async () => {
		const { emulator, n8n } = stack;
		const before = (await api.executions(events.workflow.id)).length;
		const forged = await emulator.call<CallbackRecord>('forgeCallback', {
			url: webhookUrl(n8n.baseUrl, { ...events, token: 'wrong-token-0000000000' }),
			fields: { id: '1', phone: '79990000009', status: '1', err: '0' },
		});
		const missing = await emulator.call<CallbackRecord>('forgeCallback', {
			url: webhookUrl(n8n.baseUrl, events).split('?')[0],
			fields: { id: '2', phone: '79990000009', status: '1', err: '0' },
			method: 'GET',
		});
		expect([forged.status, missing.status]).toEqual([401, 401]);
		await delay(1500);
		expect(await api.executions(events.workflow.id)).toHaveLength(before);
	});
});

describe("callback formats through n8n's own body parsing", () => {
	// n8n's webhook server parses JSON, XML and form bodies before the node sees them, so only a
	// real server shows whether every way SMSC can call the handler arrives intact.
	const variants: Array<{ name: string; method: 'GET' | 'POST'; query: Record<string, string> }> = [
		{ name: 'GET, windows-1251', method: 'GET', query: {} },
		{ name: 'GET, UTF-8', method: 'GET', query: { charset: 'utf-8' } },
		{ name: 'POST form, UTF-8', method: 'POST', query: { charset: 'utf-8' } },
		{ name: 'POST JSON (fmt=3), UTF-8', method: 'POST', query: { fmt: '3', charset: 'utf-8' } },
		{ name: 'POST XML (fmt=2), UTF-8', method: 'POST', query: { fmt: '2', charset: 'utf-8' } },
	];

	const versions = [
		{ version: 2, trigger: events },
		{ version: 1, trigger: eventsV1 },
	];
	const cases = versions.flatMap(({ version, trigger }) =>
		variants.map((variant) => ({ ...variant, version, trigger })),
	);

	it.each(cases)('$name (version $version)', async ({ name, method, query, version, trigger }) => {
		const { emulator, n8n } = stack;
		const before = (await api.executions(trigger.workflow.id)).length;
		await emulator.call('setHandlerUrl', {
			login: DEMO_LOGIN,
			url: webhookUrl(n8n.baseUrl, trigger, query),
			method,
		});
		const text = `Ответ «${name}», v${version} & <ok>`;
		const { id } = await emulator.call<{ id: number }>('injectIncoming', {
			login: DEMO_LOGIN,
			phone: '79990000020',
			mes: text,
		});
		await emulator.call('waitForCallbacks');
		const [callback] = (
			await emulator.call<CallbackRecord[]>('getCallbacks', { kind: 'incoming' })
		).filter((c) => c.fields.id === String(id));
		expect([callback.status, callback.attempts]).toEqual([200, 1]);
		const executions = await executionsOf(trigger.workflow.id, before + 1);
		const mine = triggerItems(executions, 'SMSC Trigger').filter((i) => i.id === id);
		expect(mine).toEqual([
			expect.objectContaining({ event: 'incomingMessage', phone: '79990000020', text }),
		]);
	});
});

describe('load', () => {
	// SMSC's pages do not say how long SMSC waits for the handler's answer (smsc-docs README:
	// "Unknown"). The emulator's 5 s is a guess; under a burst n8n itself (2.41 on sqlite, with either
	// node) can take longer than that before a request reaches the node. The load test is about
	// every callback becoming exactly one execution, so it waits as long as n8n needs and prints rates.
	beforeAll(() => stack.emulator.call('setCallbackPolicy', { timeoutMs: 60_000 }));
	afterAll(() => stack.emulator.call('setCallbackPolicy', { timeoutMs: 5000 }));

	/** Callbacks per second answered, and per second from the first callback until every execution was saved. */
	const rates: { smsc?: LoadRates; webhook?: LoadRates } = {};

	it(`records ${LOAD_CALLBACKS} status callbacks as ${LOAD_CALLBACKS} executions, none lost, none doubled`, async () => {
		const { executions, rates: smsc } = await fireLoad(
			'SMSC Trigger',
			webhookUrl(stack.n8n.baseUrl, load),
			load.workflow.id,
		);
		rates.smsc = smsc;
		const ids = triggerItems(executions, 'SMSC Trigger').map((i) => Number(i.id));
		expect(new Set(ids).size).toBe(LOAD_CALLBACKS);
		expect(Math.min(...ids)).toBe(900_000);
		expect(Math.max(...ids)).toBe(900_000 + LOAD_CALLBACKS - 1);
	});

	it(`n8n's own Webhook node on the same n8n records the same ${LOAD_CALLBACKS} callbacks (the yardstick, printed beside)`, async () => {
		const { executions, rates: webhook } = await fireLoad(
			'n8n Webhook node',
			plainWebhook.url(stack.n8n.baseUrl),
			plainWebhook.workflow.id,
		);
		rates.webhook = webhook;
		const bodies = executions
			.flatMap((e) => nodeOutput(e, 'Webhook'))
			.map((item) => (item.body as { id?: string }).id);
		expect(new Set(bodies).size).toBe(LOAD_CALLBACKS);
		const { smsc } = rates;
		if (smsc) {
			summary(
				`load on n8n ${stack.install.line.n8n}: SMSC Trigger / n8n Webhook node: ${(smsc.answered / webhook.answered).toFixed(2)} answered, ` +
					`${(smsc.saved / webhook.saved).toFixed(2)} saved (SMSC Trigger ${smsc.answered.toFixed(0)}/s and ${smsc.saved.toFixed(0)}/s, ` +
					`Webhook node ${webhook.answered.toFixed(0)}/s and ${webhook.saved.toFixed(0)}/s)`,
			);
		}
	});
});

interface LoadRates {
	answered: number;
	saved: number;
}

/** Fires the load at one webhook and waits for its executions; every callback must be answered and saved once. */
async function fireLoad(
	side: string,
	url: string,
	workflowId: string,
): Promise<{ executions: Execution[]; rates: LoadRates }> {
	const fired = await stack.emulator.call<FireResult>('fireCallbacks', {
		url,
		count: LOAD_CALLBACKS,
		concurrency: 16,
		retries: 0,
	});
	const answered = (LOAD_CALLBACKS / fired.durationMs) * 1000;
	report(
		`load (${side}): ${LOAD_CALLBACKS} callbacks answered in ${seconds(fired.durationMs)} (${answered.toFixed(0)} callbacks/s, ` +
			`${fired.maxInFlight} in flight), ${fired.ok} ok, ${fired.failed} failed`,
	);
	expect(fired).toMatchObject({ ok: LOAD_CALLBACKS, failed: 0, attempts: LOAD_CALLBACKS });
	const lastAnswer = Date.now();
	const executions = await executionsOf(workflowId, LOAD_CALLBACKS, 5 * 60_000);
	const savedAfter = Date.now() - lastAnswer;
	report(`load (${side}): all executions saved ${seconds(savedAfter)} after the last answer`);
	expect(executions).toHaveLength(LOAD_CALLBACKS);
	expect(executions.filter((e) => e.status !== 'success')).toEqual([]);
	return {
		executions,
		rates: { answered, saved: (LOAD_CALLBACKS / (fired.durationMs + savedAfter)) * 1000 },
	};
}

// Last: it restarts n8n, which the webhook tests above must not see.
describe('SMSC Poll Trigger in a running n8n, polling every minute as shipped', () => {
	const POLL_NODE = 'SMSC Poll Trigger';
	const pollRequests = async () =>
		(await stack.emulator.getLog({ script: 'get' })).filter(
			(e) => e.params.get_answers !== undefined,
		).length;
	const emittedIds = async () =>
		triggerItems(await api.executions(poll.id, { includeData: true }), POLL_NODE).map((i) =>
			Number(i.id),
		);
	const allIncomingIds = async () =>
		(await stack.emulator.call<Array<{ id: number }>>('getIncoming', { login: DEMO_LOGIN })).map(
			(m) => m.id,
		);
	/** Waits until every incoming message so far was emitted (or the time is up) and returns what was. */
	async function untilEmitted(
		timeoutMs: number,
	): Promise<{ emitted: number[]; incoming: number[] }> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const [emitted, incoming] = await Promise.all([emittedIds(), allIncomingIds()]);
			if (incoming.every((id) => emitted.includes(id)) || Date.now() > deadline)
				return { emitted, incoming };
			await delay(1000);
		}
	}
	const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

	it('emits each incoming message exactly once, across scheduled polls and restarts', async () => {
		const { emulator, n8n } = stack;
		await emulator.call('setHandlerUrl', { login: DEMO_LOGIN, url: null });
		// n8n polls once when it activates the workflow (at start), then on the schedule: every
		// minute, since newer n8n refuses anything shorter. The messages of the webhook tests above
		// and these two arrive while it runs; a scheduled poll must emit them.
		await emulator.call('injectIncoming', {
			login: DEMO_LOGIN,
			phone: '79990000011',
			mes: 'poll one',
		});
		await emulator.call('injectIncoming', {
			login: DEMO_LOGIN,
			phone: '79990000012',
			mes: 'poll two',
		});
		const scheduled = await untilEmitted(100_000);
		expect(sorted(scheduled.emitted)).toEqual(sorted(scheduled.incoming));

		// A restart: a message that arrives while n8n is down is emitted by the poll n8n makes when
		// it activates the workflow again, from the cursor the trigger saved, and nothing earlier is.
		const pollsBefore = await pollRequests();
		await n8n.stop();
		await emulator.call('injectIncoming', {
			login: DEMO_LOGIN,
			phone: '79990000013',
			mes: 'poll while n8n was down',
		});
		await n8n.start();
		const restarted = await untilEmitted(100_000);
		expect(await pollRequests()).toBeGreaterThan(pollsBefore);
		expect(sorted(restarted.emitted)).toEqual(sorted(restarted.incoming));

		// One more restart with nothing new: the next poll (at activation, or the first scheduled
		// one where n8n keeps poll jobs across restarts) must emit nothing again.
		const pollsThen = await pollRequests();
		await n8n.restart();
		const deadline = Date.now() + 90_000;
		while ((await pollRequests()) === pollsThen && Date.now() < deadline) await delay(500);
		expect(await pollRequests()).toBeGreaterThan(pollsThen);
		await delay(3000);
		const finalIds = await emittedIds();
		expect(sorted(finalIds)).toEqual(sorted(await allIncomingIds()));
		expect(new Set(finalIds).size).toBe(finalIds.length);
		const items = triggerItems(await api.executions(poll.id, { includeData: true }), POLL_NODE);
		expect(items).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					phone: '79990000011',
					text: 'poll one',
					event: 'incomingMessage',
				}),
				expect.objectContaining({
					phone: '79990000013',
					text: 'poll while n8n was down',
					event: 'incomingMessage',
				}),
			]),
		);
		// The verification call of the first webhook test is an incoming message to SMSC.
		for (const item of items)
			expect(item.event).toBe(item.text === '[waitcall]' ? 'callVerification' : 'incomingMessage');
		summary(
			`poll: ${finalIds.length} messages emitted once each over ${await pollRequests()} polls and 2 restarts (${n8n.line.id})`,
		);
	});
});

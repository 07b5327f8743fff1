/**
 * Send and Wait for Response in a real `n8n start`: a published workflow asks by SMS, the test
 * reads the SMS from the emulator, opens the link as the person's phone would, and answers on the
 * page; the execution, read back through n8n's public API, waits until the POST and then goes on
 * with the answer. n8n itself checks the link's signature. Runs on the line SMSC_N8N_LINE names.
 */
import { N8nApi } from './lib/api';
import type { Execution } from './lib/api';
import { DEMO_LOGIN } from './lib/emulator';
import { postForm } from '../support/http';
import { delay } from './lib/processes';
import { createLog, report, seconds } from './lib/report';
import { sendAndWaitWorkflow } from './lib/sendAndWaitWorkflows';
import { endSuite, publishAndStart, startStack } from './lib/stack';
import type { Stack } from './lib/stack';

jest.setTimeout(10 * 60 * 1000);

const { file: logFile, log } = createLog('sendAndWait');
const suiteStarted = Date.now();

let stack: Stack;
let api: N8nApi;
let ask: ReturnType<typeof sendAndWaitWorkflow>;
let askWithLimit: ReturnType<typeof sendAndWaitWorkflow>;

beforeAll(
	async () => {
		report(`sendAndWait: process output in ${logFile}`);
		stack = await startStack({ log });
		ask = sendAndWaitWorkflow({
			name: 'E2E SMSC ask',
			path: 'e2e-ask',
			credential: stack.credential,
		});
		askWithLimit = sendAndWaitWorkflow({
			name: 'E2E SMSC ask with limit',
			path: 'e2e-ask-limit',
			credential: stack.credential,
			limitMinutes: 0.1,
		});
		const published = await publishAndStart(
			stack,
			[ask.workflow, askWithLimit.workflow],
			(baseUrl) => [ask.url(baseUrl), askWithLimit.url(baseUrl)],
		);
		report(
			`sendAndWait: n8n ${stack.install.line.n8n} on Node ${stack.install.nodeVersion} ready in ${seconds(published.webhooksMs)}`,
		);
		api = published.api;
	},
	15 * 60 * 1000,
);

afterAll(() => endSuite('sendAndWait', stack, suiteStarted));

interface Sms {
	id: number;
	phone: string;
	text: string;
}

/** Starts the workflow for one question and returns the SMS it sent, its link and its execution id. */
async function askQuestion(
	flow: typeof ask,
	body: { phone: string; question: string; type: string; approval?: string },
) {
	const res = await fetch(flow.url(stack.n8n.baseUrl), {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ approval: 'single', ...body }),
	});
	expect(res.status).toBe(200);
	await res.arrayBuffer();
	const deadline = Date.now() + 60_000;
	let messages: Sms[] = [];
	while (messages.length === 0 && Date.now() < deadline) {
		messages = await stack.emulator.call<Sms[]>('getMessages', {
			login: DEMO_LOGIN,
			phone: body.phone,
		});
		if (messages.length === 0) await delay(250);
	}
	expect(messages).toHaveLength(1);
	const [sms] = messages;
	const link = /(http:\/\/\S+)$/.exec(sms.text)?.[1] ?? '';
	expect(sms.text).toBe(`${body.question}\n${link}`);
	const path = new URL(link).pathname.split('/');
	expect(path.slice(0, 2)).toEqual(['', 'webhook-waiting']);
	expect(path[3]).toBe(flow.askNodeId);
	expect(new URL(link).searchParams.get('signature')).toMatch(/^[0-9a-f]{64}$/);
	const executionId = path[2];
	await waitForStatus(executionId, ['waiting']);
	return { sms, link, executionId };
}

/**
 * The execution once it has one of `statuses`. A finished one also needs its run data: n8n 1.123
 * was seen to report `success` a moment before the data of the last node could be read.
 */
async function waitForStatus(id: string, statuses: string[], timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const execution = await api.execution(id, { includeData: true });
		const complete = execution.status !== 'success' || lastOutput(execution, 'After').length > 0;
		if (statuses.includes(execution.status) && complete) return execution;
		if (Date.now() > deadline)
			throw new Error(`execution ${id} is ${execution.status}, expected ${statuses.join('/')}`);
		await delay(250);
	}
}

/** The items a node put out in its last run. */
function lastOutput(execution: Execution, node: string): Array<Record<string, unknown>> {
	const runs = execution.data?.resultData.runData[node] ?? [];
	return (runs[runs.length - 1]?.data?.main[0] ?? []).map((item) => item.json);
}

describe('Send and Wait for Response', () => {
	it('waits while the page is opened and goes on with approved: true after the POST', async () => {
		const { sms, link, executionId } = await askQuestion(ask, {
			phone: '79990001001',
			question: 'Refund order 1001?',
			type: 'approval',
			approval: 'double',
		});
		const page = await fetch(link, { headers: { 'user-agent': 'TelegramBot (like TwitterBot)' } });
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('Refund order 1001?');
		expect(html).toContain('value="approve">Yes</button>');
		expect(html).toContain('value="decline">No</button>');
		await delay(1000);
		expect((await api.execution(executionId)).status).toBe('waiting');

		const answered = await postForm(link, { answer: 'approve' });
		expect(answered.status).toBe(200);
		expect(await answered.text()).toContain('your answer has been recorded');
		const done = await waitForStatus(executionId, ['success', 'error', 'crashed']);
		expect(done.status).toBe('success');
		const [output] = lastOutput(done, 'Ask');
		expect(output).toEqual({
			data: { approved: true },
			respondedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			messageId: sms.id,
			phone: '79990001001',
		});
		expect(lastOutput(done, 'After')).toEqual([output]);

		// A second answer changes nothing.
		const again = await postForm(link, { answer: 'decline' });
		expect(again.status).toBeLessThan(500);
		await again.arrayBuffer();
		await delay(500);
		const after = await api.execution(executionId, { includeData: true });
		expect(lastOutput(after, 'After')).toEqual([output]);
	});

	it('goes on with approved: false when the person declines', async () => {
		const { link, executionId } = await askQuestion(ask, {
			phone: '79990001002',
			question: 'Deploy 1002?',
			type: 'approval',
			approval: 'double',
		});
		expect((await postForm(link, { answer: 'decline' })).status).toBe(200);
		const done = await waitForStatus(executionId, ['success', 'error', 'crashed']);
		expect(lastOutput(done, 'After')[0]).toMatchObject({ data: { approved: false } });
	});

	it('goes on with the text the person typed', async () => {
		const { link, executionId } = await askQuestion(ask, {
			phone: '79990001003',
			question: 'Why is 1003 late?',
			type: 'freeText',
		});
		const html = await (await fetch(link)).text();
		expect(html).toContain('<textarea name="text"');
		expect((await postForm(link, { text: 'Traffic, 20 min' })).status).toBe(200);
		const done = await waitForStatus(executionId, ['success', 'error', 'crashed']);
		expect(lastOutput(done, 'After')[0]).toMatchObject({ data: { text: 'Traffic, 20 min' } });
	});

	it('refuses a forged or missing signature and resumes nothing', async () => {
		const { link, executionId } = await askQuestion(ask, {
			phone: '79990001004',
			question: 'Open gate 1004?',
			type: 'approval',
		});
		const forged = link.replace(
			/signature=([0-9a-f])/,
			(_, c: string) => `signature=${c === 'a' ? 'b' : 'a'}`,
		);
		for (const url of [forged, link.replace(/\?signature=.*$/, '')]) {
			const shown = await fetch(url);
			expect(shown.status).toBe(401);
			expect(await shown.text()).not.toContain('Open gate 1004?');
			const answered = await postForm(url, { answer: 'approve' });
			expect(answered.status).toBe(401);
			await answered.arrayBuffer();
		}
		await delay(1000);
		expect((await api.execution(executionId)).status).toBe('waiting');
	});

	it('goes on by itself with the input item once Limit Wait Time has passed', async () => {
		const { executionId } = await askQuestion(askWithLimit, {
			phone: '79990001005',
			question: 'Still there 1005?',
			type: 'approval',
		});
		const started = Date.now();
		// n8n's WaitTracker looks for due executions once a minute.
		const done = await waitForStatus(executionId, ['success', 'error', 'crashed'], 150_000);
		report(
			`sendAndWait: the 6 s wait limit resumed the execution after ${seconds(Date.now() - started)}`,
		);
		expect(done.status).toBe('success');
		const [item] = lastOutput(done, 'After');
		expect(item).toMatchObject({ body: { phone: '79990001005', question: 'Still there 1005?' } });
		expect(item).not.toHaveProperty('data');
	});
});

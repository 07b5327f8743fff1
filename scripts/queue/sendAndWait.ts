import type { Execution } from '../../test/e2e/lib/api';
import { DEMO_LOGIN } from '../../test/e2e/lib/emulator';
import { delay } from '../../test/e2e/lib/processes';
import { sendAndWaitWorkflow } from '../../test/e2e/lib/sendAndWaitWorkflows';
import type { CredentialRef } from '../../test/e2e/lib/workflows';
import { progress, result } from './check';
import { executionRows, FINISHED } from './context';
import type { ExecutionRow, QueueContext } from './context';

export const ASK_PATH = 'smsc-queue-ask';
const PHONE = '79990002001';
const QUESTION = 'Queue refund 2001?';

/** `Webhook → Ask (SMSC, Send and Wait for Response) → After`, started by a POST to the webhook processor. */
export function askWorkflow(credential: CredentialRef): ReturnType<typeof sendAndWaitWorkflow> {
	return sendAndWaitWorkflow({ name: 'Queue SMSC ask', path: ASK_PATH, credential });
}

interface Sms {
	id: string;
	phone: string;
	text: string;
}

/** n8n's job processor logs this for every job a worker takes (scripts/queue/README.md). */
const JOB_STARTED = /Worker started execution (\d+) \(job (\d+)\)/;

/** Which worker took each job of one execution, in the order of the queue's job ids. */
function jobsOf(ctx: QueueContext, executionId: string): string[] {
	const jobs: Array<{ worker: string; job: number }> = [];
	for (const worker of ctx.cluster.workers) {
		for (const line of worker.lines) {
			const m = JOB_STARTED.exec(line);
			if (m?.[1] === executionId) jobs.push({ worker: worker.role, job: Number(m[2]) });
		}
	}
	return jobs.sort((a, b) => a.job - b.job).map((j) => j.worker);
}

/** The items a node put out in each of its runs. */
function runsOf(execution: Execution, node: string): Array<Array<Record<string, unknown>>> {
	return (execution.data?.resultData.runData[node] ?? []).map((run) =>
		(run.data?.main[0] ?? []).map((item) => item.json),
	);
}

/**
 * Send and Wait for Response in queue mode: a POST to the webhook processor starts the workflow
 * on a worker, whose Ask node sends the SMS and leaves the execution waiting in Postgres. The
 * link in the SMS points at the webhook processor (WEBHOOK_URL); opening it (GET) shows the page
 * and resumes nothing, answering on the page (POST) has the webhook processor hand the resumed
 * execution to a worker, which finishes it with `approved: true`. Proves the SMS went out once,
 * the execution finished once, and a second answer changes nothing.
 */
export async function proveSendAndWait(ctx: QueueContext, workflowId: string): Promise<void> {
	const { cluster, emulator, api, pg, checks } = ctx;
	const webhookOrigin = new URL(cluster.webhook.baseUrl).origin;
	const [last] = await emulator.getLog({ limit: 1 });
	const sinceSeq = last?.seq ?? 0;
	const rowsNow = async (): Promise<ExecutionRow[]> => await executionRows(pg, workflowId);
	const waitForRow = async (
		id: string,
		statuses: Set<string>,
		timeoutMs = 90_000,
	): Promise<ExecutionRow | undefined> => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const row = (await rowsNow()).find((r) => r.id === id);
			if (row && statuses.has(row.status)) return row;
			if (Date.now() > deadline) {
				checks.that(
					false,
					`send-and-wait: execution ${id} is ${row?.status ?? 'missing'}, expected ${[...statuses].join('/')}`,
				);
				return undefined;
			}
			await delay(250);
		}
	};
	const smsToPhone = async (): Promise<Sms[]> =>
		await emulator.call<Sms[]>('getMessages', { login: DEMO_LOGIN, phone: PHONE });

	const started = await fetch(`${cluster.webhook.baseUrl}/webhook/${ASK_PATH}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			phone: PHONE,
			question: QUESTION,
			type: 'approval',
			approval: 'double',
		}),
	});
	await started.arrayBuffer();
	if (!checks.that(started.status === 200, `send-and-wait: webhook answered ${started.status}`))
		return;

	let messages: Sms[] = [];
	const smsDeadline = Date.now() + 90_000;
	while (messages.length === 0 && Date.now() < smsDeadline) {
		messages = await smsToPhone();
		if (messages.length === 0) await delay(250);
	}
	if (!checks.that(messages.length === 1, `send-and-wait: ${messages.length} SMS to ${PHONE}`))
		return;
	const [sms] = messages;
	const link = /(http:\/\/\S+)$/.exec(sms.text)?.[1] ?? '';
	checks.that(sms.text === `${QUESTION}\n${link}`, `send-and-wait: SMS text ${sms.text}`);
	const url = link ? new URL(link) : undefined;
	const segments = url?.pathname.split('/') ?? [];
	if (
		!checks.that(
			url?.origin === webhookOrigin &&
				segments[1] === 'webhook-waiting' &&
				/^[0-9a-f]{64}$/.test(url.searchParams.get('signature') ?? ''),
			`send-and-wait: link ${link} is not a signed waiting-webhook link of the webhook processor ${webhookOrigin}`,
		)
	)
		return;
	const executionId = segments[2];
	if (!(await waitForRow(executionId, new Set(['waiting'])))) return;
	const firstJobs = jobsOf(ctx, executionId);
	checks.that(
		firstJobs.length === 1,
		`send-and-wait: execution ${executionId} taken ${firstJobs.length} times before the answer`,
	);

	// Opening the link, as a phone's link preview does, shows the page and resumes nothing.
	const page = await fetch(link, { headers: { 'user-agent': 'TelegramBot (like TwitterBot)' } });
	const html = await page.text();
	checks.that(
		page.status === 200 && html.includes(QUESTION) && html.includes('value="approve">Yes</button>'),
		`send-and-wait: page answered ${page.status}: ${html.slice(0, 200)}`,
	);
	await delay(2000);
	const afterGet = (await rowsNow()).find((r) => r.id === executionId);
	checks.that(
		afterGet?.status === 'waiting' && jobsOf(ctx, executionId).length === 1,
		`send-and-wait: after the GET execution ${executionId} is ${afterGet?.status}, taken ${jobsOf(ctx, executionId).length} times`,
	);

	const answered = await fetch(link, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ answer: 'approve' }).toString(),
	});
	const thanks = await answered.text();
	checks.that(
		answered.status === 200 && thanks.includes('your answer has been recorded'),
		`send-and-wait: answer POST ${answered.status}: ${thanks.slice(0, 200)}`,
	);
	const done = await waitForRow(executionId, FINISHED);
	if (!done) return;
	checks.that(done.status === 'success', `send-and-wait: execution ${executionId} ${done.status}`);

	// A second answer changes nothing: no third job, no second run of the node after the wait.
	const again = await fetch(link, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ answer: 'decline' }).toString(),
	});
	await again.arrayBuffer();
	checks.that(again.status < 500, `send-and-wait: second answer got ${again.status}`);
	await delay(2000);

	const execution = await api.execution(executionId, { includeData: true });
	const afterRuns = runsOf(execution, 'After');
	const askRuns = runsOf(execution, 'Ask');
	const answer = askRuns[askRuns.length - 1]?.[0];
	const jobs = jobsOf(ctx, executionId);
	const rows = await rowsNow();
	const sends = (await emulator.getLog({ since: sinceSeq, script: 'send' })).filter((e) =>
		(e.params.phones ?? '').includes(PHONE),
	);
	const smsCount = (await smsToPhone()).length;

	checks.that(
		execution.status === 'success' &&
			afterRuns.length === 1 &&
			afterRuns[0].length === 1 &&
			JSON.stringify((afterRuns[0][0] as { data?: unknown }).data) === '{"approved":true}' &&
			JSON.stringify(afterRuns[0][0]) === JSON.stringify(answer),
		`send-and-wait: execution ${executionId} ${execution.status}, After ran ${afterRuns.length} times: ${JSON.stringify(afterRuns)}`,
	);
	checks.that(
		rows.length === 1 && rows[0].status === 'success',
		`send-and-wait: workflow executions ${rows.map((r) => `${r.id} ${r.status}`).join(', ')}`,
	);
	checks.that(
		jobs.length === 2,
		`send-and-wait: execution ${executionId} taken by workers ${jobs.length} times (${jobs.join(', ')}), expected 2 (run, resume)`,
	);
	checks.that(
		smsCount === 1 && sends.length === 1,
		`send-and-wait: ${smsCount} SMS to ${PHONE}, ${sends.length} send.php requests`,
	);
	const [firstOn = '?', resumedOn = '?'] = jobs;
	progress(
		`send-and-wait: execution ${executionId} first run on ${firstOn}, resumed on ${resumedOn}, answer ${JSON.stringify(answer)}`,
	);
	result(
		`send-and-wait: execution ${executionId} waited (status waiting in postgres, page opened through the webhook processor), ` +
			`resumed through the webhook processor, finished on ${resumedOn} with approved: true (first run on ${firstOn}), ` +
			`SMS sent ${smsCount === 1 && sends.length === 1 ? 'once' : `${smsCount} times`}, finished ${rows.length === 1 && afterRuns.length === 1 ? 'once' : 'more than once'}`,
	);
}

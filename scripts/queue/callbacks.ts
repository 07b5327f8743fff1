import { nodeOutput } from '../../test/e2e/lib/api';
import type { FireResult } from '../../test/e2e/lib/emulator';
import { webhookUrl } from '../../test/e2e/lib/triggerWorkflows';
import { progress, result, tally } from './check';
import { finishedExecutions, workerOf } from './context';
import type { QueueContext } from './context';
import { callbackWorkflow } from './workflows';

export const CALLBACKS = 1000;
const FIRST_ID = 900_000;

/**
 * SMSC's status callbacks go to the webhook processor (never to main), each becomes one queued
 * execution that some worker runs. Proves: as many executions as callbacks, each callback's id in
 * exactly one execution, every execution run by exactly one worker, both workers used.
 */
export async function proveCallbacks(ctx: QueueContext): Promise<void> {
	const { cluster, emulator, pg, api, checks } = ctx;
	const url = webhookUrl(cluster.webhook.baseUrl, callbackWorkflow);
	const started = Date.now();
	// As SMSC does, a callback not answered 200 is sent again (3 times, pauses doubling from
	// 100 ms). Answers may take long on a busy machine; a timeout would resend a callback n8n did
	// take, so the wait is generous, and a resend that doubled an execution shows up below.
	await emulator.call('setCallbackPolicy', { timeoutMs: 30_000 });
	const fired = await emulator.call<FireResult>('fireCallbacks', {
		url,
		count: CALLBACKS,
		concurrency: 16,
		retries: 3,
	});
	progress(
		`callbacks: ${fired.ok} answered ok, ${fired.failed} failed, ${fired.attempts - CALLBACKS} sent again, ` +
			`in ${fired.durationMs} ms (${fired.maxInFlight} in flight)`,
	);
	checks.that(
		fired.ok === CALLBACKS && fired.failed === 0,
		`webhook processor answered ${fired.ok}/${CALLBACKS} callbacks`,
	);

	const rows = await finishedExecutions(pg, callbackWorkflow.workflow.id, fired.ok, 5 * 60_000);
	const lastStop = Math.max(...rows.map((r) => r.stoppedAt));
	const seconds = (lastStop - started) / 1000;
	progress(
		`callbacks: ${rows.length} executions in postgres, last finished ${seconds.toFixed(1)} s after the first callback`,
	);

	// The trigger's output names the callback; read it back through n8n's public API on main.
	const executions = await api.executions(callbackWorkflow.workflow.id, { includeData: true });
	const ids = executions
		.flatMap((e) => nodeOutput(e, 'SMSC Trigger'))
		.map((item) => Number(item.id));
	const { counts, doubled } = tally(ids);
	let lost = 0;
	for (let i = 0; i < CALLBACKS; i++) if (!counts.has(FIRST_ID + i)) lost++;
	const notSuccess = rows.filter((r) => r.status !== 'success').length;

	const ranBy = workerOf(cluster);
	const perWorker = new Map<string, number>(cluster.workers.map((w) => [w.role, 0]));
	let unattributed = 0;
	let ranTwice = 0;
	for (const row of rows) {
		const workers = ranBy.get(row.id) ?? [];
		if (workers.length === 0) unattributed++;
		if (workers.length > 1) ranTwice++;
		for (const w of workers) perWorker.set(w, (perWorker.get(w) ?? 0) + 1);
	}
	const used = [...perWorker.values()].filter((n) => n > 0).length;

	checks.that(rows.length === CALLBACKS, `executions ${rows.length}, expected ${CALLBACKS}`);
	checks.that(notSuccess === 0, `${notSuccess} callback executions did not succeed`);
	checks.that(lost === 0 && doubled === 0, `callbacks lost ${lost}, doubled ${doubled}`);
	checks.that(
		unattributed === 0 && ranTwice === 0,
		`${unattributed} executions without a worker, ${ranTwice} run by two`,
	);
	checks.that(
		used === cluster.workers.length,
		`only ${used} of ${cluster.workers.length} workers ran callbacks`,
	);
	const split = [...perWorker].map(([w, n]) => `${w} ${n}`).join(', ');
	result(
		`callbacks ${CALLBACKS}, executions ${rows.length}, workers ${used} (${split}), lost ${lost}, doubled ${doubled}, ` +
			`sent again ${fired.attempts - CALLBACKS}, ` +
			`${(CALLBACKS / seconds).toFixed(0)}/s (first callback to last execution finished, ${seconds.toFixed(1)} s)`,
	);
}

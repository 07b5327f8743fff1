import { nodeOutput } from '../../test/e2e/lib/api';
import type { Execution } from '../../test/e2e/lib/api';
import { DEMO_LOGIN } from '../../test/e2e/lib/emulator';
import { delay } from '../../test/e2e/lib/processes';
import { progress, result, tally } from './check';
import { executionRows, FINISHED, workerOf } from './context';
import type { QueueContext } from './context';

/** Poll period of the workflow (workflows.ts) and how many periods "nothing more" waits. */
const POLL_SECONDS = 3;
const QUIET_PERIODS = 3;

/**
 * The Poll Trigger runs on main (n8n activates pollers there); each poll that finds messages
 * becomes a queued execution on a worker. The cursor (the highest incoming id emitted) lives in the
 * workflow's static data in Postgres. Messages arrive before, during and after a restart of main
 * and a restart of both workers; each must be emitted exactly once, and the cursor read back
 * from Postgres must be the newest id.
 */
export async function provePoll(ctx: QueueContext, workflowId: string): Promise<void> {
	const { cluster, emulator, api, pg, checks } = ctx;
	const injected: number[] = [];
	const inject = async (label: string, n: number) => {
		for (let i = 0; i < n; i++) {
			const { id } = await emulator.call<{ id: number }>('injectIncoming', {
				login: DEMO_LOGIN,
				phone: `7977000${String(injected.length).padStart(4, '0')}`,
				mes: `${label} ${i + 1}`,
			});
			injected.push(id);
		}
	};
	// ids from Postgres, each read alone: n8n's list can miss one (scripts/queue/README.md, "Reading the poll's executions")
	const finished = new Map<string, Execution>();
	const pollExecutions = async (): Promise<Execution[]> => {
		for (const row of await executionRows(pg, workflowId)) {
			if (finished.has(row.id) || !FINISHED.has(row.status)) continue;
			finished.set(row.id, await api.execution(row.id, { includeData: true }));
		}
		return [...finished.values()];
	};
	const emitted = async (): Promise<number[]> =>
		(await pollExecutions())
			.flatMap((e) => nodeOutput(e, 'SMSC Poll Trigger'))
			.map((item) => Number(item.id));
	const waitForAll = async (step: string, timeoutMs = 90_000): Promise<void> => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const seen = new Set(await emitted());
			if (injected.every((id) => seen.has(id))) return;
			if (Date.now() > deadline) {
				checks.that(
					false,
					`poll: after ${step} ${injected.filter((id) => !seen.has(id)).length} messages never emitted`,
				);
				await explain(step);
				return;
			}
			await delay(1000);
		}
	};

	// What each execution held and what each poll asked SMSC, for the log of a failed run.
	const explain = async (step: string): Promise<void> => {
		progress(`poll: after ${step}: injected ${injected.join(', ')}`);
		for (const e of await pollExecutions()) {
			const items = nodeOutput(e, 'SMSC Poll Trigger').map((item) => item.id);
			progress(
				`poll: execution ${e.id} ${e.status} ${e.mode} started ${e.startedAt}: ids ${JSON.stringify(items)}`,
			);
		}
		for (const entry of (await emulator.getLog({ script: 'get' })).slice(-40)) {
			const { after_id: afterId, hour, cnt } = entry.params;
			progress(
				`poll: get #${entry.seq} at ${new Date(entry.startedAt).toISOString()} after_id=${afterId ?? '-'} hour=${hour ?? '-'} cnt=${cnt ?? '-'}` +
					` -> ${entry.httpStatus} ${entry.response.slice(0, 160)}`,
			);
		}
	};

	await emulator.call('setHandlerUrl', { login: DEMO_LOGIN, url: null });
	await inject('before restarts', 3);
	await waitForAll('polls');

	// Messages that arrive while main is down are found by the first poll after it is back.
	let t = Date.now();
	await cluster.main.stop();
	await inject('while main was down', 2);
	await cluster.main.start();
	progress(`poll: main restarted in ${((Date.now() - t) / 1000).toFixed(1)} s`);
	await waitForAll('the restart of main');

	// With both workers down, polls still run on main; their executions wait in Redis.
	t = Date.now();
	await Promise.all(cluster.workers.map((w) => w.stop()));
	await inject('while the workers were down', 2);
	await delay(POLL_SECONDS * 2 * 1000);
	await Promise.all(cluster.workers.map((w) => w.start()));
	progress(`poll: workers restarted in ${((Date.now() - t) / 1000).toFixed(1)} s`);
	await waitForAll('the restart of the workers');
	await inject('after restarts', 1);
	await waitForAll('the restarts');

	await delay(POLL_SECONDS * QUIET_PERIODS * 1000);
	const ids = await emitted();
	const { counts, doubled } = tally(ids);
	const lost = injected.filter((id) => !counts.has(id)).length;
	const rows = await executionRows(pg, workflowId);
	const ranBy = workerOf(cluster);
	const workers = new Set(rows.flatMap((r) => ranBy.get(r.id) ?? []));
	const [staticData] = await pg.sql(
		`SELECT "staticData" FROM workflow_entity WHERE id = '${workflowId}'`,
	);
	const cursor = Number(
		(JSON.parse(staticData ?? '{}') as Record<string, { lastIncomingId?: number }>)[
			'node:SMSC Poll Trigger'
		]?.lastIncomingId,
	);
	const newest = Math.max(...injected);
	const polls = (await emulator.getLog({ script: 'get' })).length;

	checks.that(lost === 0 && doubled === 0, `poll lost ${lost}, doubled ${doubled}`);
	checks.that(cursor === newest, `cursor in postgres ${cursor}, newest incoming id ${newest}`);
	checks.that(
		rows.every((r) => r.status === 'success'),
		`poll executions: ${rows.map((r) => r.status).join(', ')}`,
	);
	result(
		`poll ${injected.length} incoming messages, emitted ${ids.length - doubled} in ${rows.length} executions on ${[...workers].sort().join(' + ')}, ` +
			`lost ${lost}, doubled ${doubled}, ${polls} polls by main across a restart of main and of both workers, ` +
			`cursor ${cursor} read from postgres (newest id ${newest})`,
	);
}

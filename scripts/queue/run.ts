/**
 * `npm run test:queue`: the packed package in n8n's queue mode on this machine only — PostgreSQL,
 * Redis, n8n main + 2 workers + 1 webhook processor, the SMSC emulator — and four proofs
 * (callbacks.ts, sendAndWait.ts, bulk.ts, poll.ts). Prints `queue:` result lines; exits 1 when any check fails.
 */
import { N8nApi } from '../../test/e2e/lib/api';
import { DEMO_LOGIN, DEMO_PASSWORD, EmulatorProcess } from '../../test/e2e/lib/emulator';
import { ensureN8n } from '../../test/e2e/lib/install';
import { buildAndPack } from '../../test/e2e/lib/pack';
import { delay, stopAll } from '../../test/e2e/lib/processes';
import { LINES } from '../../test/e2e/lib/lines';

// Queue mode is proven on 2.8 (its Poll Trigger uses a seconds-list schedule 2.41 refuses).
const QUEUE_LINE = LINES['2.8'];
const N8N_VERSION = QUEUE_LINE.n8n;
import { createLog, stepTimer } from '../../test/e2e/lib/report';
import { webhookUrl } from '../../test/e2e/lib/triggerWorkflows';
import { smscCredential } from '../../test/e2e/lib/workflows';
import type { CredentialRef } from '../../test/e2e/lib/workflows';
import { flags } from '../../test/support/flags';
import { proveBulk } from './bulk';
import { proveCallbacks } from './callbacks';
import { Checks, progress, result } from './check';
import { startCluster } from './cluster';
import type { Cluster } from './cluster';
import type { QueueContext } from './context';
import { ensureSystemTools } from './debian';
import { provePoll } from './poll';
import { Postgres } from './postgres';
import { Redis } from './redis';
import { ASK_PATH, askWorkflow, proveSendAndWait } from './sendAndWait';
import { BULK_PATH, bulkWorkflow, callbackWorkflow, pollWorkflow } from './workflows';

const WORKERS = 2;
/** Executions each worker runs at once (n8n's default is 10). */
const WORKER_CONCURRENCY = 5;
/** The proofs in the order they run; `--only <name>` runs one. */
const PROOFS = ['callbacks', 'send-and-wait', 'bulk', 'poll'];
const CREDENTIAL: CredentialRef = { id: 'SmscQueueCred001', name: 'SMSC (local emulator)' };

/**
 * A POST-only production webhook answers a GET with 404 too, but says it is registered for
 * another method; a probe POST would start an execution.
 */
async function waitForPostOnlyWebhook(url: string, timeoutMs = 120_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
		const body = await res.text();
		if (res.status !== 404 || /not registered for GET/i.test(body)) return;
		if (Date.now() > deadline)
			throw new Error(`webhook ${url} not registered after ${timeoutMs} ms: ${body}`);
		await delay(250);
	}
}

async function main(): Promise<number> {
	// `--only poll` (or callbacks, send-and-wait, bulk) reruns one proof while chasing a failure.
	const only = flags(process.argv.slice(2))('only');
	if (only && !PROOFS.includes(only))
		throw new Error(`--only ${only}: expected one of ${PROOFS.join(', ')}`);
	const started = Date.now();
	const { file, log } = createLog('queue');
	progress(`process output in ${file}`);
	const checks = new Checks();
	const { timings, timed } = stepTimer();

	const tools = await timed('debianPackages', () => ensureSystemTools(log));
	const pg = new Postgres(tools.pgBin, tools.psql, log);
	const redis = new Redis(tools.redisServer, log);
	const emulator = new EmulatorProcess(log);
	let cluster: Cluster | undefined;
	try {
		const [install, pkg] = await Promise.all([
			timed('n8nInstall', () => ensureN8n({ line: QUEUE_LINE, log })),
			timed('buildAndPack', () => buildAndPack({ log })),
			timed('emulator', () => emulator.start()),
			timed('postgres', () => pg.start()),
			timed('redis', () => redis.start()),
		]);
		const bulk = bulkWorkflow(CREDENTIAL);
		const poll = pollWorkflow(CREDENTIAL);
		const ask = askWorkflow(CREDENTIAL).workflow;
		cluster = await timed('cluster', () =>
			startCluster({
				bin: install.bin,
				pkg,
				redisPort: redis.port,
				postgresPort: pg.port,
				workers: WORKERS,
				workerConcurrency: WORKER_CONCURRENCY,
				log,
				beforeMainStart: async (main) => {
					// The CLI writes to Postgres like the server would; main runs the migrations first.
					await main.importCredentials([
						smscCredential({
							...CREDENTIAL,
							baseUrl: emulator.url,
							login: DEMO_LOGIN,
							password: DEMO_PASSWORD,
						}),
					]);
					await main.importWorkflows([callbackWorkflow.workflow, bulk, poll, ask]);
					await Promise.all(
						[callbackWorkflow.workflow.id, bulk.id, poll.id, ask.id].map((id) =>
							main.publishWorkflow(id),
						),
					);
				},
			}),
		);
		const c = cluster;
		await timed('webhooks', async () => {
			await c.main.waitForWebhook(webhookUrl(c.webhook.baseUrl, callbackWorkflow));
			await waitForPostOnlyWebhook(`${c.webhook.baseUrl}/webhook/${BULK_PATH}`);
			await waitForPostOnlyWebhook(`${c.webhook.baseUrl}/webhook/${ASK_PATH}`);
		});
		const api = new N8nApi(c.main.baseUrl);
		await api.setupOwner();
		await api.createApiKey();
		progress(
			`n8n ${N8N_VERSION} main + ${WORKERS} workers + webhook processor up; setup ${JSON.stringify(timings)}`,
		);

		const ctx: QueueContext = { cluster: c, api, emulator, pg, checks };
		if (!only || only === 'callbacks') await timed('callbacks', () => proveCallbacks(ctx));
		if (!only || only === 'send-and-wait')
			await timed('sendAndWait', () => proveSendAndWait(ctx, ask.id));
		if (!only || only === 'bulk') await timed('bulk', () => proveBulk(ctx, bulk.id));
		if (!only || only === 'poll') await timed('poll', () => provePoll(ctx, poll.id));
	} catch (error) {
		checks.that(
			false,
			`run stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
		);
	} finally {
		await Promise.allSettled([cluster?.stop(), emulator.stop()]);
		await Promise.allSettled([pg.stop(), redis.stop()]);
		await stopAll();
	}
	const total = (Date.now() - started) / 1000;
	progress(`timings ${JSON.stringify(timings)}; log ${file}`);
	const ok = checks.failures.length === 0;
	result(
		`${ok ? 'passed' : `FAILED (${checks.failures.length})`}: n8n ${N8N_VERSION} queue mode, main + ${WORKERS} workers + 1 webhook processor, ` +
			`postgres + redis, ${total.toFixed(0)} s (n8n install ${((timings.n8nInstall ?? 0) / 1000).toFixed(0)} s, ` +
			`Debian packages ${((timings.debianPackages ?? 0) / 1000).toFixed(0)} s)`,
	);
	return ok ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		process.stderr.write(
			`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
		);
		process.exit(1);
	},
);

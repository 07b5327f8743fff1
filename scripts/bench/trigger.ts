/**
 * `npm run bench:trigger`: the SMSC Trigger against n8n's own Webhook node in one real n8n.
 *
 * Both workflows are published in the same `n8n start`. The emulator fires the same form-encoded
 * status callbacks (SMSC's default: POST, windows-1251) at one and then the other, alternating,
 * each side `--rounds` times, so both see the same machine load. For each round: callbacks per
 * second answered (all answered 200) and the time from the first callback until every execution
 * is saved (counted through n8n's REST API). The last line divides the SMSC Trigger's rates by the
 * Webhook node's: above 1.0 the SMSC Trigger is the faster.
 *
 * Flags (or env): --callbacks N (BENCH_CALLBACKS, 1000), --concurrency N (BENCH_CONCURRENCY, 16),
 * --rounds N (BENCH_ROUNDS, 2), --warmup N (BENCH_WARMUP, 50), --line L (SMSC_N8N_LINE),
 * --out FILE (bench-results/trigger.json), --trigger-version 1|2 (BENCH_TRIGGER_VERSION, 2: the SMSC
 * Trigger's typeVersion in the workflow), --only smsc|webhook (BENCH_ONLY: fire at one side only,
 * e.g. to profile n8n for that side with SMSC_N8N_NODE_OPTIONS; then no ratio is printed).
 */
import path from 'node:path';

import { OWNER, N8nApi } from '../../test/e2e/lib/api';
import type { FireResult } from '../../test/e2e/lib/emulator';
import { delay } from '../../test/e2e/lib/processes';
import { createLog } from '../../test/e2e/lib/report';
import { startStack } from '../../test/e2e/lib/stack';
import type { Stack } from '../../test/e2e/lib/stack';
import {
	n8nWebhookWorkflow,
	webhookTriggerWorkflow,
	webhookUrl,
} from '../../test/e2e/lib/triggerWorkflows';
import { flags, wholeNumber } from '../../test/support/flags';
import {
	ExecutionCounter,
	chooseLine,
	loadNote,
	machine,
	perSecond,
	writeResults,
} from './server-support';

const SMSC = 'SMSC Trigger';
const WEBHOOK = 'n8n Webhook node';
type Side = typeof SMSC | typeof WEBHOOK;

interface Round {
	side: Side;
	round: number;
	callbacks: number;
	answeredMs: number;
	answeredPerSecond: number;
	maxInFlight: number;
	ok: number;
	failed: number;
	/** from the first callback until every execution of the round is saved */
	savedMs: number;
	savedPerSecond: number;
	savedAfterLastAnswerMs: number;
	loadAverage: number[];
}

const pick = flags(process.argv.slice(2));
const settings = {
	callbacks: wholeNumber(pick('callbacks', 'BENCH_CALLBACKS', '1000'), '--callbacks'),
	concurrency: wholeNumber(pick('concurrency', 'BENCH_CONCURRENCY', '16'), '--concurrency'),
	rounds: wholeNumber(pick('rounds', 'BENCH_ROUNDS', '2'), '--rounds'),
	warmup: wholeNumber(pick('warmup', 'BENCH_WARMUP', '50'), '--warmup'),
	n8n: chooseLine(pick('line', 'SMSC_N8N_LINE')),
	out: pick('out', 'BENCH_OUT', path.join('bench-results', 'trigger.json'))!,
	only: pick('only', 'BENCH_ONLY'),
	triggerVersion: wholeNumber(
		pick('trigger-version', 'BENCH_TRIGGER_VERSION', '2'),
		'--trigger-version',
	),
};
if (settings.only !== undefined && !['smsc', 'webhook'].includes(settings.only))
	throw new Error(`--only must be smsc or webhook, not ${settings.only}`);

const smscWorkflow = webhookTriggerWorkflow({
	name: 'Bench SMSC Trigger',
	token: 'bench-trigger-token-5c1e9a7f3d',
	events: ['deliveryStatus'],
	typeVersion: settings.triggerVersion,
});
const webhookWorkflow = n8nWebhookWorkflow({
	name: 'Bench n8n Webhook',
	path: 'bench-status-callbacks',
});

const { file: logFile, log } = createLog('bench-trigger');

async function main(): Promise<void> {
	process.stderr.write(`bench:trigger: n8n ${settings.n8n}; process output in ${logFile}\n`);
	const stack: Stack = await startStack({ log, emulatorArgs: ['--manual-clock'] });
	try {
		const { n8n, emulator } = stack;
		await n8n.importWorkflows([smscWorkflow.workflow, webhookWorkflow.workflow]);
		for (const id of [smscWorkflow.workflow.id, webhookWorkflow.workflow.id])
			await n8n.activateWorkflow(id);
		// a loaded machine can take minutes to boot n8n
		await n8n.start(15 * 60_000);
		const urls: Record<Side, string> = {
			[SMSC]: webhookUrl(n8n.baseUrl, smscWorkflow),
			[WEBHOOK]: webhookWorkflow.url(n8n.baseUrl),
		};
		const ids: Record<Side, string> = {
			[SMSC]: smscWorkflow.workflow.id,
			[WEBHOOK]: webhookWorkflow.workflow.id,
		};
		for (const side of [SMSC, WEBHOOK] as const) await n8n.waitForWebhook(urls[side]);
		await new N8nApi(n8n.baseUrl).setupOwner();
		const counter = new ExecutionCounter(n8n.baseUrl, OWNER);
		await counter.login();

		const fire = async (
			side: Side,
			count: number,
		): Promise<{ fired: FireResult; savedMs: number }> => {
			const before = await counter.count(ids[side], ['success']);
			const started = Date.now();
			const firing = emulator.call<FireResult>('fireCallbacks', {
				url: urls[side],
				count,
				concurrency: settings.concurrency,
				retries: 0,
			});
			let fired: FireResult | undefined;
			void firing.then(
				(result) => (fired = result),
				() => undefined,
			);
			// An execution n8n failed to start is never saved: stop once the count has not moved for 30 s after the last answer.
			let saved = 0;
			let movedAt = Date.now();
			for (;;) {
				const now = (await counter.count(ids[side], ['success'])) - before;
				if (now !== saved) ((saved = now), (movedAt = Date.now()));
				if (saved >= count && fired) break;
				if (fired && Date.now() - movedAt > 30_000) break;
				// a failed firing ends the round with its error
				if (!fired) await Promise.race([firing, delay(100)]);
				else await delay(100);
			}
			const savedMs = Date.now() - started;
			const failedExecutions = await counter.count(ids[side], ['error', 'crashed', 'canceled']);
			if (fired!.ok !== count || saved !== count || failedExecutions > 0) {
				throw new Error(
					`${side}: ${fired!.ok} of ${count} callbacks answered 200, ${saved} executions saved, ${failedExecutions} failed (see ${logFile})`,
				);
			}
			return { fired: fired!, savedMs };
		};

		// Both sides answer only after n8n has created the execution, which a loaded machine can delay past the emulator's 5 s.
		await emulator.call('setCallbackPolicy', { timeoutMs: 120_000 });
		// The first requests of each kind warm n8n's code paths; they are not measured.
		const sides: Side[] =
			settings.only === 'smsc' ? [SMSC] : settings.only === 'webhook' ? [WEBHOOK] : [SMSC, WEBHOOK];
		for (const side of sides) await fire(side, settings.warmup);

		const rounds: Round[] = [];
		for (let round = 1; round <= settings.rounds; round++) {
			for (const side of sides) {
				const { fired, savedMs } = await fire(side, settings.callbacks);
				const row: Round = {
					side,
					round,
					callbacks: settings.callbacks,
					answeredMs: fired.durationMs,
					answeredPerSecond: perSecond(settings.callbacks, fired.durationMs),
					maxInFlight: fired.maxInFlight,
					ok: fired.ok,
					failed: fired.failed,
					savedMs,
					savedPerSecond: perSecond(settings.callbacks, savedMs),
					savedAfterLastAnswerMs: savedMs - fired.durationMs,
					loadAverage: machine().loadAverage,
				};
				rounds.push(row);
				process.stderr.write(
					`round ${round} ${side}: ${row.answeredPerSecond} callbacks/s answered (${row.answeredMs} ms), all saved after ${(savedMs / 1000).toFixed(1)} s (${row.savedPerSecond}/s); ${loadNote()}\n`,
				);
			}
		}

		if (sides.length === 1) return;
		const mean = (side: Side, key: 'answeredPerSecond' | 'savedPerSecond'): number => {
			const mine = rounds.filter((r) => r.side === side);
			return Math.round((mine.reduce((sum, r) => sum + r[key], 0) / mine.length) * 10) / 10;
		};
		const summary = {
			[SMSC]: {
				answeredPerSecond: mean(SMSC, 'answeredPerSecond'),
				savedPerSecond: mean(SMSC, 'savedPerSecond'),
			},
			[WEBHOOK]: {
				answeredPerSecond: mean(WEBHOOK, 'answeredPerSecond'),
				savedPerSecond: mean(WEBHOOK, 'savedPerSecond'),
			},
		};
		const answeredRatio = summary[SMSC].answeredPerSecond / summary[WEBHOOK].answeredPerSecond;
		const savedRatio = summary[SMSC].savedPerSecond / summary[WEBHOOK].savedPerSecond;
		writeResults(settings.out, {
			date: new Date().toISOString(),
			machine: machine(),
			settings,
			rounds,
			mean: summary,
			ratio: { answered: answeredRatio, saved: savedRatio },
			goal: { answeredAtLeast1: answeredRatio >= 1, savedAtLeast1: savedRatio >= 1 },
		});
		const lines = [
			'',
			`n8n ${settings.n8n}, SMSC Trigger version ${settings.triggerVersion}, ${settings.callbacks} form-encoded status callbacks at ${settings.concurrency} in flight, ${settings.rounds} alternating rounds each (mean):`,
			`| | callbacks/s answered | executions/s saved (first callback → all saved) |`,
			`| --- | ---: | ---: |`,
			`| ${SMSC} | ${summary[SMSC].answeredPerSecond} | ${summary[SMSC].savedPerSecond} |`,
			`| ${WEBHOOK} | ${summary[WEBHOOK].answeredPerSecond} | ${summary[WEBHOOK].savedPerSecond} |`,
			'',
			`${loadNote()}, Node ${process.version}; figures in ${settings.out}`,
			`SMSC Trigger / n8n Webhook node: ${answeredRatio.toFixed(2)} answered, ${savedRatio.toFixed(2)} saved`,
		];
		process.stdout.write(`${lines.join('\n')}\n`);
	} finally {
		await stack.stop();
	}
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});

import { DEMO_LOGIN } from '../../test/e2e/lib/emulator';
import { progress, result, tally } from './check';
import { finishedExecutions, workerOf } from './context';
import type { QueueContext } from './context';
import { BULK_PATH } from './workflows';

export const BULK_ITEMS = 10_000;
/** SMSC's own answer time for a 200-line list is not zero; with it the two sends overlap at SMSC. */
const SEND_LATENCY_MS = 300;

interface Recipient {
	phone: string;
	name: string;
	code: string;
}

function recipients(run: number): Recipient[] {
	return Array.from({ length: BULK_ITEMS }, (_, i) => ({
		phone: `7${900 + run}${String(i).padStart(7, '0')}`,
		name: `Client ${run}-${i}`,
		code: String((i * 7919 + run * 104_729) % 1_000_000).padStart(6, '0'),
	}));
}

function text(r: Recipient): string {
	return `Hello ${r.name}, your code is ${r.code}`;
}

/**
 * Two bulk sends of 10,000 personalised items, started at the same moment through the webhook
 * processor, run on the two workers against one SMSC login. Each worker's Send keeps its own
 * requests under 14, so together they ask for more than SMSC allows and get error 9; the proof is
 * that every item still reaches SMSC exactly once with its own text.
 */
export async function proveBulk(ctx: QueueContext, workflowId: string): Promise<void> {
	const { cluster, emulator, pg, checks } = ctx;
	await emulator.call('setLatency', { ms: SEND_LATENCY_MS, script: 'send' });
	// 20,000 SMS at the demo price; the account must not run out of money halfway.
	await emulator.call('setBalance', { login: DEMO_LOGIN, balance: 1_000_000 });
	await emulator.call('resetStats');
	const before = new Set(
		(await emulator.call<Array<{ intId: number }>>('getMessages', { login: DEMO_LOGIN })).map(
			(m) => m.intId,
		),
	);
	const runs = [1, 2].map(recipients);
	const started = Date.now();
	const answers = await Promise.all(
		runs.map(async (list) => {
			const res = await fetch(`${cluster.webhook.baseUrl}/webhook/${BULK_PATH}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ recipients: list }),
			});
			await res.arrayBuffer();
			return res.status;
		}),
	);
	checks.that(
		answers.every((s) => s === 200),
		`bulk webhooks answered ${answers.join(', ')}`,
	);

	const rows = await finishedExecutions(pg, workflowId, 2, 10 * 60_000);
	const seconds = (Math.max(...rows.map((r) => r.stoppedAt)) - started) / 1000;
	const stats = await emulator.call<{
		error9Concurrent: number;
		maxInFlightPerLogin: number;
		sendRequestsAccepted: number;
	}>('getStats');
	await emulator.call('setLatency', { ms: 0, script: 'send' });
	progress(
		`bulk: ${rows.map((r) => `${r.id} ${r.status}`).join(', ')} in ${seconds.toFixed(1)} s; emulator ${JSON.stringify(stats)}`,
	);

	const messages = (
		await emulator.call<Array<{ intId: number; phone: string; text: string }>>('getMessages', {
			login: DEMO_LOGIN,
		})
	).filter((m) => !before.has(m.intId));
	const { counts, doubled } = tally(messages.map((m) => `${m.phone}|${m.text}`));
	let lost = 0;
	for (const r of runs.flat()) if (!counts.has(`${r.phone}|${text(r)}`)) lost++;
	const expected = new Set(runs.flat().map((r) => `${r.phone}|${text(r)}`));
	const strangers = [...counts.keys()].filter((k) => !expected.has(k)).length;

	const ranBy = workerOf(cluster);
	const workers = rows.map((r) => ranBy.get(r.id) ?? []);
	const distinct = new Set(workers.flat());
	checks.that(
		rows.length === 2 && rows.every((r) => r.status === 'success'),
		`bulk executions: ${rows.map((r) => r.status).join(', ')}`,
	);
	checks.that(
		workers.every((w) => w.length === 1) && distinct.size === 2,
		`bulk sends ran on ${JSON.stringify(workers)}, not one each on two workers`,
	);
	checks.that(
		lost === 0 && doubled === 0 && strangers === 0,
		`bulk lost ${lost}, doubled ${doubled}, unexpected ${strangers}`,
	);
	checks.that(
		stats.maxInFlightPerLogin <= 14,
		`max in flight ${stats.maxInFlightPerLogin} above SMSC's 14`,
	);
	result(
		`bulk 2x${BULK_ITEMS} personalised items started at once, on ${[...distinct].sort().join(' + ')}, accepted ${messages.length - doubled}, ` +
			`lost ${lost}, doubled ${doubled}, error9 ${stats.error9Concurrent} (retried), max in flight ${stats.maxInFlightPerLogin} per login ` +
			`(SMSC allows 14), ${seconds.toFixed(1)} s, postgres`,
	);
}

/**
 * `npm run bench`: sends N items through the SMSC node, in the in-process n8n engine, to an
 * emulator (a separate process) that answers every request after a fixed latency, in four modes:
 *
 *   a  one request per item, one at a time (Batching off, Concurrency 1): the baseline
 *   b  one request per item, concurrent (Batching off)
 *   c  batched `list` requests, concurrent (the node's defaults)
 *   d  the same items through a pass-through node that evaluates nothing: the engine alone
 *   floor  the SMSC node with (c)'s parameters and expressions that reads exactly what the Send
 *      reads and returns its items without sending: n8n's own cost for the Send, the fair floor
 *   server  (c)'s `list` requests sent straight to the emulator by fetch, no n8n: what the stand-in
 *      for SMSC costs by itself, so (c) reads as floor + server + the Send's own share
 *   auto  (c) with Map Automatically: recipients and text read from the items' fields by name, no
 *      expression per item
 *
 * Flags (or env): --items N (BENCH_ITEMS, 10000), --modes a,b,c,d,floor,server,auto (BENCH_MODES), --latency MS
 * (BENCH_LATENCY_MS, 50), --concurrency N (10), --batch-size N (200), --baseline-sample N (time
 * mode a on N items; the row shows what the sample measured and, apart, the extrapolated time), --rounds N
 * (BENCH_ROUNDS, 1: run the modes N times, interleaved, and report each mode's median round with the
 * spread; wall times of one run on a virtual machine vary by up to 1.5x from run to run), --out FILE
 * (bench-results/latest.json), --cpu-prof DIR (a V8 CPU profile of each mode's process in DIR, for
 * Chrome DevTools), --conditions TEXT (BENCH_CONDITIONS: what else ran on the machine, saved with
 * the figures). Each mode runs in a child process so its peak memory is its own.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { spawnEmulator } from '../../test/emulator/client';
import { flags } from '../../test/support/flags';
import { PASS_THROUGH } from './mode';
import type { ModeName, ModeRequest, ModeResult } from './mode';

interface Options {
	items: number;
	modes: ModeName[];
	latency: number;
	concurrency: number;
	batchSize: number;
	baselineSample?: number;
	rounds: number;
	out: string;
	/** write a V8 CPU profile of every mode's process into this folder */
	cpuProfileDir?: string;
	/** what else ran on the machine meanwhile, recorded with the figures */
	conditions: string;
}

const MODE_TITLES: Record<ModeName, string> = {
	a: '(a) one request per item, sequential',
	b: '(b) one request per item, concurrent',
	c: '(c) batched + concurrent (default)',
	d: '(d) n8n engine alone (no-op node, no expressions)',
	floor: "(floor) the Send's parameter reads, no sending",
	server: "(server) the emulator alone: (c)'s requests by fetch, no n8n",
	auto: '(auto) batched + concurrent, Map Automatically (no expressions)',
};
const ALL_MODES: ModeName[] = ['a', 'b', 'c', 'd', 'floor', 'server', 'auto'];
/** Modes that are not the Send, so a speed-up over (a) means nothing for them. */
const NOT_THE_SEND: ReadonlySet<ModeName> = new Set([...PASS_THROUGH, 'server']);

function parseOptions(argv: string[]): Options {
	const given = flags(argv);
	const pick = (flag: string, env: string, fallback: string): string =>
		given(flag, env, fallback) ?? fallback;
	const int = (flag: string, env: string, fallback: number): number => {
		const value = Number(pick(flag, env, String(fallback)));
		if (!Number.isInteger(value) || value < 0) throw new Error(`--${flag} must be a whole number`);
		return value;
	};
	const modes = pick('modes', 'BENCH_MODES', ALL_MODES.join(','))
		.split(',')
		.map((mode) => mode.trim())
		.filter(Boolean) as ModeName[];
	for (const mode of modes) if (!ALL_MODES.includes(mode)) throw new Error(`unknown mode ${mode}`);
	const sample = given('baseline-sample', 'BENCH_BASELINE_SAMPLE');
	return {
		items: int('items', 'BENCH_ITEMS', 10_000),
		modes,
		latency: int('latency', 'BENCH_LATENCY_MS', 50),
		concurrency: int('concurrency', 'BENCH_CONCURRENCY', 10),
		batchSize: int('batch-size', 'BENCH_BATCH_SIZE', 200),
		baselineSample: sample ? Number(sample) : undefined,
		rounds: Math.max(1, int('rounds', 'BENCH_ROUNDS', 1)),
		out: pick('out', 'BENCH_OUT', path.join('bench-results', 'latest.json')),
		cpuProfileDir: given('cpu-prof'),
		conditions: pick('conditions', 'BENCH_CONDITIONS', 'not stated'),
	};
}

function runMode(request: ModeRequest, cpuProfileDir?: string): Promise<ModeResult> {
	// Node refuses --cpu-prof in NODE_OPTIONS, and tsx's CLI runs the script in a process of its
	// own, so a profiled mode loads tsx as a hook in the process that runs it
	const runner = cpuProfileDir
		? [
				'--cpu-prof',
				`--cpu-prof-dir=${path.resolve(cpuProfileDir)}`,
				`--cpu-prof-name=${request.mode}-${Date.now()}.cpuprofile`,
				'--import',
				'tsx',
			]
		: [require.resolve('tsx/cli')];
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[...runner, path.join(__dirname, 'mode.ts'), JSON.stringify(request)],
			{
				stdio: ['ignore', 'pipe', 'inherit'],
			},
		);
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.once('exit', (code) => {
			const line = /BENCH_RESULT=(.+)/.exec(out);
			if (code !== 0 || !line)
				return reject(new Error(`mode ${request.mode} failed (exit ${code}): ${out.slice(-2000)}`));
			resolve(JSON.parse(line[1]) as ModeResult);
		});
	});
}

interface Row extends ModeResult {
	title: string;
	/** mode a timed on a sample (the row's own figures) and scaled linearly to the full item count */
	extrapolated?: { items: number; wallMs: number };
	/** this row's wall time against (a)'s, the extrapolated one when (a) ran on a sample */
	speedUpOverA?: number;
	/** every round's wall time, in the order run; the row's own figures are the median round's */
	roundsWallMs: number[];
}

/** The median round (the lower middle one for an even count), so the row is one real run, not a mix. */
function medianRound(results: ModeResult[]): ModeResult {
	const sorted = [...results].sort((x, y) => x.wallMs - y.wallMs);
	return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** x / y in each round, the two modes having run one after the other in that round. */
function pairRatios(x: Row, y: Row): number[] {
	return x.roundsWallMs.map((ms, round) => Number((ms / y.roundsWallMs[round]).toFixed(3)));
}

function medianOf(values: number[]): number {
	const sorted = [...values].sort((p, q) => p - q);
	return sorted[Math.floor((sorted.length - 1) / 2)];
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** The median round's wall time and, with several rounds, the spread it was taken from. */
function wallTime(row: Row): string {
	const rounds = row.roundsWallMs;
	if (rounds.length < 2) return seconds(row.wallMs);
	return `${seconds(row.wallMs)} (median of ${rounds.length}: ${seconds(Math.min(...rounds))}–${seconds(Math.max(...rounds))})`;
}

/** Figures computed from the measured rows, never measured themselves. */
interface Derived {
	cOverFloor?: number;
	/** Map Automatically against the expression mode, both batched and concurrent: the median of the rounds' ratios */
	autoOverC?: number;
	/** auto / (c) in each round, the two measured back to back */
	autoOverCByRound?: number[];
	cOverD?: number;
	/** (c) − floor − server: the Send's own share of (c), roughly (its checks, packing, n8n's HTTP helper, its output) */
	sendOwnMs?: number;
	/**
	 * The best speed-up over (a) any Send could reach in this n8n: (a) over the floor plus the
	 * latency of (c)'s request waves, i.e. a Send that costs nothing against a server that costs nothing
	 */
	ceilingOverA?: number;
	waves?: number;
}

function table(rows: Row[], ratios: Derived, latency: number): string {
	const head =
		'| mode | items | wall time | requests | max in flight | max connections | accepted | error 9 | peak RSS | peak heap | 1:1 pairing | speed-up over (a) |';
	const rule =
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: |';
	const lines: string[] = [];
	const sampledA = rows.find((row) => row.extrapolated);
	for (const row of rows) {
		const speed =
			row.speedUpOverA !== undefined
				? `${row.speedUpOverA.toFixed(1)}×${sampledA && row !== sampledA ? ' (vs extrapolated a)' : ''}`
				: '–';
		const na = PASS_THROUGH.has(row.mode);
		const title = row.extrapolated ? `${row.title}, measured on a sample` : row.title;
		lines.push(
			`| ${title} | ${row.items} | ${wallTime(row)} | ${na ? '–' : row.requests} | ${na ? '–' : row.maxInFlight} | ${na ? '–' : row.maxConnections} | ${na ? '–' : row.accepted} | ${na ? '–' : row.error9} | ${row.peakRssMb} MB | ${row.peakHeapMb} MB | ${row.pairedOneToOne ? 'yes' : 'NO'} | ${row === sampledA ? '–' : speed} |`,
		);
		if (row.extrapolated) {
			lines.push(
				`| ${row.title}, EXTRAPOLATED (not measured) | ${row.extrapolated.items} | ${seconds(row.extrapolated.wallMs)} (${row.wallMs} ms × ${row.extrapolated.items}/${row.items}) | – | – | – | – | – | – | – | – | 1.0× |`,
			);
		}
	}
	const notes: string[] = [];
	const roundCount = rows[0]?.roundsWallMs.length ?? 1;
	const median = roundCount > 1 ? ` (medians of ${roundCount} rounds)` : '';
	if (ratios.cOverFloor !== undefined)
		notes.push(
			`(c) / floor wall time${median}: ${ratios.cOverFloor.toFixed(2)} (what the batched send costs beyond n8n reading its parameters)`,
		);
	if (ratios.autoOverC !== undefined)
		notes.push(
			`auto / (c) wall time: ${ratios.autoOverC.toFixed(2)}, the median of each round's ratio (${ratios.autoOverCByRound?.map((r) => r.toFixed(2)).join(', ')}): Map Automatically against two expressions per item`,
		);
	if (ratios.cOverD !== undefined)
		notes.push(
			`(c) / (d) wall time${median}: ${ratios.cOverD.toFixed(2)} (against the engine alone, which evaluates no expression)`,
		);
	if (ratios.sendOwnMs !== undefined) {
		notes.push(
			`(c) − floor − server${median}: ${seconds(ratios.sendOwnMs)} (DERIVED, not measured: the Send's own share of (c), roughly)`,
		);
	}
	if (ratios.ceilingOverA !== undefined) {
		notes.push(
			`best speed-up over (a) any Send could reach here: ${ratios.ceilingOverA.toFixed(1)}× (DERIVED: (a) / (floor + ${ratios.waves} request waves × ${latency} ms), a Send and a server that cost nothing)`,
		);
	}
	return [head, rule, ...lines].join('\n') + (notes.length ? `\n\n${notes.join('\n')}` : '');
}

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	// A manual clock keeps the emulator from simulating deliveries meanwhile, so only request handling costs it time.
	const emulator = await spawnEmulator({
		env: { LATENCY_MS: String(options.latency), MANUAL_CLOCK: '1' },
	});
	const rows: Row[] = [];
	try {
		const results = new Map<ModeName, ModeResult[]>();
		// Rounds interleave the modes (a b c, a b c, ...) so a slow spell of the machine hits them all alike.
		for (let round = 1; round <= options.rounds; round++) {
			for (const mode of options.modes) {
				const sample =
					mode === 'a' && options.baselineSample && options.baselineSample < options.items
						? options.baselineSample
						: undefined;
				const items = sample ?? options.items;
				const label =
					options.rounds > 1 ? `mode ${mode} (round ${round}/${options.rounds})` : `mode ${mode}`;
				process.stderr.write(`${label}: ${items} items, ${options.latency} ms latency…\n`);
				const result = await runMode(
					{
						mode,
						items,
						emulatorUrl: emulator.url,
						concurrency: options.concurrency,
						batchSize: options.batchSize,
					},
					options.cpuProfileDir,
				);
				results.set(mode, [...(results.get(mode) ?? []), result]);
				process.stderr.write(`${label}: ${seconds(result.wallMs)} for ${items} items\n`);
			}
		}
		for (const mode of options.modes) {
			const runs = results.get(mode) ?? [];
			const median = medianRound(runs);
			const row: Row = {
				...median,
				title: MODE_TITLES[mode],
				roundsWallMs: runs.map((run) => run.wallMs),
				peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
				peakHeapMb: Math.max(...runs.map((run) => run.peakHeapMb)),
				pairedOneToOne: runs.every((run) => run.pairedOneToOne),
			};
			const sample = mode === 'a' && median.items < options.items;
			if (sample)
				row.extrapolated = {
					items: options.items,
					wallMs: Math.round((median.wallMs * options.items) / median.items),
				};
			rows.push(row);
		}
	} finally {
		await emulator.stop();
	}
	const a = rows.find((row) => row.mode === 'a');
	const aWallMs = a ? (a.extrapolated?.wallMs ?? a.wallMs) : undefined;
	for (const row of rows)
		if (aWallMs !== undefined && !NOT_THE_SEND.has(row.mode))
			row.speedUpOverA = aWallMs / row.wallMs;
	const c = rows.find((row) => row.mode === 'c');
	const d = rows.find((row) => row.mode === 'd');
	const floor = rows.find((row) => row.mode === 'floor');
	const server = rows.find((row) => row.mode === 'server');
	const auto = rows.find((row) => row.mode === 'auto');
	// (c)'s requests go out Concurrency at a time, so even an instant Send waits this many latencies
	const waves = Math.ceil(Math.ceil(options.items / options.batchSize) / options.concurrency);
	const ratios: Derived = {
		cOverFloor: c && floor ? c.wallMs / floor.wallMs : undefined,
		cOverD: c && d ? c.wallMs / d.wallMs : undefined,
		autoOverC: c && auto ? medianOf(pairRatios(auto, c)) : undefined,
		autoOverCByRound: c && auto ? pairRatios(auto, c) : undefined,
		sendOwnMs: c && floor && server ? c.wallMs - floor.wallMs - server.wallMs : undefined,
		ceilingOverA:
			aWallMs !== undefined && floor
				? aWallMs / (floor.wallMs + waves * options.latency)
				: undefined,
		waves,
	};

	const report = {
		date: new Date().toISOString(),
		node: process.version,
		machine: {
			cpus: os.cpus().length,
			loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
			conditions: options.conditions,
		},
		settings: options,
		modes: rows,
		ratioCOverFloor: ratios.cOverFloor,
		ratioCOverD: ratios.cOverD,
		ratioAutoOverC: ratios.autoOverC,
		ratioAutoOverCByRound: ratios.autoOverCByRound,
		speedUpCOverA: c?.speedUpOverA,
		speedUpCOverAExtrapolated: a?.extrapolated !== undefined,
		derived: { sendOwnMs: ratios.sendOwnMs, ceilingOverA: ratios.ceilingOverA, waves },
		// The goals are stated at one latency each: the floor at 0 ms, the baseline at 50 ms.
		goals: c
			? {
					cOverFloorAtMost1_5AtLatency0:
						options.latency === 0 && ratios.cOverFloor !== undefined
							? ratios.cOverFloor <= 1.5
							: null,
					speedUpOverAAtLeast300AtLatency50:
						options.latency === 50 && c.speedUpOverA !== undefined ? c.speedUpOverA >= 300 : null,
					maxConcurrentAtMost14: c.maxInFlight <= 14 && c.maxConnections <= 14,
					noError9: c.error9 === 0,
					everyItemAccepted: c.accepted === options.items,
					pairedOneToOne: c.pairedOneToOne,
					autoOverCAtMost0_4AtLatency0:
						options.latency === 0 && ratios.autoOverC !== undefined
							? ratios.autoOverC <= 0.4
							: null,
					autoEveryItemAccepted: auto
						? auto.accepted === options.items && auto.pairedOneToOne
						: null,
				}
			: undefined,
	};
	mkdirSync(path.dirname(options.out), { recursive: true });
	writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
	process.stdout.write(
		`${table(rows, ratios, options.latency)}\n\nConditions: ${options.conditions}. Compare ratios within one run; absolute times depend on the load. Load average ${report.machine.loadAverage.join(' ')} on ${report.machine.cpus} cores, Node ${process.version}\nFigures written to ${options.out}\n`,
	);
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});

/**
 * `npm run bench`: sends N items through the SMSC node, in the in-process n8n engine, to an
 * emulator (a separate process) that answers every request after a fixed latency, in four modes:
 *
 *   a  one request per item, one at a time (Batching off, Concurrency 1): the baseline
 *   b  one request per item, concurrent (Batching off)
 *   c  batched `list` requests, concurrent (the node's defaults)
 *   d  the same items through a pass-through node: the n8n engine's own cost, the floor
 *
 * Flags (or env): --items N (BENCH_ITEMS, 10000), --modes a,b,c,d (BENCH_MODES), --latency MS
 * (BENCH_LATENCY_MS, 50), --concurrency N (10), --batch-size N (200), --baseline-sample N (time
 * mode a on N items and extrapolate linearly; labelled as such), --out FILE
 * (bench-results/latest.json). Each mode runs in a child process so its peak memory is its own.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { spawnEmulator } from '../emulator/client';
import type { ModeName, ModeRequest, ModeResult } from './mode';

interface Options {
	items: number;
	modes: ModeName[];
	latency: number;
	concurrency: number;
	batchSize: number;
	baselineSample?: number;
	out: string;
}

const MODE_TITLES: Record<ModeName, string> = {
	a: '(a) one request per item, sequential',
	b: '(b) one request per item, concurrent',
	c: '(c) batched + concurrent (default)',
	d: '(d) n8n engine floor (no-op node)',
};

function parseOptions(argv: string[]): Options {
	const flags = new Map<string, string>();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) continue;
		const [name, inline] = arg.slice(2).split('=');
		flags.set(name, inline ?? argv[++i] ?? '');
	}
	const pick = (flag: string, env: string, fallback: string): string => flags.get(flag) ?? process.env[env] ?? fallback;
	const int = (flag: string, env: string, fallback: number): number => {
		const value = Number(pick(flag, env, String(fallback)));
		if (!Number.isInteger(value) || value < 0) throw new Error(`--${flag} must be a whole number`);
		return value;
	};
	const modes = pick('modes', 'BENCH_MODES', 'a,b,c,d')
		.split(',')
		.map((mode) => mode.trim())
		.filter(Boolean) as ModeName[];
	for (const mode of modes) if (!['a', 'b', 'c', 'd'].includes(mode)) throw new Error(`unknown mode ${mode}`);
	const sample = flags.get('baseline-sample') ?? process.env.BENCH_BASELINE_SAMPLE;
	return {
		items: int('items', 'BENCH_ITEMS', 10_000),
		modes,
		latency: int('latency', 'BENCH_LATENCY_MS', 50),
		concurrency: int('concurrency', 'BENCH_CONCURRENCY', 10),
		batchSize: int('batch-size', 'BENCH_BATCH_SIZE', 200),
		baselineSample: sample ? Number(sample) : undefined,
		out: pick('out', 'BENCH_OUT', path.join('bench-results', 'latest.json')),
	};
}

function runMode(request: ModeRequest): Promise<ModeResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, 'mode.ts'), JSON.stringify(request)], {
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.once('exit', (code) => {
			const line = /BENCH_RESULT=(.+)/.exec(out);
			if (code !== 0 || !line) return reject(new Error(`mode ${request.mode} failed (exit ${code}): ${out.slice(-2000)}`));
			resolve(JSON.parse(line[1]) as ModeResult);
		});
	});
}

interface Row extends ModeResult {
	title: string;
	/** mode a timed on a sample and scaled to the full item count */
	extrapolatedFrom?: number;
	speedUpOverA?: number;
}

function table(rows: Row[], ratioCD: number | undefined): string {
	const head = '| mode | items | wall time | requests | max in flight | max connections | accepted | error 9 | peak RSS | peak heap | 1:1 pairing | speed-up over (a) |';
	const rule = '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: |';
	const lines = rows.map((row) => {
		const wall = `${(row.wallMs / 1000).toFixed(2)} s${row.extrapolatedFrom ? ` (extrapolated from ${row.extrapolatedFrom} items)` : ''}`;
		const speed = row.speedUpOverA !== undefined ? `${row.speedUpOverA.toFixed(1)}×` : '–';
		const na = row.mode === 'd';
		return `| ${row.title} | ${row.items} | ${wall} | ${na ? '–' : row.requests} | ${na ? '–' : row.maxInFlight} | ${na ? '–' : row.maxConnections} | ${na ? '–' : row.accepted} | ${na ? '–' : row.error9} | ${row.peakRssMb} MB | ${row.peakHeapMb} MB | ${row.pairedOneToOne ? 'yes' : 'NO'} | ${speed} |`;
	});
	const ratio = ratioCD !== undefined ? `\n\n(c) / (d) wall time: ${ratioCD.toFixed(2)} (how far the batched send is from the engine's own cost)` : '';
	return [head, rule, ...lines].join('\n') + ratio;
}

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	// A manual clock keeps the emulator from simulating deliveries meanwhile, so only request handling costs it time.
	const emulator = await spawnEmulator({ env: { LATENCY_MS: String(options.latency), MANUAL_CLOCK: '1' } });
	const rows: Row[] = [];
	try {
		for (const mode of options.modes) {
			const sample = mode === 'a' && options.baselineSample && options.baselineSample < options.items ? options.baselineSample : undefined;
			const items = sample ?? options.items;
			process.stderr.write(`mode ${mode}: ${items} items, ${options.latency} ms latency…\n`);
			const result = await runMode({ mode, items, emulatorUrl: emulator.url, concurrency: options.concurrency, batchSize: options.batchSize });
			const row: Row = { ...result, title: MODE_TITLES[mode] };
			if (sample) {
				const scale = options.items / sample;
				Object.assign(row, {
					items: options.items,
					wallMs: Math.round(result.wallMs * scale),
					requests: Math.round(result.requests * scale),
					accepted: Math.round(result.accepted * scale),
					extrapolatedFrom: sample,
				});
			}
			rows.push(row);
			process.stderr.write(`mode ${mode}: ${(row.wallMs / 1000).toFixed(2)} s\n`);
		}
	} finally {
		await emulator.stop();
	}
	const a = rows.find((row) => row.mode === 'a');
	for (const row of rows) if (a && row.mode !== 'd') row.speedUpOverA = a.wallMs / row.wallMs;
	const c = rows.find((row) => row.mode === 'c');
	const d = rows.find((row) => row.mode === 'd');
	const ratioCD = c && d ? c.wallMs / d.wallMs : undefined;

	const report = {
		date: new Date().toISOString(),
		node: process.version,
		settings: options,
		modes: rows,
		ratioCOverD: ratioCD,
		targets: c
			? {
					speedUpOverAAtLeast100: a ? a.wallMs / c.wallMs >= 100 : null,
					maxConcurrentAtMost14: c.maxInFlight <= 14 && c.maxConnections <= 14,
					noError9: c.error9 === 0,
					everyItemAccepted: c.accepted === options.items,
					pairedOneToOne: c.pairedOneToOne,
				}
			: undefined,
	};
	mkdirSync(path.dirname(options.out), { recursive: true });
	writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
	process.stdout.write(`${table(rows, ratioCD)}\n\nFigures written to ${options.out}\n`);
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});

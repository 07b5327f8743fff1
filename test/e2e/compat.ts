/**
 * `npm run test:compat [-- <line> ...]`: the whole e2e suite (operations, triggers, poll trigger,
 * load, demo check) once per n8n line (lib/lines.ts), oldest first. Each line installs (or reuses)
 * its n8n and Node, runs jest's e2e project with SMSC_N8N_LINE set, and prints alone on its line:
 *   compat n8n <n8n version> node <node version>: <N> passed, <M> failed
 * Exits 1 if any test of any line failed or a line could not be installed.
 */
import { spawn } from 'node:child_process';
import type { SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureN8n } from './lib/install';
import { ALL_LINES, LINE_ENV, resolveLine } from './lib/lines';
import type { N8nLine } from './lib/lines';
import { PACKED_ENV, buildAndPack } from './lib/pack';
import { repoRoot } from './lib/paths';
import { SUMMARY_FILE_ENV, seconds } from './lib/report';

interface JestSummary {
	numPassedTests: number;
	numFailedTests: number;
	numRuntimeErrorTestSuites: number;
	numTotalTestSuites: number;
}

interface LineResult {
	line: N8nLine;
	nodeVersion: string;
	passed: number;
	failed: number;
	installMs: number;
	installReused: boolean;
	suiteMs: number;
	/** the suite's summary lines (lib/report.ts `summary`): throughput beside n8n's Webhook node, polls */
	summary: string[];
}

const say = (line: string) => process.stdout.write(`${line}\n`);

/** jest in the foreground, its output passed through (and Ctrl-C reaching it). */
function runCommandInherit(
	command: string,
	args: string[],
	options: SpawnOptions,
): Promise<number | null> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { ...options, stdio: 'inherit' });
		child.on('error', reject);
		child.on('close', (code) => resolve(code));
	});
}

async function runLine(line: N8nLine): Promise<LineResult> {
	const nodeVersion = line.node === 'host' ? process.versions.node : line.node;
	const result: LineResult = {
		line,
		nodeVersion,
		passed: 0,
		failed: 0,
		installMs: 0,
		installReused: false,
		suiteMs: 0,
		summary: [],
	};
	say(`\n== n8n ${line.n8n} (line ${line.id}) on Node ${nodeVersion}`);
	try {
		const install = await ensureN8n({ line, log: (l) => say(`   ${l}`) });
		Object.assign(result, {
			installMs: install.ms,
			installReused: install.reused,
			nodeVersion: install.nodeVersion,
		});
	} catch (error) {
		say(`install failed: ${(error as Error).message}`);
		result.failed = 1;
		return result;
	}

	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'smsc-compat-'));
	const out = path.join(tmp, 'jest.json');
	const summaryFile = path.join(tmp, 'summary.txt');
	const started = Date.now();
	const code = await runCommandInherit(
		path.join(repoRoot, 'node_modules', '.bin', 'jest'),
		['--selectProjects', 'e2e', '--runInBand', '--json', `--outputFile=${out}`],
		{
			cwd: repoRoot,
			env: { ...process.env, [LINE_ENV]: line.id, [SUMMARY_FILE_ENV]: summaryFile },
		},
	);
	result.suiteMs = Date.now() - started;
	let summary: JestSummary | undefined;
	try {
		summary = JSON.parse(fs.readFileSync(out, 'utf8')) as JestSummary;
	} catch {
		// jest died before writing its report; counted below.
	}
	if (fs.existsSync(summaryFile))
		result.summary = fs.readFileSync(summaryFile, 'utf8').split('\n').filter(Boolean);
	fs.rmSync(tmp, { recursive: true, force: true });
	result.passed = summary?.numPassedTests ?? 0;
	// A suite that failed to run (its beforeAll threw) has no failed tests of its own: count it.
	result.failed = (summary?.numFailedTests ?? 0) + (summary?.numRuntimeErrorTestSuites ?? 0);
	if (code !== 0 && result.failed === 0) result.failed = 1;
	return result;
}

async function main(): Promise<void> {
	const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
	const lines = wanted.length ? wanted.map((w) => resolveLine(w)) : ALL_LINES;
	// Built and packed once: every line's suites install this same tarball into their own n8n.
	const packStarted = Date.now();
	const packed = await buildAndPack({ log: (l) => say(`   ${l}`) });
	process.env[PACKED_ENV] = JSON.stringify(packed);
	say(
		`   packed ${packed.name}@${packed.version} in ${seconds(Date.now() - packStarted)}: ${packed.tarball}`,
	);
	const results: LineResult[] = [];
	for (const line of lines) results.push(await runLine(line));

	say('');
	for (const r of results) {
		const install = r.installReused ? 'reused' : seconds(r.installMs);
		say(`   timing n8n ${r.line.n8n}: install ${install}, suite ${seconds(r.suiteMs)}`);
		for (const line of r.summary) say(`   ${line}`);
	}
	fs.rmSync(path.dirname(packed.tarball), { recursive: true, force: true });
	for (const r of results)
		say(`compat n8n ${r.line.n8n} node ${r.nodeVersion}: ${r.passed} passed, ${r.failed} failed`);
	process.exitCode = results.some((r) => r.failed > 0 || r.passed === 0) ? 1 : 0;
}

main().catch((error: Error) => {
	say(`compat failed: ${error.stack ?? error.message}`);
	process.exitCode = 1;
});

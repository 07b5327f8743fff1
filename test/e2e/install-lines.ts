/**
 * `npx tsx test/e2e/install-lines.ts [<line> ...]`: installs (or reuses) the n8n and Node of the
 * given lines (default: every line) into `.cache/`, all at once, and prints how long each took.
 * CI starts it in the background right after `npm ci`, so the downloads and native builds overlap
 * the build, lint and `npm test` instead of following them; the e2e runners then find each line
 * installed. Exits 1 if a line could not be installed.
 */
import { ensureN8n } from './lib/install';
import { ALL_LINES, resolveLine } from './lib/lines';
import { seconds } from './lib/report';

async function main(): Promise<void> {
	const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
	const lines = wanted.length ? wanted.map((w) => resolveLine(w)) : ALL_LINES;
	const results = await Promise.allSettled(
		lines.map((line) =>
			ensureN8n({ line, log: (l) => process.stdout.write(`   [${line.id}] ${l}\n`) }),
		),
	);
	results.forEach((result, i) => {
		const line = lines[i];
		if (result.status === 'fulfilled') {
			const took = result.value.reused
				? 'already installed'
				: `installed in ${seconds(result.value.ms)}`;
			process.stdout.write(`install n8n ${line.n8n} node ${result.value.nodeVersion}: ${took}\n`);
		} else {
			process.stdout.write(`install n8n ${line.n8n} failed: ${(result.reason as Error).message}\n`);
			process.exitCode = 1;
		}
	});
}

void main();

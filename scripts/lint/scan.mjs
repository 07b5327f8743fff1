// `npm run lint`: n8n's community-package scanner (@n8n/scan-community-package), run here with its
// own analyzePackage, its own rule sets and its own file patterns, on the two legs its gate scans:
// the source (nodes/, credentials/, package.json) and the package as `npm pack` builds it (the
// compiled .js and the published package.json). Nothing is configured here, so this lint and the
// verification gate cannot drift apart; updating the scanner's version updates both.
// It never reads eslint.config.mjs (that file is the lint of test/, `npm run lint:test`), and the
// scanner ignores inline eslint-disable comments.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
// The tarball leg's patterns, as the scanner's analyzePackageByName passes them.
const PACKED_FILE_PATTERNS = ['**/*.js', 'package.json'];

const scanner = JSON.parse(
	readFileSync(join(root, 'node_modules/@n8n/scan-community-package/package.json'), 'utf8'),
);

/** Files under dir (recursively) whose names end in one of the extensions. */
function count(dir, extensions) {
	return readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
		(entry) => entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)),
	).length;
}

async function leg(name, dir, patterns, files) {
	const started = performance.now();
	const result = await analyzePackage(dir, patterns);
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(`${result.passed ? 'pass' : 'FAIL'} ${name}: ${files} files in ${seconds} s`);
	if (!result.passed) {
		console.log(result.message);
		if (result.details) console.log(result.details);
	}
	return result.passed;
}

console.log(`${scanner.name} ${scanner.version}: ${SOURCE_FILE_PATTERNS.join(', ')}`);
const sourceFiles =
	1 +
	['nodes', 'credentials'].reduce(
		(sum, dir) => sum + count(join(root, dir), ['.js', '.ts', '.json']),
		0,
	);
let passed = await leg('source', root, SOURCE_FILE_PATTERNS, sourceFiles);

if (!existsSync(join(root, 'dist'))) {
	console.log('FAIL package: no dist/ to pack; run `npm run build` first');
	process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), 'smsc-scan-'));
try {
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		}),
	);
	const unpacked = join(work, 'package');
	execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', work]);
	const packedFiles = count(unpacked, ['.js']) + 1;
	passed =
		(await leg(`package ${packed.filename}`, unpacked, PACKED_FILE_PATTERNS, packedFiles)) &&
		passed;
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(passed ? 0 : 1);

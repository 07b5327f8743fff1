import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { N8N_VERSION, n8nCacheDir } from './paths';

const MARKER = '.installed.json';

/**
 * n8n cannot open its sqlite database without sqlite3's native binding, which sqlite3's install
 * script builds (from source here: about a minute). No other install script is needed, and some
 * would reach the network (@scarf/scarf reports installs). So the install runs with
 * --ignore-scripts and then rebuilds sqlite3 alone, which behaves the same with npm 10 (CI's Node
 * 20) and npm 11, whose allowScripts policy (below) would otherwise skip or merely warn.
 */
const ALLOW_SCRIPTS: Record<string, boolean> = {
	sqlite3: true,
	'@parcel/watcher': false,
	'@scarf/scarf': false,
	'@sentry/node-cpu-profiler': false,
	'@sentry/node-native-stacktrace': false,
	'cpu-features': false,
	'msgpackr-extract': false,
	oracledb: false,
	protobufjs: false,
	ssh2: false,
};

export interface InstallResult {
	dir: string;
	/** Path of the n8n CLI entry (run with `node`). */
	bin: string;
	reused: boolean;
	ms: number;
}

export function n8nBin(dir = n8nCacheDir): string {
	return path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
}

function manifest(): object {
	return {
		name: 'n8n-nodes-smsc-e2e-n8n',
		private: true,
		description: 'A real n8n server for the end-to-end tests and the demo (generated; safe to delete)',
		dependencies: { n8n: N8N_VERSION },
		// A dependency of n8n points xlsx at the SheetJS website instead of the registry.
		overrides: { xlsx: '0.18.5' },
		allowScripts: ALLOW_SCRIPTS,
	};
}

function readMarker(dir: string): { version?: string } | undefined {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
	} catch {
		return undefined;
	}
}

function sqliteBuilt(dir: string): boolean {
	const base = path.join(dir, 'node_modules', 'sqlite3');
	const candidates = [
		path.join(base, 'build', 'Release', 'node_sqlite3.node'),
		path.join(base, 'lib', 'binding'),
	];
	return candidates.some((p) => fs.existsSync(p));
}

export function isInstalled(dir = n8nCacheDir): boolean {
	return readMarker(dir)?.version === N8N_VERSION && fs.existsSync(n8nBin(dir)) && sqliteBuilt(dir);
}

function run(cmd: string, args: string[], cwd: string, log: (line: string) => void): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
		let tail = '';
		const onData = (chunk: Buffer) => {
			const text = chunk.toString();
			tail = (tail + text).slice(-8000);
			for (const line of text.split('\n')) if (line.trim()) log(line);
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${tail}`)),
		);
	});
}

/**
 * Installs n8n into the git-ignored cache folder once; later calls only check the marker.
 * A lock file keeps the demo and a test run from installing into the same folder at once.
 */
export async function ensureN8n(
	opts: { dir?: string; log?: (line: string) => void } = {},
): Promise<InstallResult> {
	const dir = opts.dir ?? n8nCacheDir;
	const log = opts.log ?? (() => undefined);
	const started = Date.now();
	if (isInstalled(dir)) return { dir, bin: n8nBin(dir), reused: true, ms: Date.now() - started };

	fs.mkdirSync(dir, { recursive: true });
	const lock = path.join(dir, '.install.lock');
	await acquireLock(lock, log);
	try {
		if (isInstalled(dir)) return { dir, bin: n8nBin(dir), reused: true, ms: Date.now() - started };
		fs.rmSync(path.join(dir, MARKER), { force: true });
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest(), null, 2) + '\n');
		log(`installing n8n ${N8N_VERSION} into ${dir} (first run only; a few minutes)`);
		await run('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', '--loglevel=warn', '--ignore-scripts'], dir, log);
		log('building sqlite3');
		await run('npm', ['rebuild', 'sqlite3', '--foreground-scripts', '--loglevel=warn'], dir, log);
		if (!sqliteBuilt(dir)) throw new Error('sqlite3 native binding was not built; see the log above');
		const ms = Date.now() - started;
		fs.writeFileSync(
			path.join(dir, MARKER),
			JSON.stringify({ version: N8N_VERSION, installedAt: new Date().toISOString(), ms }) + '\n',
		);
		return { dir, bin: n8nBin(dir), reused: false, ms };
	} finally {
		fs.rmSync(lock, { force: true });
	}
}

async function acquireLock(lock: string, log: (line: string) => void): Promise<void> {
	const deadline = Date.now() + 20 * 60 * 1000;
	for (;;) {
		try {
			fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
			return;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		const owner = Number(fs.readFileSync(lock, 'utf8')) || 0;
		if (!owner || !alive(owner)) {
			fs.rmSync(lock, { force: true });
			continue;
		}
		if (Date.now() > deadline) throw new Error(`n8n install lock ${lock} held by pid ${owner} too long`);
		log(`waiting for another n8n install (pid ${owner})`);
		await new Promise((r) => setTimeout(r, 5000));
	}
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

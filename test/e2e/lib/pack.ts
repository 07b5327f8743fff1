import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCommand } from './processes';
import { repoRoot } from './paths';

export interface PackedPackage {
	tarball: string;
	name: string;
	version: string;
	/** Files inside the tarball, relative to its package/ folder. */
	files: string[];
	/** The runner's tarball, shared by every suite: only the runner removes it. */
	shared?: boolean;
}

/**
 * The environment variable through which a runner that packed the package once (test:compat, for
 * every line and suite) hands the tarball to the suites, as the JSON of a PackedPackage.
 */
export const PACKED_ENV = 'SMSC_E2E_PACKED';

/** Builds the package and packs it exactly as `npm publish` would (or reuses the runner's tarball). */
export async function buildAndPack(
	opts: { build?: boolean; log?: (line: string) => void } = {},
): Promise<PackedPackage> {
	const log = opts.log ?? (() => undefined);
	const packed = process.env[PACKED_ENV];
	if (packed) {
		const pkg = JSON.parse(packed) as PackedPackage;
		if (!fs.existsSync(pkg.tarball))
			throw new Error(`${PACKED_ENV} names ${pkg.tarball}, which does not exist`);
		log(`using the tarball packed by the runner: ${pkg.tarball}`);
		return { ...pkg, shared: true };
	}
	if (opts.build !== false) {
		log('npm run build');
		const build = await runCommand('npm', ['run', 'build'], { cwd: repoRoot }, 300_000);
		if (build.code !== 0)
			throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
	}
	const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'smsc-pack-'));
	log('npm pack');
	const pack = await runCommand(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', dest],
		{ cwd: repoRoot },
		120_000,
	);
	if (pack.code !== 0) throw new Error(`npm pack failed:\n${pack.stdout}\n${pack.stderr}`);
	const [info] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as Array<{
		filename: string;
		name: string;
		version: string;
		files: Array<{ path: string }>;
	}>;
	return {
		tarball: path.join(dest, info.filename),
		name: info.name,
		version: info.version,
		files: info.files.map((f) => f.path),
	};
}

/**
 * Unpacks the tarball where n8n looks for community packages
 * (`<N8N_USER_FOLDER>/.n8n/nodes/node_modules/<name>`), as n8n's own installer would leave it.
 * n8n resolves the package's peer dependency n8n-workflow through the NODE_PATH it sets to its own
 * node_modules, so nothing besides the package itself goes into the folder.
 */
export async function installPackedPackage(
	pkg: PackedPackage,
	userFolder: string,
): Promise<string> {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', pkg.name);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	const tar = await runCommand(
		'tar',
		['-xzf', pkg.tarball, '-C', target, '--strip-components=1'],
		{},
		60_000,
	);
	if (tar.code !== 0) throw new Error(`tar failed: ${tar.stderr}`);
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify(
			{ name: 'installed-nodes', private: true, dependencies: { [pkg.name]: pkg.version } },
			null,
			2,
		),
	);
	return target;
}

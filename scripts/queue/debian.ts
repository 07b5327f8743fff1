import * as fs from 'node:fs';
import { runCommand } from '../../test/e2e/lib/processes';

/** Debian's PostgreSQL keeps its server programs outside PATH, one folder per major version. */
const PG_ROOT = '/usr/lib/postgresql';

export interface SystemTools {
	/** Folder with initdb, postgres and pg_ctl. */
	pgBin: string;
	redisServer: string;
	psql: string;
	/** What the install cost (0 when everything was already there). */
	installMs: number;
}

function findPgBin(): string | undefined {
	if (!fs.existsSync(PG_ROOT)) return undefined;
	const versions = fs
		.readdirSync(PG_ROOT)
		.filter((v) => fs.existsSync(`${PG_ROOT}/${v}/bin/initdb`))
		.sort((a, b) => Number(b) - Number(a));
	return versions[0] ? `${PG_ROOT}/${versions[0]}/bin` : undefined;
}

function onPath(name: string): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/bin', '/usr/sbin'])) {
		if (dir && fs.existsSync(`${dir}/${name}`)) return `${dir}/${name}`;
	}
	return undefined;
}

/**
 * Finds PostgreSQL and Redis, installing the Debian packages when they are missing. CI runs as
 * root on a fresh machine; elsewhere a missing package is an error that says what to install.
 * Another process may hold the dpkg lock (a browser install for the UI tests), so apt waits for it.
 */
export async function ensureSystemTools(log: (line: string) => void): Promise<SystemTools> {
	const started = Date.now();
	const missing: string[] = [];
	if (!findPgBin() || !onPath('psql')) missing.push('postgresql');
	if (!onPath('redis-server')) missing.push('redis-server');
	if (missing.length > 0) {
		if (process.getuid?.() !== 0) {
			throw new Error(
				`missing Debian packages: ${missing.join(' ')} (run: sudo apt-get install -y ${missing.join(' ')})`,
			);
		}
		log(`apt-get install ${missing.join(' ')}`);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		const lock = ['-o', 'DPkg::Lock::Timeout=900'];
		const update = await runCommand('apt-get', [...lock, 'update'], { env }, 900_000);
		if (update.code !== 0)
			throw new Error(`apt-get update failed:\n${update.stdout}\n${update.stderr}`);
		const install = await runCommand(
			'apt-get',
			[...lock, 'install', '-y', '--no-install-recommends', ...missing],
			{ env },
			900_000,
		);
		if (install.code !== 0)
			throw new Error(`apt-get install failed:\n${install.stdout}\n${install.stderr}`);
	}
	const pgBin = findPgBin();
	const redisServer = onPath('redis-server');
	const psql = onPath('psql');
	if (!pgBin || !redisServer || !psql)
		throw new Error('postgresql or redis-server still missing after apt-get install');
	return { pgBin, redisServer, psql, installMs: missing.length > 0 ? Date.now() - started : 0 };
}

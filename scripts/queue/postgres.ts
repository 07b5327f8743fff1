import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePorts } from '../../test/e2e/lib/ports';
import { delay, runCommand, startProcess } from '../../test/e2e/lib/processes';
import type { Managed } from '../../test/e2e/lib/processes';

export const PG_DATABASE = 'n8n';
export const PG_USER = 'n8n';
export const PG_PASSWORD = 'n8n-queue-test';

/**
 * A throwaway PostgreSQL cluster: its own data folder under the OS temp dir, 127.0.0.1 and a free
 * port only, no durability (fsync off; it lives for one run). PostgreSQL refuses to run as root, so
 * as root it runs as Debian's `postgres` user.
 */
export class Postgres {
	port = 0;
	readonly dir: string;
	private proc?: Managed;

	constructor(
		private readonly pgBin: string,
		private readonly psqlPath: string,
		private readonly log: (line: string) => void,
	) {
		this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smsc-queue-pg-'));
	}

	private asOwner(cmd: string, args: string[]): [string, string[]] {
		return process.getuid?.() === 0
			? ['runuser', ['-u', 'postgres', '--', cmd, ...args]]
			: [cmd, args];
	}

	async start(): Promise<void> {
		if (process.getuid?.() === 0) {
			fs.chmodSync(this.dir, 0o755);
			await runCommand('chown', ['postgres:postgres', this.dir]);
		}
		const data = path.join(this.dir, 'data');
		const pwFile = path.join(this.dir, 'pw');
		fs.writeFileSync(pwFile, PG_PASSWORD);
		if (process.getuid?.() === 0) await runCommand('chown', ['postgres:postgres', pwFile]);
		const [cmd, args] = this.asOwner(path.join(this.pgBin, 'initdb'), [
			'-D',
			data,
			'-U',
			'postgres',
			'--auth=trust',
			'-E',
			'UTF8',
			'--locale=C',
			'--no-sync',
		]);
		const init = await runCommand(cmd, args, {}, 120_000);
		if (init.code !== 0) throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);

		[this.port] = await freePorts(1);
		const [pcmd, pargs] = this.asOwner(path.join(this.pgBin, 'postgres'), [
			'-D',
			data,
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			`port=${this.port}`,
			'-c',
			`unix_socket_directories=${this.dir}`,
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'max_connections=200',
		]);
		this.proc = startProcess('postgres', pcmd, pargs, {
			onLine: (line) => this.log(`[postgres] ${line}`),
		});
		const deadline = Date.now() + 60_000;
		for (;;) {
			const ready = await runCommand(
				path.join(this.pgBin, 'pg_isready'),
				['-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres'],
				{},
				10_000,
			);
			if (ready.code === 0) break;
			if (this.proc.child.exitCode !== null || Date.now() > deadline) {
				throw new Error(`postgres did not start:\n${this.proc.output()}`);
			}
			await delay(200);
		}
		await this.sql(`CREATE USER ${PG_USER} PASSWORD '${PG_PASSWORD}'`, 'postgres');
		await this.sql(`CREATE DATABASE ${PG_DATABASE} OWNER ${PG_USER}`, 'postgres');
	}

	/** Runs SQL through psql over TCP (the way an operator would look), returning unaligned rows. */
	async sql(query: string, database = PG_DATABASE): Promise<string[]> {
		const user = database === 'postgres' ? 'postgres' : PG_USER;
		const result = await runCommand(
			this.psqlPath,
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(this.port),
				'-U',
				user,
				'-d',
				database,
				'-v',
				'ON_ERROR_STOP=1',
				'-At',
				'-c',
				query,
			],
			{ env: { ...process.env, PGPASSWORD: PG_PASSWORD } },
			60_000,
		);
		if (result.code !== 0) throw new Error(`psql failed (${query}):\n${result.stderr}`);
		return result.stdout.split('\n').filter((line) => line !== '');
	}

	async stop(): Promise<void> {
		// SIGINT is PostgreSQL's fast shutdown: it does not wait for clients to disconnect.
		if (this.proc?.child.pid) {
			try {
				process.kill(-this.proc.child.pid, 'SIGINT');
			} catch {
				// already gone
			}
		}
		await this.proc?.stop();
		this.proc = undefined;
		fs.rmSync(this.dir, { recursive: true, force: true });
	}
}

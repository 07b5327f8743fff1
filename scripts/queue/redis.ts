import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePorts } from '../../test/e2e/lib/ports';
import { startProcess } from '../../test/e2e/lib/processes';
import type { Managed } from '../../test/e2e/lib/processes';

/** A throwaway redis-server: 127.0.0.1, a free port, nothing written to disk. */
export class Redis {
	port = 0;
	private proc?: Managed;
	private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smsc-queue-redis-'));

	constructor(
		private readonly bin: string,
		private readonly log: (line: string) => void,
	) {}

	async start(): Promise<void> {
		[this.port] = await freePorts(1);
		let ready: () => void = () => undefined;
		const seen = new Promise<void>((resolve) => (ready = resolve));
		this.proc = startProcess(
			'redis',
			this.bin,
			[
				'--port',
				String(this.port),
				'--bind',
				'127.0.0.1',
				'--save',
				'',
				'--appendonly',
				'no',
				'--dir',
				this.dir,
			],
			{
				onLine: (line) => {
					this.log(`[redis] ${line}`);
					if (/Ready to accept connections/.test(line)) ready();
				},
			},
		);
		const proc = this.proc;
		const outcome = await Promise.race([
			seen.then(() => 'ready'),
			proc.exited.then(() => 'exited'),
			new Promise((resolve) => setTimeout(() => resolve('timeout'), 30_000).unref()),
		]);
		if (outcome !== 'ready')
			throw new Error(`redis-server did not start (${String(outcome)}):\n${proc.output()}`);
	}

	async stop(): Promise<void> {
		await this.proc?.stop();
		this.proc = undefined;
		fs.rmSync(this.dir, { recursive: true, force: true });
	}
}

import { freePorts } from '../../test/e2e/lib/ports';
import { N8n } from '../../test/e2e/lib/n8n';
import type { N8nOptions } from '../../test/e2e/lib/n8n';
import { installPackedPackage } from '../../test/e2e/lib/pack';
import type { PackedPackage } from '../../test/e2e/lib/pack';
import { delay, startProcess } from '../../test/e2e/lib/processes';
import type { Managed } from '../../test/e2e/lib/processes';
import { PG_DATABASE, PG_PASSWORD, PG_USER } from './postgres';

export interface QueueSettings {
	redisPort: number;
	postgresPort: number;
	/** Base URL of the webhook processor, where SMSC's callbacks go (WEBHOOK_URL). */
	webhookBaseUrl: string;
}

/**
 * The settings every process of a queue-mode n8n shares: one database, one Redis, one encryption
 * key (the e2e lib's fixed key, set by N8n.env()). Everything else stays per process.
 */
function queueEnv(s: QueueSettings): NodeJS.ProcessEnv {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(s.redisPort),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(s.postgresPort),
		DB_POSTGRESDB_DATABASE: PG_DATABASE,
		DB_POSTGRESDB_USER: PG_USER,
		DB_POSTGRESDB_PASSWORD: PG_PASSWORD,
		// n8n's default pool of 2 connections per process makes callbacks wait for the database
		// (20 s, then "There was a problem executing the workflow") when many arrive at once.
		DB_POSTGRESDB_POOL_SIZE: '10',
		WEBHOOK_URL: `${s.webhookBaseUrl}/`,
		// A restarted worker waits this long for its running executions before it stops.
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '20',
	};
}

/** One n8n process of the cluster: its own user folder (with the package unpacked, as every
 * container of a real deployment has it), its own ports, the shared queue settings. */
export class QueueN8n extends N8n {
	constructor(
		options: N8nOptions,
		private readonly settings: QueueSettings,
		private readonly extra: NodeJS.ProcessEnv = {},
	) {
		super(options);
	}

	override env(): NodeJS.ProcessEnv {
		return { ...super.env(), ...queueEnv(this.settings), ...this.extra };
	}
}

export type Role = 'main' | 'webhook' | `worker${number}`;

/** A worker or webhook processor: `n8n worker` / `n8n webhook` with the cluster's settings. */
export class QueueProcess {
	proc?: Managed;
	/** Every line it printed since the cluster started, across restarts. */
	readonly lines: string[] = [];

	constructor(
		readonly role: Role,
		readonly n8n: QueueN8n,
		private readonly args: string[],
		private readonly log: (line: string) => void,
	) {}

	get baseUrl(): string {
		return this.n8n.baseUrl;
	}

	async start(timeoutMs = 120_000): Promise<void> {
		if (!this.n8n.port) await this.n8n.choosePorts();
		const proc = startProcess(this.role, process.execPath, [this.n8n.bin, ...this.args], {
			env: this.n8n.env(),
			cwd: this.n8n.userFolder,
			onLine: (line) => {
				this.lines.push(line);
				this.log(`[${this.role}] ${line}`);
			},
		});
		this.proc = proc;
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (proc.child.exitCode !== null)
				throw new Error(`${this.role} exited ${proc.child.exitCode}:\n${proc.output()}`);
			if (await this.ready()) return;
			if (Date.now() > deadline)
				throw new Error(`${this.role} did not become ready:\n${proc.output()}`);
			await delay(250);
		}
	}

	/**
	 * Ready when n8n says it takes work (a worker once it listens to the queue, the webhook
	 * processor once it listens for requests) and its readiness check (database and Redis) passes.
	 */
	private async ready(): Promise<boolean> {
		const said =
			this.role === 'webhook' ? 'Webhook listener waiting for requests' : 'n8n worker is now ready';
		if (!(this.proc?.output() ?? '').includes(said)) return false;
		try {
			const res = await fetch(`${this.baseUrl}/healthz/readiness`, {
				signal: AbortSignal.timeout(2000),
			});
			await res.arrayBuffer();
			return res.ok;
		} catch {
			return false;
		}
	}

	async stop(): Promise<void> {
		await this.proc?.stop();
		this.proc = undefined;
	}
}

export interface Cluster {
	main: QueueN8n;
	webhook: QueueProcess;
	workers: QueueProcess[];
	stop(): Promise<void>;
}

/**
 * Builds main + webhook processor + workers over the given Postgres and Redis. Main runs the
 * database migrations, so it comes up first; the others follow in parallel.
 */
export async function startCluster(opts: {
	bin: string;
	pkg: PackedPackage;
	redisPort: number;
	postgresPort: number;
	workers: number;
	workerConcurrency: number;
	log: (line: string) => void;
	/** Runs after main's user folder exists and before main starts (imports, publishing). */
	beforeMainStart?: (main: QueueN8n) => Promise<void>;
}): Promise<Cluster> {
	const [webhookPort, webhookBroker] = await freePorts(2);
	const settings: QueueSettings = {
		redisPort: opts.redisPort,
		postgresPort: opts.postgresPort,
		webhookBaseUrl: `http://127.0.0.1:${webhookPort}`,
	};
	const make = async (extra: NodeJS.ProcessEnv = {}): Promise<QueueN8n> => {
		const n8n = new QueueN8n({ bin: opts.bin, log: opts.log }, settings, extra);
		await installPackedPackage(opts.pkg, n8n.userFolder);
		return n8n;
	};
	const main = await make();
	await main.choosePorts();
	const webhookN8n = await make({ QUEUE_HEALTH_CHECK_ACTIVE: 'true' });
	webhookN8n.port = webhookPort;
	webhookN8n.brokerPort = webhookBroker;
	const webhook = new QueueProcess('webhook', webhookN8n, ['webhook'], opts.log);
	const workers: QueueProcess[] = [];
	for (let i = 1; i <= opts.workers; i++) {
		// A worker serves /healthz on its own port; its task runner broker needs another.
		const [port, broker] = await freePorts(2);
		const n8n = await make({
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(port),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		});
		n8n.port = port;
		n8n.brokerPort = broker;
		workers.push(
			new QueueProcess(
				`worker${i}`,
				n8n,
				['worker', `--concurrency=${opts.workerConcurrency}`],
				opts.log,
			),
		);
	}
	const stop = async () => {
		await Promise.allSettled([webhook.stop(), ...workers.map((w) => w.stop()), main.stop()]);
		for (const n8n of [main, webhookN8n, ...workers.map((w) => w.n8n)]) n8n.removeUserFolder();
	};
	try {
		await opts.beforeMainStart?.(main);
		await main.start();
		await Promise.all([webhook.start(), ...workers.map((w) => w.start())]);
	} catch (error) {
		await stop();
		throw error;
	}
	return { main, webhook, workers, stop };
}

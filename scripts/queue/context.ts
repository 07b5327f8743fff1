import type { N8nApi } from '../../test/e2e/lib/api';
import type { EmulatorProcess } from '../../test/e2e/lib/emulator';
import { delay } from '../../test/e2e/lib/processes';
import type { Checks } from './check';
import type { Cluster } from './cluster';
import type { Postgres } from './postgres';

export interface QueueContext {
	cluster: Cluster;
	api: N8nApi;
	emulator: EmulatorProcess;
	pg: Postgres;
	checks: Checks;
}

/**
 * Which worker ran an execution, from the workers' own logs: a worker logs the execution id of
 * every job it takes from the queue. Each worker's output is kept separately, so the log a line
 * came from names the worker; nothing is inferred from timing.
 */
export const WORKER_STARTED = /Worker started execution (\d+)/;

export function workerOf(cluster: Cluster): Map<string, string[]> {
	const byExecution = new Map<string, string[]>();
	for (const worker of cluster.workers) {
		for (const line of worker.lines) {
			const m = WORKER_STARTED.exec(line);
			if (!m) continue;
			const list = byExecution.get(m[1]) ?? [];
			list.push(worker.role);
			byExecution.set(m[1], list);
		}
	}
	return byExecution;
}

export interface ExecutionRow {
	id: string;
	status: string;
	mode: string;
	startedAt: number;
	stoppedAt: number;
}

/** A workflow's executions straight from Postgres. */
export async function executionRows(pg: Postgres, workflowId: string): Promise<ExecutionRow[]> {
	const rows = await pg.sql(
		`SELECT id, status, mode, COALESCE(extract(epoch from "startedAt") * 1000, 0), COALESCE(extract(epoch from "stoppedAt") * 1000, 0) ` +
			`FROM execution_entity WHERE "workflowId" = '${workflowId}' ORDER BY id`,
	);
	return rows.map((row) => {
		const [id, status, mode, startedAt, stoppedAt] = row.split('|');
		return { id, status, mode, startedAt: Number(startedAt), stoppedAt: Number(stoppedAt) };
	});
}

export const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/** Waits until at least `count` executions of the workflow have finished (or the time is up). */
export async function finishedExecutions(
	pg: Postgres,
	workflowId: string,
	count: number,
	timeoutMs: number,
): Promise<ExecutionRow[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const rows = await executionRows(pg, workflowId);
		if (rows.filter((r) => FINISHED.has(r.status)).length >= count || Date.now() > deadline)
			return rows;
		await delay(500);
	}
}

/**
 * What one run of the node keeps between its items. The router makes one per run and hands it to
 * every item's execute, so nothing outlives the run and nothing is keyed by n8n's context object.
 * Items often ask for the same list, and SMSC refuses the fourth identical phones.php request
 * within a minute (error 9): a run asks SMSC once and its items share the answer.
 */
export class RunState {
	private readonly kept = new Map<string, unknown>();

	/** The value kept under `key` in this run, made by `make` the first time it is asked for. */
	once<T>(key: string, make: () => T): T {
		if (!this.kept.has(key)) this.kept.set(key, make());
		return this.kept.get(key) as T;
	}
}

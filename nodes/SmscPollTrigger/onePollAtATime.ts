/**
 * n8n starts a workflow's next poll on schedule even while the previous one is still waiting for
 * SMSC. Two polls that overlap read the same cursor from the workflow's static data and emit the
 * same messages twice (seen in queue mode, where the main process runs every poll). A poll that
 * finds another one of the same trigger still running does nothing; the next poll picks up where
 * the running one stops.
 */
const running = new Set<string>();

/** Runs `poll` unless a poll of the same trigger node is running; then returns `skipped`. */
export async function onePollAtATime<T>(
	key: string,
	skipped: T,
	poll: () => Promise<T>,
): Promise<T> {
	if (running.has(key)) return skipped;
	running.add(key);
	try {
		return await poll();
	} finally {
		running.delete(key);
	}
}

/**
 * Runs `task` for every index below `count` with at most `concurrency` running at once, in index
 * order. Workers stop taking new work once `shouldStop` says so; running tasks always finish.
 */
export async function runPool(
	count: number,
	concurrency: number,
	task: (index: number) => Promise<void>,
	shouldStop: () => boolean = () => false,
): Promise<void> {
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < count && !shouldStop()) {
			const index = next++;
			await task(index);
		}
	};
	const workers: Array<Promise<void>> = [];
	for (let i = 0; i < Math.min(concurrency, count); i++) workers.push(worker());
	await Promise.all(workers);
}

import { runPool } from '../../../../nodes/Smsc/send/pool';

describe('runPool', () => {
	it('never runs more than the concurrency and runs every task once, in order of start', async () => {
		let running = 0;
		let peak = 0;
		const started: number[] = [];
		await runPool(20, 4, async (index) => {
			started.push(index);
			running++;
			peak = Math.max(peak, running);
			await new Promise((resolve) => setImmediate(resolve));
			running--;
		});
		expect(peak).toBe(4);
		expect(started).toEqual(Array.from({ length: 20 }, (_, i) => i));
	});

	it('stops starting tasks once asked, letting running ones finish', async () => {
		let stop = false;
		const done: number[] = [];
		await runPool(
			10,
			2,
			async (index) => {
				await new Promise((resolve) => setImmediate(resolve));
				if (index === 3) stop = true;
				done.push(index);
			},
			() => stop,
		);
		expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
	});
});

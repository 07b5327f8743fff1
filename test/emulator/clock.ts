/**
 * Emulator clock and scheduler. Time is `Date.now() + offset` (real mode, the default) or a frozen
 * value that only moves with `advance()` (manual mode). Scheduled jobs live in a binary heap, so
 * scheduling and firing are O(log n); one real timer is armed for the earliest job.
 */
interface Job {
	at: number;
	seq: number;
	fn: () => void;
}

export class Clock {
	private offset = 0;
	private manual: boolean;
	private frozen: number;
	private heap: Job[] = [];
	private seq = 0;
	private timer: NodeJS.Timeout | undefined;
	private timerAt = Infinity;
	private running = false;
	private closed = false;

	constructor(opts: { manual?: boolean; start?: number } = {}) {
		this.manual = !!opts.manual;
		this.frozen = opts.start ?? Date.now();
		if (opts.start !== undefined && !this.manual) this.offset = opts.start - Date.now();
	}

	now(): number {
		return this.manual ? this.frozen + this.offset : Date.now() + this.offset;
	}

	isManual(): boolean {
		return this.manual;
	}

	setManual(manual: boolean): void {
		const now = this.now();
		this.manual = manual;
		this.offset = 0;
		if (manual) this.frozen = now;
		else this.offset = now - Date.now();
		this.arm();
	}

	/** Run `fn` when the emulator time reaches `at` (ms). */
	at(at: number, fn: () => void): void {
		const job = { at, seq: this.seq++, fn };
		const h = this.heap;
		h.push(job);
		let i = h.length - 1;
		while (i > 0) {
			const p = (i - 1) >> 1;
			if (less(h[p], h[i])) break;
			[h[p], h[i]] = [h[i], h[p]];
			i = p;
		}
		if (at < this.timerAt) this.arm();
	}

	after(ms: number, fn: () => void): void {
		this.at(this.now() + ms, fn);
	}

	pending(): number {
		return this.heap.length;
	}

	/** Move time forward by `ms` and run every job that became due, in time order. */
	advance(ms: number): number {
		if (!(ms >= 0)) throw new Error('advance: ms must be a non-negative number');
		this.offset += ms;
		this.runDue();
		return this.now();
	}

	close(): void {
		this.closed = true;
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		this.heap = [];
	}

	private pop(): Job {
		const h = this.heap;
		const top = h[0];
		const last = h.pop()!;
		if (h.length > 0) {
			h[0] = last;
			let i = 0;
			for (;;) {
				const l = 2 * i + 1;
				const r = l + 1;
				let m = i;
				if (l < h.length && less(h[l], h[m])) m = l;
				if (r < h.length && less(h[r], h[m])) m = r;
				if (m === i) break;
				[h[m], h[i]] = [h[i], h[m]];
				i = m;
			}
		}
		return top;
	}

	private runDue(): void {
		if (this.running) return;
		this.running = true;
		try {
			while (this.heap.length > 0 && this.heap[0].at <= this.now()) {
				const job = this.pop();
				try {
					job.fn();
				} catch (err) {
					// a failing job must not stop the clock
					console.error('[smsc-emulator] scheduled job failed:', err);
				}
			}
		} finally {
			this.running = false;
		}
		this.arm();
	}

	private arm(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		this.timerAt = Infinity;
		if (this.closed || this.manual || this.heap.length === 0) return;
		const at = this.heap[0].at;
		const delay = Math.min(Math.max(0, at - this.now()), 2 ** 31 - 1);
		this.timerAt = at;
		this.timer = setTimeout(() => {
			this.timer = undefined;
			this.timerAt = Infinity;
			this.runDue();
		}, delay);
		this.timer.unref();
	}
}

function less(a: Job, b: Job): boolean {
	return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

const MAX_RANGES = 20;

/** Ascending item indexes as "items 0–199, 300, 450–499", shortened when there are many gaps. */
export function describeItems(indexes: number[]): string {
	if (indexes.length === 0) return 'no items';
	const sorted = [...indexes].sort((a, b) => a - b);
	const ranges: string[] = [];
	let start = sorted[0];
	let previous = start;
	let total = 0;
	const flush = (): void => {
		total++;
		if (ranges.length < MAX_RANGES)
			ranges.push(start === previous ? `${start}` : `${start}–${previous}`);
	};
	for (let i = 1; i < sorted.length; i++) {
		if (sorted[i] === previous + 1) {
			previous = sorted[i];
			continue;
		}
		flush();
		start = previous = sorted[i];
	}
	flush();
	const more = total > ranges.length ? ` and ${total - ranges.length} more ranges` : '';
	return `${sorted.length === 1 ? 'item' : 'items'} ${ranges.join(', ')}${more}`;
}

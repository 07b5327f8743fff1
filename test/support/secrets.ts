/**
 * Every string reachable from a value: own enumerable and non-enumerable properties, `cause`
 * chains, getters' current values, Maps and Sets. Used to prove no secret hides anywhere in an error.
 */
export function reachableStrings(root: unknown, limit = 200_000): string[] {
	const out: string[] = [];
	const seen = new Set<unknown>();
	const stack: unknown[] = [root];
	while (stack.length && out.length < limit) {
		const value = stack.pop();
		if (typeof value === 'string') {
			out.push(value);
			continue;
		}
		if (
			value === null ||
			(typeof value !== 'object' && typeof value !== 'function') ||
			seen.has(value)
		)
			continue;
		seen.add(value);
		if (Buffer.isBuffer(value)) {
			out.push(value.toString('utf8'));
			continue;
		}
		if (value instanceof Map || value instanceof Set) {
			for (const entry of value instanceof Map ? value.entries() : value.values())
				stack.push(entry);
			continue;
		}
		for (const key of Object.getOwnPropertyNames(value)) {
			out.push(key);
			try {
				stack.push((value as Record<string, unknown>)[key]);
			} catch {
				// a throwing getter holds nothing we could leak
			}
		}
	}
	return out;
}

export function findSecrets(value: unknown, secrets: string[]): string[] {
	const strings = reachableStrings(value);
	return secrets.filter((secret) => strings.some((s) => s.includes(secret)));
}

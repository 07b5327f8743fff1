/**
 * Command-line flags of the repository's scripts (bench, bench:trigger, bench:server, test:queue):
 * `--name value` or `--name=value`, else an environment variable, else a fallback.
 */
export type Flags = (flag: string, env?: string, fallback?: string) => string | undefined;

export function flags(argv: string[]): Flags {
	const given = new Map<string, string>();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) continue;
		const [name, inline] = arg.slice(2).split('=');
		given.set(name, inline ?? argv[++i] ?? '');
	}
	return (flag, env, fallback) =>
		given.get(flag) ?? (env ? process.env[env] : undefined) ?? fallback;
}

export function wholeNumber(value: string | undefined, what: string): number {
	const number = Number(value);
	if (!Number.isInteger(number) || number <= 0)
		throw new Error(`${what} must be a positive whole number, not ${value}`);
	return number;
}

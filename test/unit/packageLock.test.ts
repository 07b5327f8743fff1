import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The lock must not depend on what a registry mirror served the day it was written: a lock
 * regenerated on a mirror that lacked some platform's optional binaries makes `npm ci` fail (or
 * `npm install` rewrite the lock) on the next machine that sees them. So every optional dependency
 * a locked package declares is locked too, and the platform bindings cover linux, darwin and win32.
 */
type LockEntry = { optionalDependencies?: Record<string, string>; os?: string[] };
const lock = JSON.parse(readFileSync(join(__dirname, '../../package-lock.json'), 'utf8')) as {
	lockfileVersion: number;
	packages: Record<string, LockEntry>;
};
const packages = lock.packages;

/** Where Node would find `name` from the package at `from` (its own node_modules, then upwards). */
function resolve(from: string, name: string): string | undefined {
	let base = from;
	for (;;) {
		const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
		if (candidate in packages) return candidate;
		if (!base) return undefined;
		const up = base.lastIndexOf('/node_modules/');
		base = up >= 0 ? base.slice(0, up) : '';
	}
}

const withOptional = Object.entries(packages).filter(
	([path, entry]) => path !== '' && entry.optionalDependencies,
);

describe('package-lock.json', () => {
	it('is a version 3 lock', () => {
		expect(lock.lockfileVersion).toBe(3);
	});

	it('locks every optional dependency of every locked package', () => {
		const missing = withOptional.flatMap(([path, entry]) =>
			Object.keys(entry.optionalDependencies!)
				.filter((name) => !resolve(path, name))
				.map((name) => `${path} -> ${name}`),
		);
		expect(missing).toEqual([]);
	});

	// Packages that ship native bindings as per-platform optional packages (esbuild, unrs-resolver,
	// @parcel/watcher, …): each must have its linux, darwin and win32 bindings in the lock. A single
	// optional package for one system (fsevents, macOS only) is not such a set.
	const platformPackages = withOptional
		.map(([path, entry]) => ({
			path,
			oses: new Set(
				Object.keys(entry.optionalDependencies!).flatMap(
					(name) => packages[resolve(path, name) ?? '']?.os ?? [],
				),
			),
		}))
		.filter(({ oses }) => oses.size > 1);

	it('finds the packages with platform bindings', () => {
		expect(platformPackages.length).toBeGreaterThan(0);
	});

	it.each(['linux', 'darwin', 'win32'])('holds %s bindings for each of them', (os) => {
		expect(platformPackages.filter(({ oses }) => !oses.has(os)).map(({ path }) => path)).toEqual(
			[],
		);
	});
});

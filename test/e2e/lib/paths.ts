import * as path from 'node:path';

/** Repository root, whether this file runs from test/e2e/lib under jest or tsx. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/**
 * n8n installs and Node binaries live outside node_modules so `npm ci` of the package never
 * touches them (2+ GB each): one folder per n8n version, one per Node version.
 */
export const cacheRoot = path.join(repoRoot, '.cache');

/**
 * One folder per n8n version. 2.8.4 keeps `.cache/n8n`, where checkouts from before the lines
 * install it with the same marker and lock, so the shared cache holds it once.
 */
export function n8nCacheDir(version: string): string {
	return path.join(cacheRoot, version === '2.8.4' ? 'n8n' : `n8n-${version}`);
}

export function nodeCacheDir(version: string): string {
	return path.join(cacheRoot, `node-v${version}`);
}

import * as path from 'node:path';

/** Repository root, whether this file runs from test/e2e/lib under jest or tsx. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/**
 * n8n installs and Node binaries live outside node_modules so `npm ci` of the package never
 * touches them (2+ GB each): one folder per n8n version, one per Node version.
 */
export const cacheRoot = path.join(repoRoot, '.cache');

export function n8nCacheDir(version: string): string {
	return path.join(cacheRoot, `n8n-${version}`);
}

export function nodeCacheDir(version: string): string {
	return path.join(cacheRoot, `node-v${version}`);
}

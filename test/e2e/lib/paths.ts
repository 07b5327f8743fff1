import * as path from 'node:path';

/** Repository root, whether this file runs from test/e2e/lib under jest or tsx. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** n8n lives outside node_modules so `npm ci` of the package never touches it (2+ GB). */
export const n8nCacheDir = path.join(repoRoot, '.cache', 'n8n');

/** The newest n8n that still runs on Node 20; pinned exactly so the cache marker means something. */
export const N8N_VERSION = '2.8.4';

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

import { anchors, relativeLinks } from '../support/markdown';

/**
 * Every relative link in README.md and docs/*.md (a file, a folder, an #anchor) resolves, and
 * every page under docs/ is linked from the README.
 */
const root = join(__dirname, '../..');
const pages = [
	'README.md',
	...readdirSync(join(root, 'docs'))
		.filter((name) => name.endsWith('.md'))
		.map((name) => `docs/${name}`),
];
const links = pages.flatMap((page) =>
	relativeLinks(readFileSync(join(root, page), 'utf8')).map((target) => [page, target] as const),
);

describe('relative links in README.md and docs/', () => {
	it('links every page under docs/ from the README', () => {
		const fromReadme = new Set(
			links.filter(([page]) => page === 'README.md').map(([, target]) => target.split('#')[0]),
		);
		expect(pages.filter((page) => page !== 'README.md' && !fromReadme.has(page))).toEqual([]);
	});

	it.each(links)('%s → %s', (page, target) => {
		const [path, fragment] = target.split('#', 2);
		const file = path ? join(root, dirname(page), decodeURIComponent(path)) : join(root, page);
		expect(relative(root, file)).not.toMatch(/^\.\./);
		expect(existsSync(file)).toBe(true);
		if (fragment !== undefined) {
			expect(statSync(file).isFile() && file.endsWith('.md')).toBe(true);
			expect([...anchors(readFileSync(file, 'utf8'))]).toContain(fragment);
		}
	});
});

/**
 * A file of this repository named in a page (`nodes/…`, `test/…`, `credentials/…`) exists, so a
 * page cannot keep naming a file that a refactor moved.
 */
const named = pages.flatMap((page) =>
	[
		...readFileSync(join(root, page), 'utf8').matchAll(
			/(?:^|[\s`(])((?:nodes|test|credentials|examples)\/[\w./-]+\.(?:ts|md|json|mjs))/g,
		),
	].map((match) => [page, match[1]] as const),
);

describe('repository files named in README.md and docs/', () => {
	it.each(named)('%s names %s', (_page, path) => {
		expect(existsSync(join(root, path))).toBe(true);
	});
});

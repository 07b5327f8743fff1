import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Smsc } from '../../nodes/Smsc/Smsc.node';

/** The README's table of resources and operations must say exactly what the node offers. */
describe('README operations table', () => {
	const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
	const section = readme.slice(readme.indexOf('## Resources and operations'));
	const rows = new Map<string, string[]>();
	for (const line of section.split('\n')) {
		const match = /^\|\s*\*\*(.+?)\*\*\s*\|\s*(.+?)\s*\|$/.exec(line);
		if (match)
			rows.set(
				match[1],
				match[2].split(', ').map((name) => name.trim()),
			);
	}

	const properties = new Smsc().description.properties as INodeProperties[];
	const resources = (
		properties.find((p) => p.name === 'resource')!.options as INodePropertyOptions[]
	).map((option) => ({ name: option.name, value: option.value as string }));

	it('lists every resource of the node, and nothing else', () => {
		expect([...rows.keys()].sort()).toEqual(resources.map((r) => r.name).sort());
	});

	it.each(resources.map((r) => [r.name, r.value]))('lists every operation of %s', (name, value) => {
		const picker = properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(value),
		)!;
		const operations = (picker.options as INodePropertyOptions[]).map((option) => option.name);
		expect(rows.get(name)?.slice().sort()).toEqual(operations.slice().sort());
	});
});

/**
 * The nodes' and the credential's documentation links. n8n appends its own query (utm_source …) to
 * them, after a `#` when there is one, which breaks the fragment: so each points at a whole page, a
 * file of this repository, and that file must exist.
 */
describe('documentation links from the nodes and the credential', () => {
	const root = join(__dirname, '../..');
	const sources = [
		'nodes/Smsc/Smsc.node.json',
		'nodes/SmscTrigger/SmscTrigger.node.json',
		'nodes/SmscPollTrigger/SmscPollTrigger.node.json',
		'credentials/SmscApi.credentials.ts',
	];
	const links = sources.flatMap((file) =>
		[
			...readFileSync(join(root, file), 'utf8').matchAll(
				/https:\/\/github\.com\/n8n-nodes-smsc\/n8n-nodes-smsc[^'"\s]*/g,
			),
		].map((match) => [file, match[0]] as const),
	);

	it('finds a documentation link in every node and the credential', () => {
		expect(new Set(links.map(([file]) => file))).toEqual(new Set(sources));
	});

	it.each(links)('%s links to %s, a page without a fragment that exists', (_file, url) => {
		expect(url).not.toContain('#');
		const page = /^https:\/\/github\.com\/n8n-nodes-smsc\/n8n-nodes-smsc\/blob\/main\/(.+)$/.exec(
			url,
		);
		expect(page).not.toBeNull();
		expect(existsSync(join(root, page![1]))).toBe(true);
	});
});

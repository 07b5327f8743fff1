import * as fs from 'node:fs';
import * as path from 'node:path';
import { NEWEST_VERSIONS, examples } from '../../e2e/lib/examples';
import { repoRoot } from '../../e2e/lib/paths';
import { SMSC_NODE, SMSC_POLL_TRIGGER, SMSC_TRIGGER } from '../../e2e/lib/workflows';
import type { Workflow } from '../../e2e/lib/workflows';
import { Smsc } from '../../../nodes/Smsc/Smsc.node';
import { SmscPollTrigger } from '../../../nodes/SmscPollTrigger/SmscPollTrigger.node';
import { SmscTrigger } from '../../../nodes/SmscTrigger/SmscTrigger.node';

const saved = (file: string) =>
	JSON.parse(fs.readFileSync(path.join(repoRoot, 'examples', file), 'utf8')) as Workflow;

describe('examples/*.json', () => {
	it('are built at the version each SMSC node gives a node added today', () => {
		expect(NEWEST_VERSIONS).toEqual({
			[SMSC_NODE]: new Smsc().description.defaultVersion,
			[SMSC_TRIGGER]: new SmscTrigger().description.defaultVersion,
			[SMSC_POLL_TRIGGER]: new SmscPollTrigger().description.defaultVersion,
		});
	});

	it('hold every SMSC node at that version, as saved in the files users import', () => {
		const smscNodes = examples().flatMap((e) =>
			saved(e.file)
				.nodes.filter((n) => n.type in NEWEST_VERSIONS)
				.map((n) => ({ file: e.file, ...n })),
		);
		expect(smscNodes.length).toBeGreaterThanOrEqual(10);
		const older = smscNodes.filter((n) => n.typeVersion !== NEWEST_VERSIONS[n.type]);
		expect(older.map((n) => `${n.file}: ${n.name} at version ${n.typeVersion}`)).toEqual([]);
	});
});

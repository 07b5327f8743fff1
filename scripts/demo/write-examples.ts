/** Regenerates examples/*.json from test/e2e/lib/examples.ts. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exampleJson, examples } from '../../test/e2e/lib/examples';
import { repoRoot } from '../../test/e2e/lib/paths';

const dir = path.join(repoRoot, 'examples');
fs.mkdirSync(dir, { recursive: true });
for (const example of examples()) {
	fs.writeFileSync(path.join(dir, example.file), exampleJson(example));
	console.log(`examples/${example.file}: ${example.summary}`);
}

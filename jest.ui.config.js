/** `npm run test:ui`: n8n's editor in a real Chromium against the demo's stack. Kept out of
 * `npm test` (jest.config.js) because it needs a browser; CI runs it as its own step. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json' }];
module.exports = {
	testTimeout: 20 * 60 * 1000,
	projects: [
		{
			displayName: 'ui',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/ui/**/*.test.ts'],
			testTimeout: 20 * 60 * 1000,
		},
	],
};

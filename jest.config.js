/** Test projects: `unit` and `emulator` are fast; `integration` runs workflows through n8n-core
 * against the emulator; `e2e` drives a real n8n server (`npm run test:e2e` on one n8n line, `npm run test:compat` on
 * every line). `npm test` runs all but e2e. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json' }];
const project = (name, roots, extra = {}) => ({
	displayName: name,
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': tsJest },
	testMatch: roots.map((r) => `<rootDir>/test/${r}/**/*.test.ts`),
	...extra,
});
module.exports = {
	projects: [
		project('unit', ['unit']),
		project('emulator', ['emulator']),
		// each test runs whole workflows through n8n-core; a busy machine can take seconds for one
		project('integration', ['integration'], { testTimeout: 60_000 }),
		project('e2e', ['e2e'], { testTimeout: 20 * 60 * 1000 }),
	],
};

// tsc emits JavaScript only; n8n also needs the icons, the codex files (*.node.json) and the
// output schemas (__schema__/**/*.json) beside the compiled nodes in dist/.
const { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } = require('node:fs');
const { dirname } = require('node:path');
const { src, dest, parallel } = require('gulp');

// A file deleted from the source must not live on in dist/ and get published.
function clean(done) {
	rmSync('dist', { recursive: true, force: true });
	done();
}

function copyIcons() {
	return src('icons/*.{svg,png}').pipe(dest('dist/icons'));
}

function copyNodeAssets() {
	return src(['nodes/**/*.{svg,png}', 'nodes/**/*.node.json', 'nodes/**/__schema__/**/*.json'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

// The SMSC Trigger's version 2 emits what version 1 does: n8n's editor asks for __schema__/v2.0.0.json.
function copyTriggerSchemaForVersion2(done) {
	mkdirSync('dist/nodes/SmscTrigger/__schema__', { recursive: true });
	copyFileSync(
		'nodes/SmscTrigger/__schema__/v1.0.0.json',
		'dist/nodes/SmscTrigger/__schema__/v2.0.0.json',
	);
	done();
}

// The SMSC node's version 2 changed only some outputs (nodes/Smsc/actions/version.ts): every
// operation without a __schema__/v2.0.0 file of its own outputs what version 1 does.
function copySmscSchemasForVersion2(done) {
	const base = 'nodes/Smsc/__schema__';
	for (const file of readdirSync(`${base}/v1.0.0`, { recursive: true })) {
		const name = String(file);
		if (!name.endsWith('.json') || existsSync(`${base}/v2.0.0/${name}`)) continue;
		mkdirSync(dirname(`dist/${base}/v2.0.0/${name}`), { recursive: true });
		copyFileSync(`${base}/v1.0.0/${name}`, `dist/${base}/v2.0.0/${name}`);
	}
	done();
}

exports.clean = clean;
exports.build = parallel(
	copyIcons,
	copyNodeAssets,
	copyTriggerSchemaForVersion2,
	copySmscSchemasForVersion2,
);
exports.default = exports.build;

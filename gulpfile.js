// tsc emits JavaScript only; n8n also needs the icons, the codex files (*.node.json) and the
// output schemas (__schema__/**/*.json) beside the compiled nodes in dist/.
const { rmSync } = require('node:fs');
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

exports.clean = clean;
exports.build = parallel(copyIcons, copyNodeAssets);
exports.default = exports.build;

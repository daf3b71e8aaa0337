'use strict';
// File access for tests that keep a generated document in step with the code (README
// operations table, docs/*.md). Plain JS: n8n's lint forbids node:fs and process in .ts.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

module.exports = {
	readRepoFile: (relative) => fs.readFileSync(path.join(ROOT, relative), 'utf8'),
	writeRepoFile: (relative, text) => fs.writeFileSync(path.join(ROOT, relative), text),
	/** `UPDATE_DOCS=1` (or the older UPDATE_README=1) asks the test to rewrite the document. */
	updateRequested: () => process.env.UPDATE_DOCS === '1' || process.env.UPDATE_README === '1',
};

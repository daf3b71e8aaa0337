#!/usr/bin/env node
// `npm run scan`: n8n's check for verified community nodes (@n8n/scan-community-package),
// offline, on what `npm pack` produces — the tarball npm would publish.
//
// The scanner's CLI (`npx @n8n/scan-community-package <name>`) only scans a package that is
// already on the npm registry: it checks its npm provenance, downloads the attested GitHub
// source and the published tarball, and lints both. Offline, before publishing, this script
// runs the same lint on the same two legs with the scanner's own `analyzePackage` and rules:
//   1. the packed tarball: its compiled .js and its package.json;
//   2. the source, as the scanner lints the attested checkout: package.json and
//      {nodes,credentials}/**/*.{js,ts,json}.
// and checks the tarball holds what package.json's `n8n` section lists and nothing else
// that n8n would load. Canaries (a console.log planted in copies of a node) prove the rules
// really run on both legs. What cannot be checked before publishing is provenance: publish from
// GitHub Actions with `npm publish --provenance`.
//
//   npm run scan                 build, pack, scan
//   npm run scan -- --skip-build scan the current dist/ (test-all.sh builds just before)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { ROOT } from './runtime.mjs';

// The scanner makes a temporary folder when loaded; have its `tmp` remove it at exit.
const scannerRequire = createRequire(createRequire(import.meta.url).resolve('@n8n/scan-community-package/scanner/scanner.mjs'));
scannerRequire('tmp').setGracefulCleanup();
const scanner = await import('@n8n/scan-community-package/scanner/scanner.mjs');
const { analyzePackage, SOURCE_FILE_PATTERNS } = scanner;

const work = mkdtempSync(path.join(os.tmpdir(), 'relatel-scan-'));
const problems = [];

function log(message) {
	process.stdout.write(`${message}\n`);
}

function filesUnder(dir, base = dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? filesUnder(full, base) : [path.relative(base, full)];
	});
}

/** Runs one leg of the scan; records the ESLint report when it fails. */
async function scanLeg(label, dir, patterns) {
	const started = Date.now();
	const result = await analyzePackage(dir, patterns);
	if (result.message === 'No files found to analyze') {
		problems.push(`${label}: the scanner found no files to analyze (${patterns.join(', ')})`);
	} else if (!result.passed) {
		problems.push(`${label}: ${result.message}\n${result.details ?? ''}`);
	}
	log(`${result.passed ? '✅' : '❌'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	return result;
}

try {
	if (!process.argv.includes('--skip-build')) {
		execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
	}

	// 1. The tarball, as npm would publish it.
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
	);
	const tarball = path.join(work, packed.filename);
	const packageDir = path.join(work, 'package');
	execFileSync('tar', ['-xzf', tarball, '-C', work]);
	log(`Packed ${packed.id}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} kB`);

	// What n8n loads: every node and credential package.json lists is in the tarball, and no
	// node or credential in the tarball is left out of the list.
	const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	const files = filesUnder(packageDir);
	const listed = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
	if (listed.length === 0) problems.push('package.json lists no n8n nodes or credentials');
	for (const file of listed) if (!files.includes(file)) problems.push(`package.json lists ${file}, but the tarball has no such file`);
	for (const file of files.filter((f) => /\.(node|credentials)\.js$/.test(f))) {
		if (!listed.includes(file)) problems.push(`${file} is in the tarball but not listed in package.json's n8n section`);
	}
	const stray = files.filter((f) => !(f === 'package.json' || f === 'LICENSE' || f === 'LICENSE.md' || /^README/i.test(f) || f.startsWith('dist/')));
	if (stray.length) problems.push(`the tarball has files outside dist/: ${stray.join(', ')}`);
	if (Object.keys(manifest.dependencies ?? {}).length) {
		problems.push(`verified community nodes may not have runtime dependencies: ${Object.keys(manifest.dependencies).join(', ')}`);
	}

	await scanLeg('scanner on the tarball (compiled .js, package.json)', packageDir, ['**/*.js', 'package.json']);

	// 2. The source, as the scanner lints the checkout the provenance attests.
	await scanLeg(`scanner on the source (${SOURCE_FILE_PATTERNS.join(', ')})`, ROOT, SOURCE_FILE_PATTERNS);

	// 3. Canaries: both legs must fail on copies with a console.log planted in a node (a
	// compiled .js in the tarball, a .ts in the source), or the rules did not really run.
	const canaries = [
		{ label: 'tarball', from: packageDir, file: manifest.n8n.nodes[0], patterns: ['**/*.js', 'package.json'] },
		{ label: 'source', from: ROOT, file: 'nodes/Relatel/Relatel.node.ts', patterns: SOURCE_FILE_PATTERNS },
	];
	for (const { label, from, file, patterns } of canaries) {
		const dir = path.join(work, `canary-${label}`);
		cpSync(path.join(from, 'package.json'), path.join(dir, 'package.json'));
		cpSync(path.join(from, file), path.join(dir, file));
		writeFileSync(path.join(dir, file), `${readFileSync(path.join(dir, file), 'utf8')}\nconsole.log('canary');\n`);
		const canary = await analyzePackage(dir, patterns);
		if (canary.passed || !String(canary.details).includes('no-console')) {
			problems.push(`the ${label} canary (a console.log in ${file}) was not reported: the scanner's rules did not run`);
		} else {
			log(`✅ canary (${label}): a console.log planted in ${file} is reported`);
		}
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}

if (problems.length) {
	log(`\n❌ @n8n/scan-community-package: ${problems.length} problem(s)\n`);
	for (const problem of problems) log(`- ${problem}\n`);
	process.exit(1);
}
log('\n✅ Passed @n8n/scan-community-package (lint of tarball and source). Provenance is checked when published: use `npm publish --provenance` from GitHub Actions.');

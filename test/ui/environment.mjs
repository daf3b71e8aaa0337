// What the UI tests need: the pinned real n8n serving this package's build (CUSTOM.relatel)
// on a free loopback port, the sandbox (a local Relatel) on another, and headless Chromium
// from Debian's `chromium` package driven by playwright-core. n8n's log and the browser's
// console are collected so a test can fail on errors that mention our nodes.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { chromium, selectors } from 'playwright-core';

// n8n's editor marks its elements with data-test-id (getByTestId looks for data-testid).
selectors.setTestIdAttribute('data-test-id');

import { ensureN8n, freePort, prepareUserFolder, ROOT, RUNTIME_DIR, startN8n } from '../runtime/runtime.mjs';

const require = createRequire(import.meta.url);
const { startSandbox } = require('../sandbox/server.js');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS_DIR = path.join(ROOT, 'docs', 'screenshots');
export const UPDATE_SCREENSHOTS = ['1', 'true', 'yes'].includes(String(process.env.UPDATE_SCREENSHOTS ?? '').toLowerCase());
/** Screenshots of every run (also the ones not committed) land here, for looking at failures. */
export const ARTIFACTS_DIR = path.join(ROOT, 'test-results', 'ui');

export const OWNER = {
	email: 'owner@relatel-nodes.test',
	firstName: 'Mette',
	lastName: 'Owner',
	password: 'Relatel-UI-test-1',
};

/** Starts n8n with `env` on a free port; its output is kept in `log` (an array of lines). */
export async function startN8nWithLog(userFolder, env = {}) {
	const port = await freePort();
	const log = [];
	const n8n = await startN8n(userFolder, {
		port,
		stdio: 'pipe',
		env: { N8N_LOG_LEVEL: 'warn', N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}`, ...env },
	});
	for (const stream of [n8n.stdout, n8n.stderr]) {
		stream.setEncoding('utf8');
		stream.on('data', (chunk) => log.push(...chunk.split('\n').filter(Boolean)));
	}
	// /healthz answers while n8n still serves "n8n is starting up. Please wait": wait for
	// the editor's page and its settings.
	const started = Date.now();
	for (;;) {
		const settings = await fetch(`http://127.0.0.1:${port}/rest/settings`).catch(() => undefined);
		const editor = settings?.ok ? await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined) : undefined;
		if (editor?.ok && !/starting up/i.test(await editor.text())) break;
		if (Date.now() - started > 60_000) {
			n8n.kill('SIGKILL');
			throw new Error(`n8n's editor was not served within a minute:\n${log.join('\n')}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return {
		n8n,
		port,
		baseUrl: `http://127.0.0.1:${port}`,
		log,
		async stop() {
			if (n8n.exitCode !== null) return;
			const exited = new Promise((resolve) => n8n.once('exit', resolve));
			n8n.kill('SIGTERM');
			const timer = setTimeout(() => n8n.kill('SIGKILL'), 15_000);
			await exited;
			clearTimeout(timer);
		},
	};
}

export async function startUiEnvironment({ token = 'ui-access-token' } = {}) {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y --no-install-recommends chromium)`);
	}
	ensureN8n();
	const userFolder = mkdtempSync(path.join(os.tmpdir(), 'relatel-ui-'));
	prepareUserFolder(userFolder);
	const sandbox = await startSandbox({ port: await freePort(), token });
	let server;
	try {
		server = await startN8nWithLog(userFolder);
	} catch (error) {
		await sandbox.close();
		throw error;
	}
	const browser = await launchChromium(userFolder);
	return {
		userFolder,
		sandbox,
		token,
		...server,
		browser,
		async stop() {
			await browser.close().catch(() => {});
			await server.stop();
			await sandbox.close();
			rmSync(userFolder, { recursive: true, force: true });
		},
	};
}

/** Headless Chromium with a fresh profile (its --user-data-dir) in the user folder. */
export async function launchChromium(userFolder) {
	const profile = path.join(userFolder, 'chromium-profile');
	rmSync(profile, { recursive: true, force: true });
	mkdirSync(profile, { recursive: true });
	return await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		viewport: { width: 1440, height: 900 },
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-quic',
		],
	});
}

/**
 * A page that records console messages, page errors and failed or non-2xx responses, so
 * the test can assert none of them concerns our nodes.
 */
export async function openPage(browser) {
	const page = await browser.newPage();
	const events = { console: [], pageErrors: [], responses: [] };
	page.on('console', (message) => events.console.push({ type: message.type(), text: message.text(), url: message.location()?.url }));
	page.on('pageerror', (error) => events.pageErrors.push(String(error?.stack ?? error)));
	page.on('response', (response) => events.responses.push({ url: response.url(), status: response.status() }));
	page.on('requestfailed', (request) => events.responses.push({ url: request.url(), status: 0, failure: request.failure()?.errorText }));
	return { page, events };
}

/** Our names, as they can appear in console messages, n8n's log and icon URLs. */
export const OUR_NAMES = /relatel/i;

export function problemsAboutUs({ events, log = [] }) {
	const problems = [];
	for (const m of events.console) {
		if ((m.type === 'error' || m.type === 'warning') && (OUR_NAMES.test(m.text) || OUR_NAMES.test(m.url ?? ''))) {
			problems.push(`browser console ${m.type}: ${m.text}`);
		}
	}
	for (const e of events.pageErrors) if (OUR_NAMES.test(e)) problems.push(`page error: ${e}`);
	for (const r of events.responses) {
		if (OUR_NAMES.test(r.url) && (r.status === 0 || r.status >= 400)) problems.push(`HTTP ${r.status} ${r.url} ${r.failure ?? ''}`);
	}
	// n8n logs at level warn here, so any line naming our package, nodes or credentials is a
	// problem (n8n's own install folder is named after this package: not counted).
	for (const line of log) {
		if (OUR_NAMES.test(line.replaceAll(RUNTIME_DIR, '<n8n>'))) problems.push(`n8n log: ${line}`);
	}
	return problems;
}

/** Saves a screenshot under test-results/ui/, and under docs/screenshots/ with UPDATE_SCREENSHOTS=1. */
export async function screenshot(target, name, { commit = true, ...options } = {}) {
	mkdirSync(ARTIFACTS_DIR, { recursive: true });
	const file = path.join(ARTIFACTS_DIR, `${name}.png`);
	// Panels slide in: finish CSS transitions and animations before the picture.
	await target.screenshot({ path: file, animations: 'disabled', caret: 'hide', ...options });
	if (UPDATE_SCREENSHOTS && commit) {
		mkdirSync(SCREENSHOTS_DIR, { recursive: true });
		copyFileSync(file, path.join(SCREENSHOTS_DIR, `${name}.png`));
	}
	return file;
}

// What the UI tests need: the pinned real n8n serving this package's build (CUSTOM.relatel)
// on a free loopback port, the sandbox (a local Relatel) on another, and headless Chromium
// from Debian's `chromium` package driven by playwright-core. n8n's log, the browser's
// console and the editor's requests are collected so a test can fail on any console error
// (bar a short list of n8n's own noise), on failed requests for our nodes — list searches
// and options included, whose URLs do not name us — and on log lines that mention us.
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

/** n8n's editor requests that serve our nodes and credentials: descriptions, icons, options and list searches, credential tests. */
export const WATCHED_REQUESTS = /^\/(?:rest\/dynamic-node-parameters\/|rest\/node-types|rest\/credentials(?:\/|\?|$)|types\/|icons\/)/;

/**
 * A page that records console messages, page errors and failed or non-2xx responses, so
 * the test can assert none of them concerns our nodes. Each record carries `events.step`,
 * the step the test said it was in (see `problemsAboutUs`), and for watched requests the
 * request body (a list search names its node type there, not in its URL).
 */
export async function openPage(browser) {
	const page = await browser.newPage();
	const events = { step: 'start', console: [], pageErrors: [], responses: [] };
	page.on('console', (message) =>
		events.console.push({ step: events.step, type: message.type(), text: message.text(), url: message.location()?.url }),
	);
	page.on('pageerror', (error) => events.pageErrors.push(String(error?.stack ?? error)));
	const record = (request, status, failure) => {
		const url = new URL(request.url());
		const watched = WATCHED_REQUESTS.test(url.pathname);
		events.responses.push({
			step: events.step,
			method: request.method(),
			url: request.url(),
			path: url.pathname,
			status,
			failure,
			watched,
			body: watched ? (request.postData() ?? '') : '',
		});
	};
	page.on('response', (response) => record(response.request(), response.status()));
	page.on('requestfailed', (request) => record(request, 0, request.failure()?.errorText));
	return { page, events };
}

/** Our names, as they can appear in console messages, n8n's log, icon URLs and request bodies. */
export const OUR_NAMES = /relatel/i;

/**
 * Browser console errors that are n8n's own and say nothing about our nodes, seen in n8n
 * 2.40.7 on this machine. Everything else logged at level error fails the test. An entry
 * matches a message by its `text` and, when given, the `url` the console names.
 */
export const CONSOLE_NOISE = [
	{
		why: 'before set-up or sign-in the editor asks /rest/login whether someone is signed in',
		text: /^Failed to load resource: the server responded with a status of 401 \(Unauthorized\)$/,
		url: /^http:\/\/127\.0\.0\.1:\d+\/rest\/login$/,
	},
	{
		why: 'Settings → Community Nodes looks up published packages on api.npms.io (no internet here)',
		text: /^Failed to load resource: net::ERR_NAME_NOT_RESOLVED$/,
		url: /^https:\/\/api\.npms\.io\//,
	},
	{
		why: 'the same api.npms.io look-up, as n8n\'s community nodes store reports it',
		text: /^ResponseError: Can't connect to n8n\.\n[\s\S]*\/assets\/communityNodes\.store-/,
	},
];

/**
 * What went wrong that concerns our nodes, as a list of lines (empty when nothing did):
 * - every browser console error, except CONSOLE_NOISE (printed as ignored): the pages the
 *   tests open show our nodes and credentials, and a failing list search or options request
 *   logs an error that does not name us — and every console warning that names us;
 * - every uncaught page error;
 * - failed (no answer, or status >= 400) requests naming us in their URL or request body
 *   (list searches, options, credential tests name our node or credential type in the
 *   body), and any failed request for every node's types (/types/*, /rest/node-types) —
 *   but not one the page cancelled itself by navigating on (net::ERR_ABORTED, printed);
 * - n8n log lines naming us.
 */
export function problemsAboutUs({ events, log = [], report = console.log }) {
	const problems = [];
	const ignored = [];
	for (const m of events.console) {
		const where = `[${m.step}] browser console ${m.type}: ${m.text}${m.url ? ` (${m.url})` : ''}`;
		if (m.type === 'error') {
			const noise = CONSOLE_NOISE.find((n) => n.text.test(m.text) && (!n.url || n.url.test(m.url ?? '')) && !OUR_NAMES.test(m.text));
			if (noise) ignored.push(`${where} — ignored: ${noise.why}`);
			else problems.push(where);
		} else if (m.type === 'warning' && (OUR_NAMES.test(m.text) || OUR_NAMES.test(m.url ?? ''))) {
			problems.push(where);
		}
	}
	for (const e of events.pageErrors) problems.push(`page error: ${e}`);
	for (const r of events.responses) {
		if (r.status !== 0 && r.status < 400) continue;
		const ours = OUR_NAMES.test(r.url) || OUR_NAMES.test(r.body);
		const everyNode = r.watched && /^\/(?:types\/|rest\/node-types)/.test(r.path);
		if (!ours && !everyNode) continue;
		const where = `[${r.step}] HTTP ${r.status} ${r.method} ${r.url} ${r.failure ?? ''}${r.body ? ` body ${r.body.slice(0, 300)}` : ''}`;
		// The page itself cancelled it (it navigated on before the answer came): not a failure.
		if (r.status === 0 && r.failure === 'net::ERR_ABORTED') ignored.push(`${where} — ignored: cancelled by the page`);
		else problems.push(where);
	}
	// n8n logs at level warn here, so any line naming our package, nodes or credentials is a
	// problem (n8n's own install folder is named after this package: not counted).
	for (const line of log) {
		if (OUR_NAMES.test(line.replaceAll(RUNTIME_DIR, '<n8n>'))) problems.push(`n8n log: ${line}`);
	}
	if (ignored.length > 0) report(`Ignored as n8n's own noise (${ignored.length}):\n  ${ignored.join('\n  ')}`);
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

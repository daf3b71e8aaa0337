// What every E2E test needs: the pinned real n8n, a fresh user folder with this package's
// build linked in, the sandbox on a free port, and credentials pointing at it.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import {
	ensureN8n,
	executeWorkflow,
	importCredentials,
	importWorkflows,
	N8N_BIN,
	n8nEnv,
	prepareUserFolder,
	TYPE_PREFIX,
} from '../runtime/runtime.mjs';

const require = createRequire(import.meta.url);
const { startSandbox } = require('../sandbox/server.js');
const { CLIENT_ID, CLIENT_SECRET } = require('../sandbox/routes/oauth.js');

export const ACCESS_TOKEN_CREDENTIAL = { id: 'RelatelE2eToken1', name: 'Relatel (access token)' };
export const OAUTH2_CREDENTIAL = { id: 'RelatelE2eOAuth1', name: 'Relatel (OAuth2)' };

/** Node type names as n8n knows them in this runtime (`CUSTOM.relatel`). */
export const RELATEL = `${TYPE_PREFIX}.relatel`;
export const RELATEL_TRIGGER = `${TYPE_PREFIX}.relatelTrigger`;

/**
 * The sandbox, a fresh user folder and the credentials, imported in one n8n run:
 * - the access-token credential (ACCESS_TOKEN_CREDENTIAL, `token`);
 * - with `oauth2: true`, a Relatel OAuth2 credential (OAUTH2_CREDENTIAL) carrying a token
 *   the sandbox issued through the authorization-code flow (`env.oauthToken`);
 * - `credentials`: more access-token credentials `{ id, name, token }`, each with its own
 *   token the sandbox accepts, so a test can tell whose request is whose; one with a
 *   `baseUrl` points at that URL instead (e.g. a second sandbox) and its token is not added.
 * `importCredentials: false` skips the import (an n8n start) and only returns them as
 * `env.credentials`, for a test that creates them through a running n8n's REST API.
 */
export async function startEnvironment({ token = 'e2e-access-token', oauth2 = false, credentials = [], importCredentials: useCli = true } = {}) {
	ensureN8n();
	const userFolder = mkdtempSync(path.join(os.tmpdir(), 'relatel-e2e-'));
	prepareUserFolder(userFolder);
	const sandbox = await startSandbox({ token });
	const toImport = [
		{
			...ACCESS_TOKEN_CREDENTIAL,
			type: 'relatelApi',
			data: { accessToken: token, baseUrl: sandbox.baseUrl },
		},
	];
	for (const credential of credentials) {
		if (!credential.baseUrl) sandbox.state.tokens.add(credential.token);
		toImport.push({
			id: credential.id,
			name: credential.name,
			type: 'relatelApi',
			data: { accessToken: credential.token, baseUrl: credential.baseUrl ?? sandbox.baseUrl },
		});
	}
	let oauthToken;
	if (oauth2) {
		oauthToken = await authorizeOAuth2(sandbox);
		toImport.push(oauth2Credential(sandbox, oauthToken));
	}
	// Without the CLI import (`importCredentials: false`) a test creates them in a running n8n.
	if (useCli) await importCredentials(userFolder, toImport);
	return {
		sandbox,
		userFolder,
		oauthToken,
		credentials: toImport,
		importWorkflows: (workflows) => importWorkflows(userFolder, workflows),
		execute: (id) => executeWorkflow(userFolder, id),
		executeMany: (ids, extraEnv, options) => executeWorkflows(userFolder, ids, extraEnv, options),
		async stop() {
			await sandbox.close();
			rmSync(userFolder, { recursive: true, force: true });
		},
	};
}

/** n8n's OAuth callback, as the redirect URI registered with the (sandbox) application. */
export const OAUTH2_REDIRECT_URI = 'http://localhost:5678/rest/oauth2-credential/callback';

/**
 * The OAuth 2.0 authorization-code flow against the sandbox, as n8n's "Connect" button runs
 * it: GET /authorize answers 302 to the redirect URI with ?code=, POST /token (client
 * credentials in the body, n8n's `authentication: body`) exchanges the code for a token.
 */
export async function authorizeOAuth2(sandbox, { redirectUri = OAUTH2_REDIRECT_URI } = {}) {
	const authorize = new URL(`${sandbox.baseUrl}/authorize`);
	authorize.search = new URLSearchParams({
		client_id: CLIENT_ID,
		response_type: 'code',
		redirect_uri: redirectUri,
		state: 'e2e-state',
	}).toString();
	const redirect = await fetch(authorize, { redirect: 'manual' });
	if (redirect.status !== 302) throw new Error(`/authorize answered ${redirect.status}, not a redirect`);
	const back = new URL(redirect.headers.get('location'));
	if (`${back.origin}${back.pathname}` !== redirectUri || back.searchParams.get('state') !== 'e2e-state') {
		throw new Error(`/authorize redirected to ${back}, not back to ${redirectUri} with our state`);
	}
	const code = back.searchParams.get('code');
	const response = await fetch(`${sandbox.baseUrl}/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			client_id: CLIENT_ID,
			client_secret: CLIENT_SECRET,
			grant_type: 'authorization_code',
			code,
			redirect_uri: redirectUri,
		}),
	});
	const body = await response.json();
	if (response.status !== 200 || !body.access_token) throw new Error(`/token answered ${response.status}: ${JSON.stringify(body)}`);
	return body.access_token;
}

/** A Relatel OAuth2 API credential as n8n stores it after "Connect": the token in oauthTokenData. */
export function oauth2Credential(sandbox, accessToken) {
	return {
		...OAUTH2_CREDENTIAL,
		type: 'relatelOAuth2Api',
		data: {
			clientId: CLIENT_ID,
			clientSecret: CLIENT_SECRET,
			authUrl: `${sandbox.baseUrl}/authorize`,
			accessTokenUrl: `${sandbox.baseUrl}/token`,
			baseUrl: sandbox.baseUrl,
			grantType: 'authorizationCode',
			authentication: 'body',
			scope: '',
			authQueryParameters: '',
			oauthTokenData: { access_token: accessToken, token_type: 'Bearer' },
		},
	};
}

/**
 * `n8n execute-batch`: several workflows in ONE n8n process (each CLI start costs
 * 15–30 s), one after another — in the order n8n reads them from its database, not
 * necessarily the order of `ids` — never retried (a retry would send an SMS twice). Resolves
 * with each workflow's run data by id (`runs[id]`, as `n8n execute --rawOutput` gives it;
 * undefined when the run failed) and the batch summary (`summary.errors` says why;
 * `summary.executions[].executionTime` is each run's wall time in seconds, from n8n's
 * startedAt/stoppedAt). `concurrency`: how many workflows run at the same time (n8n's
 * --concurrency; each takes the next workflow when it is free). n8n gives each workflow at most
 * 3 minutes.
 */
export async function executeWorkflows(userFolder, ids, extraEnv = {}, { concurrency = 1 } = {}) {
	const snapshots = path.join(userFolder, 'batch-snapshots');
	const summaryFile = path.join(userFolder, 'batch-summary.json');
	rmSync(snapshots, { recursive: true, force: true });
	rmSync(summaryFile, { force: true });
	mkdirSync(snapshots, { recursive: true });
	const outcome = await new Promise((resolve) => {
		execFile(
			process.execPath,
			[
				N8N_BIN,
				'execute-batch',
				`--ids=${ids.join(',')}`,
				'--retries=0',
				`--concurrency=${concurrency}`,
				`--snapshot=${snapshots}`,
				`--output=${summaryFile}`,
			],
			{ env: n8nEnv(userFolder, extraEnv), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
			(error, stdout, stderr) => resolve({ code: error ? (error.code ?? null) : 0, signal: error?.signal ?? null, stdout, stderr }),
		);
	});
	// n8n writes the summary after the last run, before it shuts down. Without it the batch
	// did not finish; with it, a crash while shutting down (seen: SIGSEGV) is only reported.
	if (!existsSync(summaryFile)) {
		throw new Error(`n8n execute-batch ended (code ${outcome.code}, signal ${outcome.signal}) without a summary:\n${outcome.stdout}\n${outcome.stderr}`);
	}
	const { code, signal, stdout, stderr } = outcome;
	const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
	const runs = {};
	for (const id of ids) {
		const file = path.join(snapshots, `${id}-snapshot.json`);
		if (existsSync(file)) runs[id] = { data: JSON.parse(readFileSync(file, 'utf8')), stdout, stderr };
	}
	return { code, signal, summary, runs, stdout, stderr };
}

/** A workflow: Manual Trigger → each given node in a chain. Nodes get positions and ids. */
export function chainWorkflow(id, name, nodes, credential = ACCESS_TOKEN_CREDENTIAL) {
	const trigger = {
		id: `${id}-trigger`,
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const all = [
		trigger,
		...nodes.map((node, i) => ({
			id: `${id}-${i}`,
			typeVersion: 1,
			position: [220 * (i + 1), 0],
			type: RELATEL,
			credentials:
				node.type && node.type !== RELATEL
					? undefined
					: credential === OAUTH2_CREDENTIAL
						? { relatelOAuth2Api: credential }
						: { relatelApi: credential },
			...node,
		})),
	];
	const connections = {};
	for (let i = 0; i < all.length - 1; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, nodes: all, connections, settings: { executionOrder: 'v1' }, active: false, pinData: {} };
}

/** The output items of a node in an `n8n execute --rawOutput` result. */
export function outputOf(result, nodeName) {
	const runs = result.data?.data?.resultData?.runData?.[nodeName];
	if (!runs) throw new Error(`No run data for "${nodeName}". n8n said:\n${result.stdout}\n${result.stderr}`);
	return runs[0].data.main[0].map((item) => item.json);
}

/** The output items of a node (json and binary) in a run, e.g. for binary downloads. */
export function itemsOf(result, nodeName) {
	const runs = result.data?.data?.resultData?.runData?.[nodeName];
	if (!runs) throw new Error(`No run data for "${nodeName}". n8n said:\n${result.stdout}\n${result.stderr}`);
	return runs[0].data.main[0];
}

/** The sandbox's API requests, as `METHOD /path` without the /api/v2 prefix. */
export function requestLines(requests) {
	return requests.map((r) => `${r.method} ${r.path.replace('/api/v2', '')}`);
}

/**
 * The owner's session with a running n8n, through the REST API the editor uses: sets up
 * the owner account (a fresh instance has none) and keeps its cookie.
 * - `publish(ids)` publishes (activates) workflows as the editor's Publish button does
 *   (POST /rest/workflows/:id/activate with the current version). n8n 2.x's
 *   `import:workflow` always imports workflows unpublished, and `publish:workflow` costs an
 *   n8n start per workflow; this costs a few HTTP requests.
 * - `createCredential` and `createWorkflow` save them as the editor does (a workflow keeps
 *   its id; a credential gets one from n8n, which `createCredential` resolves with).
 * - `executions(workflowId)` lists a workflow's executions, newest first.
 */
export async function ownerSession(n8nUrl) {
	const headers = { 'content-type': 'application/json', 'browser-id': 'relatel-e2e-browser' };
	// /healthz answers before n8n is ready: the database may still be connecting (503 on
	// /healthz/readiness and /rest/*) and the REST routes not yet mounted (404).
	// While it starts, a connection may also be reset: that is "not yet" too.
	const attempt = (url, init) => fetch(url, init).catch(() => undefined);
	await waitFor(async () => (await attempt(`${n8nUrl}/healthz/readiness`))?.ok, { timeoutMs: 120_000, what: 'n8n to be ready' });
	const setup = await waitFor(
		async () => {
			const response = await attempt(`${n8nUrl}/rest/owner/setup`, {
				method: 'POST',
				headers,
				body: JSON.stringify({ email: 'owner@relatel-e2e.dk', firstName: 'E2E', lastName: 'Owner', password: 'Relatel-e2e-1234' }),
			});
			return !response || response.status === 404 || response.status === 503 ? undefined : response;
		},
		{ timeoutMs: 120_000, what: "n8n's REST API" },
	);
	if (!setup.ok) throw new Error(`owner setup failed: ${setup.status} ${await setup.text()}`);
	const cookie = setup.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	const authed = { ...headers, cookie };
	// The other REST routes may be mounted a little later still.
	await waitFor(async () => (await attempt(`${n8nUrl}/rest/workflows`, { headers: authed }))?.ok, {
		timeoutMs: 120_000,
		what: "n8n's workflow API",
	});
	async function rest(method, route, body) {
		const response = await fetch(`${n8nUrl}/rest${route}`, { method, headers: authed, body: body && JSON.stringify(body) });
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} /rest${route} failed: ${response.status} ${text}`);
		const parsed = JSON.parse(text);
		return parsed.data ?? parsed;
	}
	return {
		async createCredential({ name, type, data }) {
			return await rest('POST', '/credentials', { name, type, data });
		},
		async createWorkflow({ id, name, nodes, connections, settings }) {
			return await rest('POST', '/workflows', { id, name, nodes, connections, settings });
		},
		async publish(ids) {
			const published = [];
			for (const id of ids) {
				const { versionId } = await rest('GET', `/workflows/${id}`);
				published.push(await rest('POST', `/workflows/${id}/activate`, { versionId }));
			}
			return published;
		},
		/**
		 * Connects a Relatel OAuth2 credential as the editor's "Connect my account" button does:
		 * GET /rest/oauth2-credential/auth gives the authorization URL (the sandbox's
		 * /authorize, with n8n's callback as redirect_uri), the sandbox approves and redirects
		 * to n8n's callback with ?code=, and n8n exchanges the code at the sandbox's /token and
		 * stores the token in the credential. Resolves when n8n says the connection succeeded.
		 */
		async connectOAuth2(credentialId) {
			const auth = await fetch(`${n8nUrl}/rest/oauth2-credential/auth?id=${encodeURIComponent(credentialId)}`, { headers: authed });
			const authText = await auth.text();
			if (!auth.ok) throw new Error(`GET /rest/oauth2-credential/auth failed: ${auth.status} ${authText}`);
			const parsed = JSON.parse(authText);
			const authorizeUrl = parsed.data ?? parsed;
			// n8n binds the flow to the browser that started it with a cookie: send it back.
			const binding = auth.headers.getSetCookie().map((c) => c.split(';')[0]);
			const approve = await fetch(authorizeUrl, { redirect: 'manual' });
			const callback = approve.headers.get('location');
			if (approve.status !== 302 || !callback) throw new Error(`${authorizeUrl} answered ${approve.status}, not a redirect`);
			const back = await fetch(callback.replace(/^http:\/\/localhost:/, 'http://127.0.0.1:'), {
				headers: { ...authed, cookie: [authed.cookie, ...binding].join('; ') },
				redirect: 'manual',
			});
			const page = await back.text();
			// n8n renders "Connection successful" and tells the editor window 'success'; on failure, its error page.
			if (!back.ok || !/Connection successful/.test(page) || !/postMessage\('success'/.test(page)) {
				throw new Error(`n8n's OAuth2 callback answered ${back.status}: ${page.slice(0, 2000)}`);
			}
			return { authorizeUrl, callback, page };
		},
		/** The bytes of a binary file n8n stored for an execution (an item's `binary.<field>.id`). */
		async binaryData(id) {
			const query = new URLSearchParams({ id, action: 'download' });
			const response = await fetch(`${n8nUrl}/rest/binary-data?${query}`, { headers: authed });
			if (!response.ok) throw new Error(`GET /rest/binary-data failed: ${response.status} ${await response.text()}`);
			return Buffer.from(await response.arrayBuffer());
		},
		/** One execution with its run data (n8n sends `data` in its compact "flatted" form). */
		async execution(id) {
			return await rest('GET', `/executions/${id}`);
		},
		async executions(workflowId) {
			const query = new URLSearchParams({ filter: JSON.stringify({ workflowId }), limit: '100' });
			const { results } = await rest('GET', `/executions?${query}`);
			return results;
		},
	};
}

/** Resolves once `check()` returns a truthy value (which it resolves with); fails after `timeoutMs`. */
export async function waitFor(check, { timeoutMs, intervalMs = 500, what = 'condition' }) {
	const started = Date.now();
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

'use strict';
/**
 * A local Relatel: an HTTP server on loopback that behaves like the Relatel API v2 for
 * every operation the nodes support. Stateful (a sent SMS shows up in Get Many), lists
 * newest first with `limit` capped at 100 and inclusive cursors (the boundary item comes
 * again), Bearer token checked, faults injected on demand.
 *
 * Used by the unit tests, the E2E tests and `npm start`. Control endpoints live under
 * /__sandbox (no token): see control.js.
 */
const http = require('node:http');

const { createState } = require('./state');
const { controlRoutes } = require('./control');
const { takeFault, applyFault } = require('./faults');
const { send, sendJson, readBody, HttpError } = require('./http');

const API_PREFIX = '/api/v2';

// Seeded in this order: people and receptions first, then what refers to them.
const routeModules = [
	require('./routes/oauth'),
	require('./routes/employee'),
	require('./routes/employeeGroup'),
	require('./routes/reception'),
	require('./routes/contact'),
	require('./routes/message'),
	require('./routes/call'),
	require('./routes/voicemail'),
	require('./routes/chat'),
	require('./routes/smiley'),
	require('./routes/statistics'),
	require('./routes/m2m'),
];

function compile(method, pattern) {
	const names = [];
	const source = pattern.replace(/:(\w+)/g, (_m, name) => {
		names.push(name);
		return '([^/]+)';
	});
	return { method, regex: new RegExp(`^${source}$`), names };
}

function buildRoutes() {
	const table = [];
	for (const mod of routeModules) {
		for (const [method, pattern, handler, options = {}] of mod.routes) {
			table.push({ ...compile(method, pattern), handler, pattern, ...options });
		}
	}
	return table;
}

/**
 * @param {object} [options]
 * @param {number} [options.port] 0 for any free port
 * @param {string} [options.host] default 127.0.0.1
 * @param {string} [options.token] the access token that works
 * @param {() => number} [options.now] clock (ms), for simulated time
 * @param {(record: object, state: object) => void | Promise<void>} [options.onRequest] called for
 *   every API request before it is answered; also settable later as `state.onRequest`
 */
async function startSandbox(options = {}) {
	const host = options.host ?? '127.0.0.1';
	const state = createState({ token: options.token ?? 'sandbox-token', now: options.now });
	state.onRequest = options.onRequest;
	for (const mod of routeModules) mod.seed?.(state);
	const apiRoutes = buildRoutes();
	const control = controlRoutes(state, routeModules);

	const server = http.createServer(async (req, res) => {
		const url = new URL(req.url, `http://${req.headers.host ?? host}`);
		const record = {
			method: req.method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			rawQuery: url.search,
			authorization: req.headers.authorization,
			host: req.headers.host,
			at: state.now(),
		};
		try {
			if (url.pathname.startsWith('/__sandbox/')) {
				const body = await readBody(req);
				return await control(req, res, url, body);
			}
			if (url.pathname.startsWith('/files/')) {
				state.fileRequests.push(record);
				return require('./files').serve(state, req, res, url);
			}
			if (!url.pathname.startsWith(API_PREFIX)) throw new HttpError(404, { error: 'not_found' });
			const path = url.pathname.slice(API_PREFIX.length) || '/';
			const route = apiRoutes.find((r) => r.method === req.method && r.regex.test(path));
			const body = await readBody(req);
			record.body = body;
			record.route = route ? `${route.method} ${route.pattern}` : undefined;
			state.requests.push(record);
			// A test's hook: runs before the request is answered (e.g. new events arrive mid-paging).
			if (state.onRequest) await state.onRequest(record, state);

			const fault = takeFault(state, req.method, path);
			if (fault && fault.phase !== 'after') return applyFault(fault, res);

			if (!route) throw new HttpError(404, { error: 'not_found' });
			if (!route.public) state.authenticate(req.headers.authorization);
			const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(path.match(route.regex)[i + 1])]));
			const result = await route.handler({ state, params, query: url.searchParams, body, req, res, url, baseUrl: `http://${req.headers.host}${API_PREFIX}` });
			if (fault) return applyFault(fault, res); // the work is done, then the answer fails
			if (result === undefined) return; // handler wrote the response itself
			const [status, payload, headers] = Array.isArray(result) ? result : [200, result];
			return sendJson(res, status, payload, headers);
		} catch (error) {
			if (error instanceof HttpError) return sendJson(res, error.status, error.body, error.headers);
			console.error('[sandbox]', error);
			return sendJson(res, 500, { error: 'sandbox_error', message: String(error.message) });
		}
	});
	server.keepAliveTimeout = 1000;
	await new Promise((resolve) => server.listen(options.port ?? 0, host, resolve));
	const { port } = server.address();
	const origin = `http://${host}:${port}`;
	state.origin = origin;
	// Recordings are served from "another host" (localhost vs 127.0.0.1) like Relatel's
	// signed file URLs, so tests can prove the token never follows them.
	state.fileOrigin = `http://localhost:${port}`;
	return {
		state,
		origin,
		baseUrl: `${origin}${API_PREFIX}`,
		port,
		async close() {
			server.closeAllConnections?.();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

module.exports = { startSandbox, API_PREFIX, send };

'use strict';
/**
 * /__sandbox/* — test control, no token needed (loopback only):
 *   GET  /__sandbox/requests        what the API received (method, path, query, body, auth)
 *   GET  /__sandbox/files/requests  what the file host received
 *   POST /__sandbox/reset           forget requests and faults
 *   POST /__sandbox/faults          add a fault (see faults.js); DELETE to clear
 *   POST /__sandbox/tokens/revoke   { token } — later requests with it get 401
 *   GET  /__sandbox/db/:name        a collection's records
 *   POST /__sandbox/events/:kind    create an event (call, voicemail, sms, smiley, chat, order state) — see routes
 */
const { sendJson } = require('./http');

function controlRoutes(state, modules) {
	const eventCreators = {};
	for (const mod of modules) Object.assign(eventCreators, mod.events ?? {});

	return async function control(req, res, url, body) {
		const path = url.pathname.slice('/__sandbox'.length);
		if (req.method === 'GET' && path === '/requests') return sendJson(res, 200, state.requests);
		if (req.method === 'GET' && path === '/files/requests') return sendJson(res, 200, state.fileRequests);
		if (req.method === 'POST' && path === '/reset') {
			state.requests.length = 0;
			state.fileRequests.length = 0;
			state.faults.length = 0;
			return sendJson(res, 200, { ok: true });
		}
		if (path === '/faults') {
			if (req.method === 'DELETE') state.faults.length = 0;
			else if (req.method === 'POST') state.faults.push(...(Array.isArray(body) ? body : [body]));
			return sendJson(res, 200, state.faults);
		}
		if (req.method === 'POST' && path === '/tokens/revoke') {
			state.tokens.delete(body?.token);
			return sendJson(res, 200, { ok: true });
		}
		let match = /^\/db\/(\w+)$/.exec(path);
		if (req.method === 'GET' && match) return sendJson(res, 200, state.db[match[1]] ?? []);
		match = /^\/events\/(\w+)$/.exec(path);
		if (req.method === 'POST' && match && eventCreators[match[1]]) {
			return sendJson(res, 201, eventCreators[match[1]](state, body ?? {}));
		}
		return sendJson(res, 404, { error: 'unknown control endpoint' });
	};
}

module.exports = { controlRoutes };

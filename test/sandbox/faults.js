'use strict';
/**
 * Fault injection. A fault matches requests by method and a path regex and fires `times`
 * times (or with `probability`, from a seeded generator). Kinds:
 *   { status: 429, retryAfter: 1 }  an HTTP error (body `{ error }`)
 *   { kind: 'reset' }               the connection is destroyed without an answer
 *   { kind: 'hang', ms }            no answer for `ms`, then the connection is destroyed (the
 *                                   client sees a reset, not a timeout, when `ms` is short)
 *   { kind: 'timeout', ms }         no answer at all: the connection is held open until the client
 *                                   gives up (its own timeout) or `ms` (default 120 s) passes; how
 *                                   long the client waited is kept in `fault.waits` (ms)
 *   { kind: 'truncate' }            a 200 with half a JSON body
 *   { kind: 'redirect', location }  a 302 to `location` (e.g. the file host: the token must not follow)
 *   phase: 'after'                  the request is carried out first, then the answer fails
 */
const { send, sendJson } = require('./http');

function takeFault(state, method, path) {
	for (const fault of state.faults) {
		if (fault.method && fault.method !== method) continue;
		if (fault.path && !new RegExp(fault.path).test(path)) continue;
		if (fault.probability !== undefined) {
			if (random(state) >= fault.probability) continue;
		} else if (fault.times !== undefined) {
			if (fault.times <= 0) continue;
			fault.times--;
		}
		fault.fired = (fault.fired ?? 0) + 1;
		return fault;
	}
	return undefined;
}

// mulberry32: the fault mix is the same on every run with the same seed.
function random(state) {
	state.seed = (state.seed ?? 42) | 0;
	state.seed = (state.seed + 0x6d2b79f5) | 0;
	let t = state.seed;
	t = Math.imul(t ^ (t >>> 15), t | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function applyFault(fault, res) {
	if (fault.kind === 'reset') return res.socket.destroy();
	if (fault.kind === 'hang') {
		setTimeout(() => res.socket?.destroy(), fault.ms ?? 5000);
		return;
	}
	if (fault.kind === 'timeout') {
		const held = Date.now();
		// The server's own timer must not keep a test process alive.
		const cap = setTimeout(() => res.socket?.destroy(), fault.ms ?? 120_000);
		cap.unref?.();
		res.socket?.once('close', () => {
			clearTimeout(cap);
			fault.waits = [...(fault.waits ?? []), Date.now() - held];
		});
		return;
	}
	if (fault.kind === 'redirect') {
		return send(res, fault.status ?? 302, '', { location: fault.location });
	}
	if (fault.kind === 'truncate') {
		return send(res, 200, '{"calls": [{"call_uuid": "', { 'content-type': 'application/json' });
	}
	const headers = {};
	if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
	return sendJson(res, fault.status ?? 500, fault.body ?? { error: fault.error ?? 'injected_fault' }, headers);
}

module.exports = { takeFault, applyFault, random };

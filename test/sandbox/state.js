'use strict';
const { HttpError } = require('./http');

/** Everything the sandbox knows: tokens, records per collection, request log, faults. */
function createState({ token, now }) {
	const state = {
		tokens: new Set([token]),
		accessToken: token,
		now: now ?? (() => Date.now()),
		requests: [],
		fileRequests: [],
		faults: [],
		nextIds: {},
		/** Collections of records by name, e.g. state.db.calls */
		db: {},
		/** The employee the token belongs to. */
		currentEmployeeId: 1,
		nextId(kind, start = 1000) {
			state.nextIds[kind] = (state.nextIds[kind] ?? start) + 1;
			return state.nextIds[kind];
		},
		iso(ms = state.now()) {
			return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
		},
		authenticate(header) {
			const match = /^Bearer (.+)$/.exec(header ?? '');
			if (!match || !state.tokens.has(match[1])) {
				throw new HttpError(401, { error: 'invalid_token', error_description: 'The access token is invalid' });
			}
		},
	};
	return state;
}

const MAX_LIMIT = 100;

/**
 * A list as Relatel serves it: filtered by `<field>_lt_or_eq` / `<field>_gt_or_eq`, ordered
 * by `orderField` (newest first unless `ascending`), `limit` default 10, capped at 100.
 * Cursors are inclusive, so the boundary item comes again on the next page.
 */
function listPage(records, query, { orderField, ascending = false, rangeFields = [], defaultLimit = 10 }) {
	let list = records.slice();
	for (const field of rangeFields) {
		const lte = query.get(`${field}_lt_or_eq`);
		const gte = query.get(`${field}_gt_or_eq`);
		if (lte) list = list.filter((r) => r[field] !== null && r[field] !== undefined && compare(r[field], lte) <= 0);
		if (gte) list = list.filter((r) => r[field] !== null && r[field] !== undefined && compare(r[field], gte) >= 0);
	}
	list.sort((a, b) => (ascending ? 1 : -1) * compare(a[orderField], b[orderField]));
	const asked = Number(query.get('limit') ?? defaultLimit);
	const limit = Math.max(1, Math.min(Number.isFinite(asked) ? asked : defaultLimit, MAX_LIMIT));
	return list.slice(0, limit);
}

function compare(a, b) {
	if (typeof a === 'number' && !Number.isNaN(Number(b))) return a - Number(b);
	const ta = Date.parse(a);
	const tb = Date.parse(b);
	if (!Number.isNaN(ta) && !Number.isNaN(tb)) return ta - tb;
	return String(a).localeCompare(String(b));
}

function findOr404(list, predicate, what = 'record') {
	const found = list.find(predicate);
	if (!found) throw new HttpError(404, { error: 'not_found', message: `${what} not found` });
	return found;
}

module.exports = { createState, listPage, findOr404, MAX_LIMIT };

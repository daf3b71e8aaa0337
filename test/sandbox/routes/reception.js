'use strict';
const { HttpError } = require('../http');
const { findOr404 } = require('../state');
const { reception } = require('../fixtures');

function seed(state) {
	state.db.receptions = [
		reception(21, 'Hovednummer', '4570000000'),
		reception(22, 'Kundeservice', '4570000001'),
		reception(23, 'Salg', '4570000002', { is_open: false }),
	];
}

function byId(state, id) {
	return findOr404(state.db.receptions, (r) => String(r.id) === String(id), 'Reception');
}

function requireTime(query, name) {
	const value = query.get(name);
	if (!value || Number.isNaN(Date.parse(value))) throw new HttpError(400, { error: `${name} is required (ISO 8601)` });
	return Date.parse(value);
}

/** Call statistics computed from the calls that touched the reception. */
function statistics({ state, params, query }) {
	const r = byId(state, params.id);
	const rawTarget = query.get('answer_target');
	const target = Number(rawTarget);
	if (rawTarget === null || rawTarget.trim() === '' || !Number.isInteger(target) || target < 0) {
		throw new HttpError(400, { error: 'answer_target is required (whole seconds, 0 or more)' });
	}
	const from = requireTime(query, 'from_time');
	const to = requireTime(query, 'to_time');
	if (from > to) throw new HttpError(400, { error: 'from_time must be before to_time' });
	const phases = query.get('phase') ? query.get('phase').split(',') : undefined;
	if (phases && phases.some((p) => !['open', 'closed', 'backup'].includes(p))) throw new HttpError(400, { error: 'invalid phase' });
	// Seeded calls are made on first use: ask the call module, not state.db.calls directly.
	const calls = require('./call').calls(state).filter(
		(c) =>
			c.direction === 'incoming' &&
			c.ended_at &&
			(c.endpoint === r.endpoint || c.path.some((n) => n.endpoint === r.endpoint)) &&
			Date.parse(c.started_at) >= from &&
			Date.parse(c.started_at) <= to,
	);
	const answered = calls.filter((c) => c.answered_at);
	const missed = calls.filter((c) => !c.answered_at);
	const answerTime = (c) => (Date.parse(c.answered_at) - Date.parse(c.started_at)) / 1000;
	const avg = (list, f) => (list.length ? Math.round(list.reduce((s, c) => s + f(c), 0) / list.length) : 0);
	return {
		statistics: {
			total: calls.length,
			answered: answered.length,
			missed: missed.length,
			average_answer_time: avg(answered, answerTime),
			average_duration: avg(answered, (c) => c.talk_duration ?? 0),
			within_target: {
				answered: answered.filter((c) => answerTime(c) <= target).length,
				missed: missed.filter((c) => c.waiting_time <= target).length,
			},
		},
	};
}

module.exports = {
	seed,
	byId,
	routes: [
		['GET', '/receptions', ({ state }) => ({ receptions: state.db.receptions })],
		['GET', '/receptions/:id', ({ state, params }) => byId(state, params.id)],
		['GET', '/receptions/:id/statistics', statistics],
	],
};

'use strict';
/**
 * GET /statistics — aggregated rows computed from the sandbox's calls (Reception, Employee)
 * and chats (ChatReception), and the smileys for the same groups. Relatel refreshes these
 * every 1–2 hours; the sandbox answers from the current data.
 */
const crypto = require('node:crypto');

const { HttpError } = require('../http');
const { calls } = require('./call');

const ENDPOINT_TYPES = ['Reception', 'ChatReception', 'Employee'];
const GROUP_BY = [
	'employee_id',
	'reception_id',
	'chat_reception_id',
	'ivr_key',
	'period_month',
	'period_week',
	'period_day',
	'period_hour',
];
/** An answer within this many seconds counts toward the SLA. */
const SLA_SECONDS = 30;

function requireTime(query, name) {
	const value = query.get(name);
	if (!value || Number.isNaN(Date.parse(value))) throw new HttpError(400, { error: `${name} is required (ISO 8601)` });
	return Date.parse(value);
}

/** Start of the hour/day/ISO week (Monday)/month of `ms`, UTC, as ISO 8601. */
function periodStart(ms, unit) {
	const d = new Date(ms);
	if (unit === 'hour') d.setUTCMinutes(0, 0, 0);
	else d.setUTCHours(0, 0, 0, 0);
	if (unit === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
	if (unit === 'month') d.setUTCDate(1);
	return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A menu key the caller "pressed", the same for a call every time. */
function ivrKeyOf(id) {
	return String((crypto.createHash('sha1').update(String(id)).digest()[0] % 3) + 1);
}

/**
 * The conversations of one endpoint type as { endpoint, reception, employee, startedMs,
 * answerSeconds, duration, incoming, id }.
 */
function conversations(state, endpointType) {
	if (endpointType === 'ChatReception') {
		return (state.db.chats ?? []).map((c) => ({
			id: c.uuid,
			endpoint: c.endpoint,
			reception: null,
			chatReception: c.endpoint,
			employee: c.answered_by?.endpoint ?? null,
			startedMs: Date.parse(c.started_at),
			answerSeconds: c.answered_at ? (Date.parse(c.answered_at) - Date.parse(c.started_at)) / 1000 : null,
			duration: c.answered_at && c.ended_at ? (Date.parse(c.ended_at) - Date.parse(c.answered_at)) / 1000 : null,
			incoming: true,
			ended: Boolean(c.ended_at),
		}));
	}
	return calls(state)
		.map((c) => {
			const employeeNode = c.path.find((n) => n.endpoint.startsWith('Employee#'));
			const reception = c.direction === 'incoming' ? c.endpoint : null;
			return {
				id: c.call_uuid,
				endpoint: endpointType === 'Reception' ? reception : employeeNode?.endpoint ?? null,
				reception,
				chatReception: null,
				employee: employeeNode?.endpoint ?? null,
				startedMs: Date.parse(c.started_at),
				answerSeconds: c.answered_at ? (Date.parse(c.answered_at) - Date.parse(c.started_at)) / 1000 : null,
				duration: c.talk_duration,
				incoming: c.direction === 'incoming',
				ended: Boolean(c.ended_at),
			};
		})
		.filter((c) => c.endpoint);
}

/** The group a conversation (or smiley) falls in, or undefined when it has none. */
function groupKey(groupBy, item) {
	switch (groupBy) {
		case 'employee_id':
			return item.employee ? item.employee.split('#')[1] : undefined;
		case 'reception_id':
			return item.reception ? item.reception.split('#')[1] : undefined;
		case 'chat_reception_id':
			return item.chatReception ? item.chatReception.split('#')[1] : undefined;
		case 'ivr_key':
			return item.incoming && item.reception ? ivrKeyOf(item.id) : undefined;
		default:
			return periodStart(item.startedMs, groupBy.slice('period_'.length));
	}
}

const average = (list) => (list.length ? Math.round(list.reduce((sum, n) => sum + n, 0) / list.length) : 0);

function row(groupBy, key, list, smileys) {
	const answered = list.filter((c) => c.answerSeconds !== null);
	const incoming = list.filter((c) => c.incoming);
	const missed = incoming.filter((c) => c.answerSeconds === null && c.ended);
	const positive = smileys.filter((s) => s.rating === 1).length;
	const endpoints = [...new Set(list.map((c) => c.endpoint))];
	return {
		key,
		period_month: groupBy === 'period_month' ? key : null,
		period_week: groupBy === 'period_week' ? key : null,
		period_day: groupBy === 'period_day' ? key : null,
		period_hour: groupBy === 'period_hour' ? key : null,
		ivr_key: groupBy === 'ivr_key' ? key : null,
		endpoint: endpoints.length === 1 ? endpoints[0] : null,
		call_count: list.length,
		call_answered_count: answered.length,
		call_missed_count: missed.length,
		call_closed_count: 0,
		call_incoming_count: incoming.length,
		call_outgoing_count: list.length - incoming.length,
		call_answer_time_average: average(answered.map((c) => c.answerSeconds)),
		call_duration_average: average(answered.map((c) => c.duration ?? 0)),
		call_duration_total: answered.reduce((sum, c) => sum + (c.duration ?? 0), 0),
		call_sla: incoming.length
			? Math.round((incoming.filter((c) => c.answerSeconds !== null && c.answerSeconds <= SLA_SECONDS).length / incoming.length) * 100) / 100
			: 0,
		smiley_count: smileys.length,
		rating_average: smileys.length ? Math.round((positive / smileys.length) * 100) / 100 : 0,
	};
}

function getStatistics({ state, query }) {
	const endpointType = query.get('endpoint_type');
	if (!ENDPOINT_TYPES.includes(endpointType)) {
		throw new HttpError(400, { error: `endpoint_type must be one of ${ENDPOINT_TYPES.join(', ')}` });
	}
	const groupBy = query.get('group_by');
	if (!GROUP_BY.includes(groupBy)) throw new HttpError(400, { error: `group_by must be one of ${GROUP_BY.join(', ')}` });
	const start = requireTime(query, 'start');
	const end = requireTime(query, 'end');
	if (start > end) throw new HttpError(400, { error: 'start must be before end' });
	const endpoints = query.get('endpoint') ? query.get('endpoint').split(',').map((e) => e.trim()) : [];
	if (endpoints.some((e) => !/^[A-Za-z]+#\d+$/.test(e))) throw new HttpError(400, { error: 'endpoint must be a comma-separated list of Type#ID' });

	const inRange = (ms) => ms >= start && ms <= end;
	const list = conversations(state, endpointType).filter(
		(c) => inRange(c.startedMs) && (endpoints.length === 0 || endpoints.includes(c.endpoint)),
	);
	// Smileys as conversations too, so they group the same way (calls only: smileys are given after calls).
	const smileys = (endpointType === 'ChatReception' ? [] : state.db.smileys ?? [])
		.map((s) => ({
			id: s.conversation_uuid,
			rating: s.rating,
			endpoint: endpointType === 'Reception' ? s.endpoint : s.employee_id ? `Employee#${s.employee_id}` : null,
			reception: s.endpoint,
			chatReception: null,
			employee: s.employee_id ? `Employee#${s.employee_id}` : null,
			startedMs: Date.parse(s.rated_at),
			incoming: true,
		}))
		.filter((s) => s.endpoint && inRange(s.startedMs) && (endpoints.length === 0 || endpoints.includes(s.endpoint)));

	const groups = new Map();
	const groupOf = (key) => {
		if (!groups.has(key)) groups.set(key, { list: [], smileys: [] });
		return groups.get(key);
	};
	for (const c of list) {
		const key = groupKey(groupBy, c);
		if (key !== undefined) groupOf(key).list.push(c);
	}
	for (const s of smileys) {
		const key = groupKey(groupBy, s);
		if (key !== undefined && groups.has(key)) groupOf(key).smileys.push(s);
	}
	const keys = [...groups.keys()].sort((a, b) => (/^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) - Number(b) : a.localeCompare(b)));
	return { rows: keys.map((key) => row(groupBy, key, groups.get(key).list, groups.get(key).smileys)) };
}

module.exports = {
	routes: [['GET', '/statistics', getStatistics]],
};

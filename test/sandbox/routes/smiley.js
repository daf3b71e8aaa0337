'use strict';
const { HttpError } = require('../http');
const { listPage } = require('../state');
const { contact, formatNumber } = require('../fixtures');

const DAY = 24 * 3600 * 1000;
const CALLERS = [
	['Anders And', '4561000001'],
	['Bente Berg', '4561000002'],
	[null, '4561000003'],
	['Carl Christensen', '4561000004'],
	[null, '4930123456'],
];
const COMMENTS = [
	'Hurtig og venlig betjening',
	'Lang ventetid, men god hjælp',
	'Fik ikke svar på mit spørgsmål',
	'Super service, tak!',
	'Blev stillet om tre gange, "øv"',
];

function contactId(state, number) {
	const known = CALLERS.findIndex((c) => c[1] === number);
	return known >= 0 ? 700 + known : state.nextId('smiley_contact', 7900);
}

/** A smiley in the shape of Relatel's docs. */
function makeSmiley(state, fields) {
	const id = state.nextId('smiley', 3000);
	const [name, number] = fields.caller ?? CALLERS[id % CALLERS.length];
	const rating = fields.rating ?? 1;
	const smiley = {
		id,
		conversation_type: 'call',
		conversation_uuid: `5a1e${String(id).padStart(4, '0')}-324b-0132-d3ef-14dae9edd21d`,
		rated_at: fields.rated_at,
		sort_value: fields.rated_at,
		rating,
		net_promoter_score: fields.net_promoter_score ?? null,
		kind: rating === 1 ? 'positive' : 'negative',
		comment: fields.comment ?? null,
		number,
		number_formatted: formatNumber(number),
		email: null,
		contact: name ? contact(contactId(state, number), name, number) : null,
		employee_id: fields.employee_id === undefined ? 2 : fields.employee_id,
		endpoint: fields.endpoint ?? 'Reception#21',
	};
	state.db.smileys.push(smiley);
	return smiley;
}

/**
 * 160 smileys over the last 30 days: every 7th shares its rated_at with the one before (paging
 * meets equal timestamps), every 4th is negative, every 5th has a comment.
 */
function seed(state) {
	state.db.smileys = [];
	const start = state.now() - 30 * DAY;
	let at = start;
	for (let i = 0; i < 160; i++) {
		if (i % 7 !== 1) at = start + Math.floor((i * 30 * DAY) / 160);
		makeSmiley(state, {
			rated_at: state.iso(at),
			rating: i % 4 === 3 ? 0 : 1,
			comment: i % 5 === 0 ? COMMENTS[(i / 5) % COMMENTS.length] : null,
			net_promoter_score: i % 3 === 0 ? (i * 7) % 11 : null,
			employee_id: [1, 2, 3, 4, null][i % 5],
			endpoint: ['Reception#21', 'Reception#22'][i % 2],
		});
	}
}

/** Smileys matching the endpoint (Reception#, Employee#, EmployeeGroup#) and employee filters. */
function filterByEndpoint(state, list, query) {
	const endpoint = query.get('endpoint');
	if (endpoint) {
		const match = /^(\w+)#(\d+)$/.exec(endpoint);
		if (!match) throw new HttpError(400, { error: 'invalid endpoint', message: `Unknown endpoint ${endpoint}` });
		const id = Number(match[2]);
		if (match[1] === 'Employee') list = list.filter((s) => s.employee_id === id);
		else if (match[1] === 'EmployeeGroup') {
			const group = (state.db.employee_groups ?? []).find((g) => g.id === id);
			list = list.filter((s) => Boolean(group?.employee_ids.includes(s.employee_id)));
		} else list = list.filter((s) => s.endpoint === endpoint);
	}
	const receptionId = query.get('reception_id');
	if (receptionId) list = list.filter((s) => s.endpoint === `Reception#${receptionId}`);
	const employeeId = query.get('employee_id');
	if (employeeId) {
		if (!/^\d+$/.test(employeeId)) throw new HttpError(400, { error: 'employee_id must be an integer' });
		list = list.filter((s) => s.employee_id === Number(employeeId));
	}
	return list;
}

function getMany({ state, query }) {
	let list = filterByEndpoint(state, state.db.smileys, query);
	const number = query.get('number');
	if (number) list = list.filter((s) => s.number === number);
	const rating = query.get('rating');
	if (rating !== null) {
		if (rating !== '0' && rating !== '1') throw new HttpError(400, { error: 'rating must be 0 or 1' });
		list = list.filter((s) => s.rating === Number(rating));
	}
	const commented = query.get('commented');
	if (commented !== null) {
		if (commented !== 'true' && commented !== 'false') throw new HttpError(400, { error: 'commented must be true or false' });
		list = list.filter((s) => Boolean(s.comment) === (commented === 'true'));
	}
	return { smileys: listPage(list, query, { orderField: 'rated_at', rangeFields: ['rated_at'] }) };
}

function requireTime(query, name) {
	const value = query.get(name);
	if (!value || Number.isNaN(Date.parse(value))) throw new HttpError(400, { error: `${name} is required (ISO 8601)` });
	return Date.parse(value);
}

function counts(list) {
	const positive = list.filter((s) => s.rating === 1).length;
	return {
		smileys_count: list.length,
		positive_smileys_count: positive,
		negative_smileys_count: list.length - positive,
		commented_smileys_count: list.filter((s) => s.comment).length,
		average_rating: list.length ? Math.round((positive / list.length) * 100) / 100 : 0,
	};
}

/** Counts per reception, and per employee within it, of the smileys in the period. */
function statistics({ state, query }) {
	const from = requireTime(query, 'from_time');
	const to = requireTime(query, 'to_time');
	if (from > to) throw new HttpError(400, { error: 'from_time must be before to_time' });
	const list = filterByEndpoint(state, state.db.smileys, query).filter(
		(s) => Date.parse(s.rated_at) >= from && Date.parse(s.rated_at) <= to,
	);
	const endpoint = query.get('endpoint');
	const receptions = state.db.receptions.filter(
		(r) => r.is_smiley_enabled && (!endpoint || !endpoint.startsWith('Reception#') || r.endpoint === endpoint),
	);
	return {
		statistics: {
			receptions: receptions.map((r) => {
				const mine = list.filter((s) => s.endpoint === r.endpoint);
				const { average_rating, ...rest } = counts(mine);
				const employeeIds = [...new Set(mine.map((s) => s.employee_id).filter((id) => id !== null))].sort((a, b) => a - b);
				return {
					id: r.id,
					endpoint: r.endpoint,
					...rest,
					// Not every caller answers the SMS asking for a smiley.
					smiley_requests_count: mine.length * 2 + (mine.length ? 1 : 0),
					average_rating,
					employees: employeeIds.map((id) => {
						const { average_rating: average, ...employeeCounts } = counts(mine.filter((s) => s.employee_id === id));
						return { id, average_rating: average, ...employeeCounts };
					}),
				};
			}),
		},
	};
}

module.exports = {
	seed,
	events: {
		/** A new smiley: { rated_at, rating (0/1, default 1), comment, endpoint, employee_id, number, net_promoter_score } */
		smiley: (state, body) =>
			makeSmiley(state, {
				rated_at: body.rated_at ?? state.iso(),
				rating: body.rating ?? 1,
				comment: body.comment ?? null,
				endpoint: body.endpoint,
				employee_id: body.employee_id,
				net_promoter_score: body.net_promoter_score,
				caller: body.number ? [body.name ?? null, String(body.number)] : undefined,
			}),
	},
	routes: [
		['GET', '/smileys', getMany],
		['GET', '/smileys/statistics', statistics],
	],
};

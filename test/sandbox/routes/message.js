'use strict';
const { HttpError } = require('../http');
const { listPage } = require('../state');
const { formatNumber } = require('../fixtures');

/** Relatel does not document a page size for /messages; the sandbox serves 25 and ignores `limit`. */
const MESSAGES_PAGE = 25;
/** Numbers in this range "cannot be reached": they come back in failed_numbers. */
const UNREACHABLE_PREFIX = '45999';

function employeeSummary(state) {
	return state.db.employees.find((e) => e.id === state.currentEmployeeId);
}

function record(state, fields) {
	const message = {
		id: state.nextId('message', 5000),
		from_contact: null,
		to_contact: null,
		from_name: null,
		from_number: null,
		from_number_formatted: null,
		from_number_hidden: false,
		to_number: null,
		to_name: null,
		to_number_formatted: null,
		endpoint: null,
		employee: null,
		direction: 'outgoing',
		body: '',
		sort_value: null,
		created_at: state.iso(),
		...fields,
	};
	message.sort_value = message.created_at;
	message.from_number_formatted = message.from_number ? formatNumber(message.from_number) : null;
	message.to_number_formatted = message.to_number ? formatNumber(message.to_number) : null;
	state.db.messages.push(message);
	return message;
}

function seed(state) {
	state.db.messages = [];
	const start = state.now() - 6 * 24 * 3600 * 1000;
	for (let i = 0; i < 60; i++) {
		const incoming = i % 3 === 0;
		const customer = `4561${String(100000 + i * 37).slice(-6)}`;
		record(state, {
			direction: incoming ? 'incoming' : 'outgoing',
			from_number: incoming ? customer : '4520000001',
			to_number: incoming ? '4570000000' : customer,
			endpoint: incoming ? 'Reception#21' : 'Employee#1',
			body: incoming ? `Kan I ringe mig op? (${i})` : `Tak for din henvendelse (${i})`,
			employee: incoming ? null : employeeSummary(state),
			// Pairs of messages share a second, so paging meets equal timestamps.
			created_at: state.iso(start + Math.floor(i / 2) * 2 * 3600 * 1000),
		});
	}
}

function smsBody(body) {
	const message = body?.message;
	if (!message || typeof message.body !== 'string' || !message.body.trim()) {
		throw new HttpError(422, { errors: { body: ["can't be blank"] } });
	}
	return message;
}

/** Sends one SMS per number; unreachable numbers come back in failed_numbers. */
function deliverSms(state, message, numbers) {
	let endpoint = message.endpoint ?? null;
	if (endpoint) {
		const match = /^Reception#(\d+)$/.exec(endpoint);
		const reception = match && state.db.receptions.find((r) => String(r.id) === match[1]);
		if (!reception) throw new HttpError(400, { error: 'invalid_endpoint', message: `Unknown endpoint ${endpoint}` });
		if (message.from_number_hidden && !(state.approvedBrandNames ?? [21, 22]).includes(reception.id)) {
			throw new HttpError(400, { error: 'short_brand_name_not_approved', message: 'The short brand name is not approved' });
		}
	}
	let sent = 0;
	const failed = [];
	for (const number of numbers) {
		const valid = /^[1-9]\d{8,14}$/.test(String(number));
		const m = record(state, {
			direction: 'outgoing',
			from_number: message.from_number_hidden ? null : '4520000001',
			from_number_hidden: Boolean(message.from_number_hidden),
			to_number: String(number),
			endpoint: endpoint ?? `Employee#${state.currentEmployeeId}`,
			body: message.body,
			employee: employeeSummary(state),
		});
		if (!valid || String(number).startsWith(UNREACHABLE_PREFIX)) {
			state.db.messages.splice(state.db.messages.indexOf(m), 1);
			failed.push(m);
		} else sent++;
	}
	state.smsDelivered = (state.smsDelivered ?? 0) + sent;
	return { sent, failed_numbers: failed };
}

module.exports = {
	seed,
	smsBody,
	deliverSms,
	UNREACHABLE_PREFIX,
	events: {
		/** An incoming SMS: { from_number, body, endpoint, created_at } */
		sms: (state, body) =>
			record(state, {
				direction: 'incoming',
				from_number: body.from_number ?? '4561000000',
				to_number: body.to_number ?? '4570000000',
				endpoint: body.endpoint ?? 'Reception#21',
				body: body.body ?? 'Hej',
				created_at: body.created_at ?? state.iso(),
			}),
	},
	routes: [
		[
			'GET',
			'/messages',
			({ state, query }) => {
				let list = state.db.messages;
				if (query.get('endpoint')) list = list.filter((m) => m.endpoint === query.get('endpoint'));
				const page = listPage(list, new URLSearchParams([...query].filter(([k]) => k !== 'limit')), {
					orderField: 'created_at',
					rangeFields: ['created_at'],
					defaultLimit: MESSAGES_PAGE,
				});
				return { messages: page };
			},
		],
		[
			'POST',
			'/messages',
			({ state, body }) => {
				const message = smsBody(body);
				const numbers = body?.to_numbers;
				if (!Array.isArray(numbers) || numbers.length === 0) {
					throw new HttpError(422, { errors: { to_numbers: ["can't be blank"] } });
				}
				return deliverSms(state, message, numbers);
			},
		],
	],
};

'use strict';
const crypto = require('node:crypto');

const { HttpError } = require('../http');
const { listPage, findOr404 } = require('../state');
const { contact, formatNumber } = require('../fixtures');

const CUSTOMERS = [
	['Anders And', '4561000001'],
	['Bente Berg', '4561000002'],
	[null, '4561000003'],
	['Carl Christensen', '4561000004'],
	[null, '4930123456'],
];

function uuidFrom(n) {
	const hex = crypto.createHash('sha1').update(`call-${n}`).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function node(callUuid, endpoint, name, type, startedAt, answeredAt, endedAt) {
	return {
		node_uuid: uuidFrom(`${callUuid}-${endpoint}`),
		call_uuid: callUuid,
		endpoint,
		endpoint_name: name,
		started_at: startedAt,
		answered_at: answeredAt,
		ended_at: endedAt,
		state: answeredAt ? 'answered' : endedAt ? 'ended' : 'ringing',
		node_type: type,
		parent_node_uuid: null,
		web_call: false,
	};
}

/**
 * A call record. `spec`: { direction, startedAt (ms), answered, talk, wait, reception,
 * employee, group, customer, recording, ended } — incoming calls route reception → group →
 * employee, so the employee shows only in path[]/nodes[], as on the live API.
 */
function makeCall(state, spec) {
	const n = state.nextId('call', 0);
	const callUuid = spec.call_uuid ?? uuidFrom(`${n}-${spec.startedAt}`);
	const employee = state.db.employees.find((e) => e.id === (spec.employee ?? 2));
	const group = state.db.employee_groups.find((g) => g.id === (spec.group ?? 11));
	const reception = state.db.receptions.find((r) => r.id === (spec.reception ?? 21));
	const [customerName, customerNumber] = spec.customer ?? CUSTOMERS[n % CUSTOMERS.length];
	const started = spec.startedAt;
	const answeredAt = spec.answered ? state.iso(started + spec.wait * 1000) : null;
	const ended = spec.ended === false ? null : started + spec.wait * 1000 + (spec.answered ? spec.talk * 1000 : 0);
	const endedAt = ended === null ? null : state.iso(ended);
	const incoming = spec.direction === 'incoming';
	const remote = contact(700 + (n % CUSTOMERS.length), customerName, customerNumber);
	const path = incoming
		? [
				node(callUuid, reception.endpoint, reception.name, 'reception', state.iso(started), answeredAt, endedAt),
				node(callUuid, group.endpoint, group.name, 'employee_group', state.iso(started), answeredAt, endedAt),
				node(callUuid, employee.endpoint, employee.name, 'employee', state.iso(started), answeredAt, endedAt),
			]
		: [node(callUuid, employee.endpoint, employee.name, 'employee', state.iso(started), answeredAt, endedAt)];
	const nodes = incoming
		? [
				...path,
				...group.employee_ids
					.filter((id) => id !== employee.id)
					.map((id) => {
						const other = state.db.employees.find((e) => e.id === id);
						return node(callUuid, other.endpoint, other.name, 'employee', state.iso(started), null, endedAt);
					}),
			]
		: path;
	const recordingId = spec.recording ? state.nextId('recording', 300) : null;
	const call = {
		call_uuid: callUuid,
		company_id: 1,
		endpoint: incoming ? reception.endpoint : employee.endpoint,
		from_number: incoming ? customerNumber : employee.number,
		from_number_formatted: formatNumber(incoming ? customerNumber : employee.number),
		to_number: incoming ? reception.number : customerNumber,
		to_number_formatted: formatNumber(incoming ? reception.number : customerNumber),
		remote_number: customerNumber,
		remote_number_formatted: formatNumber(customerNumber),
		from_contact: incoming ? remote : null,
		to_contact: incoming ? null : remote,
		remote_contact: remote,
		direction: spec.direction,
		started_at: state.iso(started),
		ringing_at: state.iso(started),
		answered_at: answeredAt,
		sort_value: state.iso(started),
		answered_by: answeredAt ? { id: employee.id, name: employee.name, number: employee.number, endpoint: { type: 'Employee', id: employee.id } } : null,
		ended_at: endedAt,
		status: endedAt ? 'ended' : answeredAt ? 'answered' : 'ringing',
		endpoint_name: incoming ? reception.name : employee.name,
		endpoint_type: incoming ? 'reception' : 'employee',
		queue_virtual_position: 0,
		reserving_employee_id: null,
		callback_requested: false,
		callback: false,
		talk_duration: answeredAt && endedAt ? spec.talk : null,
		waiting_time: spec.wait,
		path,
		nodes,
		input_data: [],
		smiley: null,
		recording: recordingId
			? {
					id: recordingId,
					started_at: answeredAt,
					duration: spec.talk,
					expire_at: state.iso(started + 90 * 24 * 3600 * 1000),
					expired: false,
					sound: {
						formats: ['audio/mpeg'],
						url: `${state.fileOrigin ?? 'http://localhost'}/files/recordings/${recordingId}.mp3?signature=sig-${recordingId}`,
					},
					accepted: true,
				}
			: null,
		voice_mail: null,
	};
	state.db.calls.push(call);
	return call;
}

function seed(state) {
	state.db.calls = [];
	state.db.dials = [];
	const start = state.now() - 10 * 24 * 3600 * 1000;
	for (let i = 0; i < 240; i++) {
		const incoming = i % 4 !== 3;
		// Calls come in threes within one second: paging meets equal timestamps.
		const startedAt = start + Math.floor(i / 3) * 3 * 3600 * 1000;
		state.pendingCallSeeds = state.pendingCallSeeds ?? [];
		state.pendingCallSeeds.push({
			direction: incoming ? 'incoming' : 'outgoing',
			startedAt,
			answered: i % 5 !== 0,
			wait: 5 + (i % 40),
			talk: 30 + ((i * 17) % 600),
			employee: [1, 2, 3, 4][i % 4],
			group: i % 4 < 2 ? 11 : 12,
			reception: [21, 22][i % 2],
			recording: i % 6 === 1,
		});
	}
}

/** Seeds need employees, groups and receptions; they are made on first use. */
function calls(state) {
	if (state.pendingCallSeeds) {
		const seeds = state.pendingCallSeeds;
		state.pendingCallSeeds = undefined;
		for (const spec of seeds) makeCall(state, spec);
	}
	return state.db.calls;
}

function endCall(state, call, { answered, talk = 60, at }) {
	const endedMs = at ? Date.parse(at) : state.now();
	if (answered && !call.answered_at) {
		call.answered_at = state.iso(endedMs - talk * 1000);
		call.talk_duration = talk;
	}
	call.ended_at = state.iso(endedMs);
	call.status = 'ended';
	for (const n of [...call.path, ...call.nodes]) n.ended_at = call.ended_at;
	return call;
}

module.exports = {
	seed,
	calls,
	makeCall,
	events: {
		/** A call: { direction, answered, ended, started_at, talk, wait, reception, employee, group, recording } */
		call: (state, body) =>
			makeCall(
				(calls(state), state),
				{
					direction: body.direction ?? 'incoming',
					startedAt: body.started_at ? Date.parse(body.started_at) : state.now() - (body.ended === false ? 0 : 60_000),
					answered: body.answered ?? false,
					ended: body.ended,
					talk: body.talk ?? 45,
					wait: body.wait ?? 12,
					reception: body.reception,
					employee: body.employee,
					group: body.group,
					recording: body.recording,
					customer: body.customer,
				},
			),
		/** Ends an ongoing call: { call_uuid, answered, talk, at } */
		callEnd: (state, body) => {
			const call = findOr404(calls(state), (c) => c.call_uuid === body.call_uuid, 'Call');
			return endCall(state, call, body);
		},
	},
	routes: [
		[
			'GET',
			'/calls',
			({ state, query }) => {
				let list = calls(state);
				const direction = query.get('direction');
				if (direction) list = list.filter((c) => c.direction === direction);
				// Like the live API: `endpoint` is accepted but does NOT filter.
				return {
					calls: listPage(list, query, { orderField: 'started_at', rangeFields: ['started_at', 'ended_at'] }),
				};
			},
		],
		['GET', '/calls/:uuid', ({ state, params }) => ({ call: findOr404(calls(state), (c) => c.call_uuid === params.uuid, 'Call') })],
		[
			'POST',
			'/switch/dial',
			({ state, body }) => {
				const to = String(body?.to_number ?? '');
				if (!/^[1-9]\d{8,14}$/.test(to)) throw new HttpError(422, { errors: { to_number: ['is invalid'] } });
				if (body.restrict_to !== undefined && !['', 'web_call', 'mobile'].includes(body.restrict_to)) {
					throw new HttpError(422, { errors: { restrict_to: ['is not included in the list'] } });
				}
				if (body.cloak_reception_id) findOr404(state.db.receptions, (r) => String(r.id) === String(body.cloak_reception_id), 'Reception');
				state.db.dials.push({ ...body, at: state.iso() });
				makeCall((calls(state), state), {
					direction: 'outgoing',
					startedAt: state.now(),
					answered: false,
					ended: false,
					wait: 0,
					talk: 0,
					employee: state.currentEmployeeId,
					customer: [null, to],
				});
				return { message: 'Call initiated successfully' };
			},
		],
	],
};

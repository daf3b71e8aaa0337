'use strict';
const { HttpError } = require('../http');
const { findOr404 } = require('../state');
const { employee } = require('../fixtures');
const { deliverSms, smsBody } = require('./message');

function seed(state) {
	state.db.employees = [
		employee(1, 'Jane Doe', '4520000001', [11]),
		employee(2, 'John Hansen', '4520000002', [11]),
		employee(3, 'Mette Larsen', '4520000003', [12]),
		employee(4, 'Søren Kierkegaard', '4520000004', [12]),
	];
}

const UPDATABLE = ['name', 'email', 'do_not_disturb', 'dnd_timeout_at', 'employee_group_ids', 'cloak_reception_id', 'locale', 'visible', 'live_presence'];

function invalid(field, message) {
	return new HttpError(422, { errors: { [field]: [message] } });
}

function byId(state, id) {
	return findOr404(state.db.employees, (e) => String(e.id) === String(id), 'Employee');
}

/** Do not disturb with an end time ends by itself once the time has passed. */
function current(state, e) {
	if (e.do_not_disturb && e.dnd_timeout_at && Date.parse(e.dnd_timeout_at) <= state.now()) {
		e.do_not_disturb = false;
		e.do_not_disturb_ended_at = e.dnd_timeout_at;
		e.dnd_timeout_at = null;
	}
	return e;
}

/** Checks every change first, so a refused update changes nothing. */
function validate(state, changes) {
	for (const [key, value] of Object.entries(changes)) {
		if (!UPDATABLE.includes(key)) throw invalid(key, 'is not a known field');
		if (key === 'name' && (typeof value !== 'string' || !value.trim())) throw invalid(key, "can't be blank");
		if (key === 'email' && (typeof value !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(value))) throw invalid(key, 'is invalid');
		if ((key === 'do_not_disturb' || key === 'visible') && typeof value !== 'boolean') throw invalid(key, 'must be true or false');
		if (key === 'dnd_timeout_at' && value !== null && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))) {
			throw invalid(key, 'is not a valid time');
		}
		if (key === 'employee_group_ids') {
			if (!Array.isArray(value)) throw invalid(key, 'must be a list of ids');
			for (const id of value) {
				if (!state.db.employee_groups.some((g) => String(g.id) === String(id))) throw invalid(key, `${id} is not an employee group`);
			}
		}
		if (key === 'cloak_reception_id' && value !== null) {
			const reception = state.db.receptions.find((r) => String(r.id) === String(value));
			if (!reception) throw invalid(key, `${value} is not a reception`);
			if (!reception.is_cloakable) throw invalid(key, 'the reception cannot be used for cloaking');
		}
	}
}

function update(state, target, body) {
	const changes = body?.employee;
	if (!changes || typeof changes !== 'object' || Array.isArray(changes)) throw invalid('employee', 'is missing');
	validate(state, changes);
	const wasDnd = target.do_not_disturb;
	for (const [key, value] of Object.entries(changes)) {
		if (key === 'cloak_reception_id') {
			target.cloak_reception = value === null ? null : state.db.receptions.find((r) => String(r.id) === String(value));
		} else if (key === 'employee_group_ids') {
			target.employee_group_ids = [...new Set(value.map(Number))];
			for (const g of state.db.employee_groups) {
				const has = g.employee_ids.includes(target.id);
				const wants = target.employee_group_ids.includes(g.id);
				if (wants && !has) g.employee_ids.push(target.id);
				if (!wants && has) g.employee_ids = g.employee_ids.filter((id) => id !== target.id);
			}
		} else target[key] = value;
	}
	if (changes.do_not_disturb === false) {
		target.dnd_timeout_at = null;
		if (wasDnd) target.do_not_disturb_ended_at = state.iso();
	}
	return { employee: current(state, target) };
}

module.exports = {
	seed,
	byId,
	routes: [
		['GET', '/employees', ({ state }) => ({ employees: state.db.employees.map((e) => current(state, e)) })],
		['GET', '/employee', ({ state }) => ({ employee: current(state, byId(state, state.currentEmployeeId)) })],
		['PUT', '/employee', ({ state, body }) => update(state, byId(state, state.currentEmployeeId), body)],
		['GET', '/employees/:id', ({ state, params }) => ({ employee: current(state, byId(state, params.id)) })],
		['PUT', '/employees/:id', ({ state, params, body }) => update(state, byId(state, params.id), body)],
		[
			'POST',
			'/employees/:id/message',
			({ state, params, body }) => {
				const target = byId(state, params.id);
				return deliverSms(state, smsBody(body), [target.number]);
			},
		],
	],
};

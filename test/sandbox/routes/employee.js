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

function byId(state, id) {
	return findOr404(state.db.employees, (e) => String(e.id) === String(id), 'Employee');
}

function update(state, target, body) {
	const changes = body?.employee;
	if (!changes || typeof changes !== 'object') throw new HttpError(422, { errors: { employee: ['is missing'] } });
	for (const [key, value] of Object.entries(changes)) {
		if (!UPDATABLE.includes(key)) throw new HttpError(422, { errors: { [key]: ['is not a known field'] } });
		if (key === 'cloak_reception_id') {
			target.cloak_reception = value ? state.db.receptions.find((r) => String(r.id) === String(value)) ?? null : null;
		} else if (key === 'employee_group_ids') {
			target.employee_group_ids = value.map(Number);
			for (const g of state.db.employee_groups) {
				const has = g.employee_ids.includes(target.id);
				const wants = target.employee_group_ids.includes(g.id);
				if (wants && !has) g.employee_ids.push(target.id);
				if (!wants && has) g.employee_ids = g.employee_ids.filter((id) => id !== target.id);
			}
		} else target[key] = value;
	}
	if (changes.do_not_disturb === false) target.dnd_timeout_at = null;
	return { employee: target };
}

module.exports = {
	seed,
	byId,
	routes: [
		['GET', '/employees', ({ state }) => ({ employees: state.db.employees })],
		['GET', '/employee', ({ state }) => ({ employee: byId(state, state.currentEmployeeId) })],
		['PUT', '/employee', ({ state, body }) => update(state, byId(state, state.currentEmployeeId), body)],
		['GET', '/employees/:id', ({ state, params }) => ({ employee: byId(state, params.id) })],
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

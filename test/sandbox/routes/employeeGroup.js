'use strict';
const { HttpError } = require('../http');
const { findOr404 } = require('../state');
const { group } = require('../fixtures');
const { deliverSms, smsBody } = require('./message');

function seed(state) {
	state.db.employee_groups = [group(11, 'Support', [1, 2]), group(12, 'Sales', [3, 4])];
}

function byId(state, id) {
	return findOr404(state.db.employee_groups, (g) => String(g.id) === String(id), 'Employee group');
}

function syncEmployees(state, g) {
	for (const e of state.db.employees) {
		const listed = g.employee_ids.includes(e.id);
		const has = e.employee_group_ids.includes(g.id);
		if (listed && !has) e.employee_group_ids.push(g.id);
		if (!listed && has) e.employee_group_ids = e.employee_group_ids.filter((id) => id !== g.id);
	}
}

/** Checks every change first, so a refused create or update changes nothing. */
function apply(state, g, changes, { create = false } = {}) {
	if (!changes || typeof changes !== 'object' || Array.isArray(changes)) {
		throw new HttpError(422, { errors: { employee_group: ['is missing'] } });
	}
	if (create && changes.name === undefined) throw new HttpError(422, { errors: { name: ["can't be blank"] } });
	if (changes.name !== undefined && (typeof changes.name !== 'string' || !changes.name.trim())) {
		throw new HttpError(422, { errors: { name: ["can't be blank"] } });
	}
	if (changes.employee_ids !== undefined) {
		if (!Array.isArray(changes.employee_ids)) throw new HttpError(422, { errors: { employee_ids: ['must be a list of ids'] } });
		for (const id of changes.employee_ids) findOr404(state.db.employees, (e) => String(e.id) === String(id), 'Employee');
	}
	if (changes.name !== undefined) g.name = changes.name;
	if (changes.employee_ids !== undefined) g.employee_ids = [...new Set(changes.employee_ids.map(Number))];
	syncEmployees(state, g);
	return g;
}

function membership(join) {
	return ({ state, params }) => {
		const g = byId(state, params.id);
		const me = state.currentEmployeeId;
		if (join && !g.employee_ids.includes(me)) g.employee_ids.push(me);
		if (!join) g.employee_ids = g.employee_ids.filter((id) => id !== me);
		syncEmployees(state, g);
		return g;
	};
}

module.exports = {
	seed,
	routes: [
		['GET', '/employee_groups', ({ state }) => ({ employee_groups: state.db.employee_groups })],
		[
			'POST',
			'/employee_groups',
			({ state, body }) => {
				const g = group(state.nextId('employee_group', 100), '', []);
				apply(state, g, body?.employee_group, { create: true });
				state.db.employee_groups.push(g);
				return [201, g];
			},
		],
		['GET', '/employee_groups/:id', ({ state, params }) => byId(state, params.id)],
		['PUT', '/employee_groups/:id', ({ state, params, body }) => apply(state, byId(state, params.id), body?.employee_group)],
		['POST', '/employee_groups/:id/join', membership(true)],
		['POST', '/employee_groups/:id/leave', membership(false)],
		[
			'POST',
			'/employee_groups/:id/message',
			({ state, params, body }) => {
				const g = byId(state, params.id);
				const numbers = state.db.employees.filter((e) => g.employee_ids.includes(e.id)).map((e) => e.number);
				return deliverSms(state, smsBody(body), numbers);
			},
		],
	],
};

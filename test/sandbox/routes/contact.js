'use strict';
const { HttpError } = require('../http');
const { findOr404, listPage } = require('../state');
const { contact, formatNumber } = require('../fixtures');

const FIRST_NAMES = [
	'Mette', 'Lars', 'Anne', 'Jens', 'Camilla', 'Rasmus', 'Sofie', 'Mikkel', 'Ida', 'Frederik',
	'Louise', 'Morten', 'Emma', 'Kasper', 'Julie', 'Anders', 'Freja', 'Thomas', 'Signe', 'Christian',
];
const LAST_NAMES = ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen'];
const TAGS = [[], ['kunde'], ['leverandør'], ['kunde', 'vip'], []];
const COMMENTS = [
	'Ringede om fakturaen, vender tilbage mandag',
	'Ønsker et tilbud på 5 ekstra mobilabonnementer',
	'Har fået ny kontaktperson: spørg efter Hanne',
	'Aftalt opfølgning i næste uge',
];
/** Seeded contacts: more than one page of 100, so Return All has to page. */
const SEEDED_CONTACTS = 140;

const NUMBER = /^[1-9]\d{8,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FIELDS = ['number', 'name', 'email', 'flagged', 'tags'];

function employeeSummary(state, id) {
	const e = state.db.employees.find((x) => String(x.id) === String(id));
	return e ? { id: e.id, name: e.name } : null;
}

function addComment(state, target, { body, employeeId, recipientId, createdAt }) {
	const employee = employeeSummary(state, employeeId);
	if (!employee) throw new HttpError(422, { errors: { employee_id: ['is not an employee of the company'] } });
	let recipient = null;
	if (recipientId !== undefined && recipientId !== null && recipientId !== '') {
		recipient = state.db.employees.find((e) => String(e.id) === String(recipientId));
		if (!recipient) throw new HttpError(422, { errors: { recipient_id: ['is not an employee of the company'] } });
	}
	const at = createdAt ?? state.iso();
	const comment = {
		id: state.nextId('comment', 7000),
		body,
		employee,
		contact_id: target.id,
		sort_value: at,
		created_at: at,
		recipient,
	};
	state.db.comments.push(comment);
	target.comments_count = state.db.comments.filter((c) => c.contact_id === target.id).length;
	return comment;
}

function seed(state) {
	state.db.contacts = [];
	state.db.comments = [];
	for (let i = 0; i < SEEDED_CONTACTS; i++) {
		const name = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]}`;
		// The first ones are the customers who send SMS in message.js's seed.
		const number = i < 60 ? `4561${String(100000 + i * 37).slice(-6)}` : `4540${String(200000 + i * 13).slice(-6)}`;
		const c = contact(state.nextId('contact', 2000), name, number);
		c.email = `${name.split(' ')[0].toLowerCase()}.${name.split(' ')[1].toLowerCase().replace('ø', 'oe')}@example.dk`;
		c.flagged = i % 17 === 0;
		c.tags = TAGS[i % TAGS.length].slice();
		state.db.contacts.push(c);
	}
	const start = state.now() - 10 * 24 * 3600 * 1000;
	state.db.contacts.slice(0, 4).forEach((c, i) => {
		for (let j = 0; j <= i % 2; j++) {
			addComment(state, c, {
				body: COMMENTS[(i + j) % COMMENTS.length],
				employeeId: 1 + ((i + j) % 2),
				recipientId: j === 1 ? 3 : undefined,
				createdAt: state.iso(start + (i * 2 + j) * 3600 * 1000),
			});
		}
	});
}

function byId(state, id) {
	return findOr404(state.db.contacts, (c) => String(c.id) === String(id), 'Contact');
}

/** Applies `contact { number, name, email, flagged, tags }` as Relatel validates it. */
function apply(state, target, changes, creating) {
	if (!changes || typeof changes !== 'object') throw new HttpError(422, { errors: { contact: ['is missing'] } });
	for (const key of Object.keys(changes)) {
		if (!FIELDS.includes(key)) throw new HttpError(422, { errors: { [key]: ['is not a known field'] } });
	}
	if (creating || changes.number !== undefined) {
		const number = String(changes.number ?? '');
		if (!number) throw new HttpError(422, { errors: { number: ["can't be blank"] } });
		if (!NUMBER.test(number)) throw new HttpError(422, { errors: { number: ['is invalid'] } });
		if (state.db.contacts.some((c) => c.number === number && c.id !== target.id)) {
			throw new HttpError(422, { errors: { number: ['has already been taken'] } });
		}
		target.number = number;
		target.number_formatted = formatNumber(number);
	}
	if (changes.name !== undefined) target.name = changes.name === null ? null : String(changes.name);
	if (changes.email !== undefined) {
		if (changes.email !== null && changes.email !== '' && !EMAIL.test(String(changes.email))) {
			throw new HttpError(422, { errors: { email: ['is invalid'] } });
		}
		target.email = changes.email || null;
	}
	if (changes.flagged !== undefined) {
		if (typeof changes.flagged !== 'boolean') throw new HttpError(422, { errors: { flagged: ['must be true or false'] } });
		target.flagged = changes.flagged;
	}
	if (changes.tags !== undefined) {
		if (!Array.isArray(changes.tags)) throw new HttpError(422, { errors: { tags: ['must be a list'] } });
		target.tags = changes.tags.map(String);
	}
	return target;
}

module.exports = {
	seed,
	byId,
	SEEDED_CONTACTS,
	routes: [
		[
			'GET',
			'/contacts',
			({ state, query }) => {
				let list = state.db.contacts;
				if (query.get('number')) list = list.filter((c) => c.number === query.get('number'));
				return { contacts: listPage(list, query, { orderField: 'id', ascending: true, rangeFields: ['id'] }) };
			},
		],
		[
			'POST',
			'/contacts',
			({ state, body }) => {
				const c = contact(0, null, '');
				apply(state, c, body?.contact, true);
				c.id = state.nextId('contact', 2000);
				state.db.contacts.push(c);
				return [201, { contact: c }];
			},
		],
		[
			'GET',
			'/contacts/by_number/:number',
			({ state, params }) => ({
				contact: findOr404(state.db.contacts, (c) => c.number === params.number, 'Contact'),
			}),
		],
		['GET', '/contacts/:id', ({ state, params }) => ({ contact: byId(state, params.id) })],
		['PUT', '/contacts/:id', ({ state, params, body }) => ({ contact: apply(state, byId(state, params.id), body?.contact, false) })],
		[
			'DELETE',
			'/contacts/:id',
			({ state, params }) => {
				const c = byId(state, params.id);
				state.db.contacts.splice(state.db.contacts.indexOf(c), 1);
				state.db.comments = state.db.comments.filter((comment) => comment.contact_id !== c.id);
				return [204];
			},
		],
		[
			'GET',
			'/contacts/:contactId/comments',
			({ state, params }) => {
				const c = byId(state, params.contactId);
				const comments = state.db.comments
					.filter((comment) => comment.contact_id === c.id)
					.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id);
				return { comments };
			},
		],
		[
			'POST',
			'/contacts/:contactId/comments',
			({ state, params, body }) => {
				const c = byId(state, params.contactId);
				const input = body?.comment;
				if (!input || typeof input !== 'object') throw new HttpError(422, { errors: { comment: ['is missing'] } });
				if (typeof input.body !== 'string' || !input.body.trim()) {
					throw new HttpError(422, { errors: { body: ["can't be blank"] } });
				}
				const comment = addComment(state, c, {
					body: input.body,
					employeeId: input.employee_id ?? state.currentEmployeeId,
					recipientId: input.recipient_id,
				});
				return [201, { comment }];
			},
		],
	],
};

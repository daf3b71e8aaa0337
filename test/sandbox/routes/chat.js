'use strict';
const { findOr404 } = require('../state');

const VISITORS = [
	['Peter Holm', 'peter@holm-vvs.dk'],
	['Karen Mortensen', 'karen.mortensen@gmail.com'],
	['Ole Kristiansen', 'ole@kristiansen-byg.dk'],
	['Line Bach', 'line.bach@outlook.dk'],
	// A known contact (contact.js seeds Mette Jensen first): her chats carry the contact.
	['Mette Jensen', 'mette.jensen@example.dk'],
];

/** A chat UUID built from a counter, so a sandbox run is the same every time. */
function chatUuid(n) {
	const hex = n.toString(16).padStart(12, '0');
	return `c4a7e000-0000-4000-8000-${hex}`;
}

function answeredBy(state, employeeId) {
	const e = state.db.employees.find((x) => x.id === employeeId);
	return e ? { name: e.name, endpoint: e.endpoint } : null;
}

function contactFor(state, email) {
	return state.db.contacts?.find((c) => c.email === email) ?? null;
}

/** One chat in the seed's shape. `state` is ringing, answered (ongoing) or ended. */
function record(state, fields) {
	const chat = {
		uuid: chatUuid(state.nextId('chat', 0)),
		state: 'ringing',
		from_name: 'Besøgende',
		from_email: null,
		endpoint: 'ChatReception#1',
		link: null,
		started_at: state.iso(),
		answered_at: null,
		answered_by: null,
		ended_at: null,
		contact: null,
		...fields,
	};
	chat.link = `https://app.relatel.dk/chats/${chat.uuid}`;
	if (chat.contact === null && chat.from_email) chat.contact = contactFor(state, chat.from_email);
	state.db.chats.push(chat);
	return chat;
}

function seed(state) {
	state.db.chats = [];
	const start = state.now() - 5 * 24 * 3600 * 1000;
	for (let i = 0; i < 24; i++) {
		const [name, email] = VISITORS[i % VISITORS.length];
		const startedMs = start + i * 5 * 3600 * 1000;
		// Older chats are over; the newest is still ringing and the one before is ongoing.
		const chatState = i === 23 ? 'ringing' : i === 22 ? 'answered' : 'ended';
		const answered = chatState !== 'ringing' && i % 6 !== 5; // a few were never answered
		record(state, {
			state: chatState,
			from_name: name,
			from_email: email,
			endpoint: i % 4 === 3 ? 'ChatReception#2' : 'ChatReception#1',
			started_at: state.iso(startedMs),
			answered_at: answered ? state.iso(startedMs + 40 * 1000) : null,
			answered_by: answered ? answeredBy(state, 1 + (i % 3)) : null,
			ended_at: chatState === 'ended' ? state.iso(startedMs + (answered ? 9 : 2) * 60 * 1000) : null,
		});
	}
}

function newestFirst(state) {
	return state.db.chats.slice().sort((a, b) => Date.parse(b.started_at) - Date.parse(a.started_at));
}

module.exports = {
	seed,
	chatUuid,
	events: {
		/** A new chat: { started_at, state, from_name, from_email, endpoint } — ringing and now by default. */
		chat: (state, body) =>
			record(state, {
				state: body.state ?? 'ringing',
				started_at: body.started_at ?? state.iso(),
				from_name: body.from_name ?? 'Besøgende',
				from_email: body.from_email ?? null,
				endpoint: body.endpoint ?? 'ChatReception#1',
				answered_at: body.answered_at ?? null,
				answered_by: body.answered_by ?? null,
				ended_at: body.ended_at ?? null,
			}),
	},
	routes: [
		// Relatel documents no filters or paging for chats: the whole list, newest first.
		['GET', '/chats', ({ state }) => ({ chats: newestFirst(state) })],
		[
			'GET',
			'/chats/:uuid',
			({ state, params }) => ({
				chat: findOr404(state.db.chats, (c) => c.uuid === String(params.uuid).toLowerCase(), 'Chat'),
			}),
		],
	],
};

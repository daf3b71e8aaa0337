'use strict';
const { HttpError, send } = require('../http');
const { listPage, findOr404 } = require('../state');
const { contact, formatNumber } = require('../fixtures');
const { fakeMp3 } = require('../files');

function makeVoicemail(state, { createdAt, fromNumber, fromName, endpoint, endpointName, duration, heard = false }) {
	const id = state.nextId('voicemail', 800);
	const voicemail = {
		id,
		created_at: state.iso(createdAt),
		heard,
		comment: null,
		sound: { formats: ['audio/mpeg'], url: `${state.origin ?? ''}/api/v2/voice_mails/${id}/sound` },
		duration,
		from_number: fromNumber,
		from_number_formatted: formatNumber(fromNumber),
		from_contact: fromName ? contact(900 + id, fromName, fromNumber) : null,
		endpoint_name: endpointName,
		endpoint,
	};
	state.db.voice_mails.push(voicemail);
	return voicemail;
}

function seed(state) {
	state.db.voice_mails = [];
	state.pendingVoicemailSeeds = [];
	const start = state.now() - 8 * 24 * 3600 * 1000;
	for (let i = 0; i < 45; i++) {
		state.pendingVoicemailSeeds.push({
			// Every 5th pair shares a timestamp.
			createdAt: start + (i - (i % 5 === 1 ? 1 : 0)) * 4 * 3600 * 1000,
			fromNumber: `4561${String(200000 + i * 13).slice(-6)}`,
			fromName: i % 2 ? 'Dorthe Dam' : null,
			endpoint: i % 3 ? 'Employee#2' : 'Reception#21',
			endpointName: i % 3 ? 'John Hansen' : 'Hovednummer',
			duration: 5 + (i % 50),
			heard: i < 20,
		});
	}
}

function voicemails(state) {
	if (state.pendingVoicemailSeeds) {
		const seeds = state.pendingVoicemailSeeds;
		state.pendingVoicemailSeeds = undefined;
		for (const spec of seeds) makeVoicemail(state, spec);
	}
	return state.db.voice_mails;
}

const byId = (state, id) => findOr404(voicemails(state), (v) => String(v.id) === String(id), 'Voicemail');

module.exports = {
	seed,
	voicemails,
	events: {
		/** A new voicemail: { from_number, endpoint, endpoint_name, duration, created_at } */
		voicemail: (state, body) =>
			makeVoicemail((voicemails(state), state), {
				createdAt: body.created_at ? Date.parse(body.created_at) : state.now(),
				fromNumber: body.from_number ?? '4561000009',
				fromName: body.from_name ?? null,
				endpoint: body.endpoint ?? 'Employee#1',
				endpointName: body.endpoint_name ?? 'Jane Doe',
				duration: body.duration ?? 17,
			}),
	},
	routes: [
		[
			'GET',
			'/voice_mails',
			({ state, query }) => {
				let list = voicemails(state);
				if (query.get('endpoint')) list = list.filter((v) => v.endpoint === query.get('endpoint'));
				if (query.get('number')) list = list.filter((v) => v.from_number === query.get('number'));
				// Only an upper bound exists for voicemails.
				const q = new URLSearchParams([...query].filter(([k]) => k !== 'created_at_gt_or_eq'));
				return { voice_mails: listPage(list, q, { orderField: 'created_at', rangeFields: ['created_at'] }) };
			},
		],
		['GET', '/voice_mails/:id', ({ state, params }) => byId(state, params.id)],
		[
			'PUT',
			'/voice_mails/:id',
			({ state, params, body }) => {
				const v = byId(state, params.id);
				const changes = body?.voice_mail;
				if (!changes || typeof changes !== 'object') throw new HttpError(422, { errors: { voice_mail: ['is missing'] } });
				if (changes.heard !== undefined) {
					if (typeof changes.heard !== 'boolean') throw new HttpError(422, { errors: { heard: ['must be true or false'] } });
					v.heard = changes.heard;
				}
				if (changes.comment !== undefined) v.comment = changes.comment;
				return v;
			},
		],
		[
			'DELETE',
			'/voice_mails/:id',
			({ state, params }) => {
				const v = byId(state, params.id);
				state.db.voice_mails.splice(state.db.voice_mails.indexOf(v), 1);
				return [204, undefined];
			},
		],
		[
			'GET',
			'/voice_mails/:id/sound',
			({ state, params, res }) => {
				const v = byId(state, params.id);
				send(res, 200, fakeMp3(v.id), { 'content-type': 'audio/mpeg' });
			},
		],
	],
};

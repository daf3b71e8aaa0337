// In real n8n, headless, against the sandbox: every resource of the Relatel node at least
// once (SMS, Call incl. Dial and Download Recording, Voicemail incl. Download Audio, Mark
// heard and Delete, Contact, Contact Comment, Employee, Employee Group incl. Join, Leave and
// Send SMS, Reception incl. statistics, Smiley incl. statistics, Statistic, Chat, M2M Order
// incl. Activate, M2M Subscription incl. Get Charges) with the access-token credential, and
// every resource again with the OAuth2 credential (one workflow running at least one
// operation of each — reads and writes), plus the example workflows that run without a
// trigger (docs/examples/).
//
// All workflows are imported in one n8n run and executed in one `n8n execute-batch` run
// (an n8n start costs 15–30 s). Each workflow uses its own access token, so the sandbox's
// request log says which workflow sent what; the OAuth2 workflow uses a token the sandbox
// issued through the authorization-code flow.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { loadExampleWorkflows } from '../runtime/examples.mjs';
import { ROOT, TYPE_PREFIX } from '../runtime/runtime.mjs';
import {
	ACCESS_TOKEN_CREDENTIAL,
	chainWorkflow,
	itemsOf,
	OAUTH2_CREDENTIAL,
	outputOf,
	RELATEL as RELATEL_TYPE,
	requestLines,
	startEnvironment,
} from './environment.mjs';

const rl = (value) => ({ __rl: true, mode: 'id', value: String(value) });
const once = { executeOnce: true };
const oauth2 = (parameters) => ({ authentication: 'oAuth2', ...parameters });

/** The Relatel node's resources, as the build declares them (the OAuth2 workflow must cover each). */
const RESOURCES = (() => {
	const { Relatel } = createRequire(import.meta.url)(path.join(ROOT, 'dist', 'nodes', 'Relatel', 'Relatel.node.js'));
	return new Relatel().description.properties.find((p) => p.name === 'resource').options.map((o) => o.value);
})();

/** One access-token credential per workflow: the sandbox logs whose token each request carries. */
const CREDENTIALS = Object.fromEntries(
	['calls', 'voicemail', 'contacts', 'people', 'feedback', 'm2m', 'exampleSms', 'exampleM2m', 'exampleStats'].map((key, i) => [
		key,
		{ id: `RelatelE2eCred${String(i + 1).padStart(2, '0')}`, name: `Relatel (${key})`, token: `e2e-token-${key}` },
	]),
);

const ICC = { direct: '89450123456700009001' };
const ACCESS_TOKEN = 'e2e-access-token';
const DAY = 24 * 3600 * 1000;

let env;
let batch;
let fixtures;
const ids = {
	calls: 'RelatelE2eCalls01',
	voicemail: 'RelatelE2eVoicemail01',
	contacts: 'RelatelE2eContacts01',
	people: 'RelatelE2ePeople01',
	feedback: 'RelatelE2eFeedback01',
	m2m: 'RelatelE2eM2m01',
	oauth: 'RelatelE2eOAuth2001',
	exampleSms: 'RelatelE2eExample01',
	exampleM2m: 'RelatelE2eExample02',
	exampleStats: 'RelatelE2eExample03',
};

async function sandboxEvent(kind, body) {
	const response = await fetch(`${env.sandbox.origin}/__sandbox/events/${kind}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	assert.equal(response.status, 201, `sandbox event ${kind}`);
	return await response.json();
}

/** The requests that carried this bearer token, in order. */
function requestsWith(token) {
	return env.sandbox.state.requests.filter((r) => r.authorization === `Bearer ${token}`);
}

function run(key) {
	const result = batch.runs[ids[key]];
	assert.ok(result, `workflow ${key} did not run to the end: ${JSON.stringify(batch.summary?.summary?.errors ?? batch.stderr)}`);
	return result;
}

/** An example from docs/examples/ with the given credential, as `n8n-nodes-relatel.*` → CUSTOM.*. */
function example(name, id, credential) {
	const workflow = loadExampleWorkflows({ credentialId: credential.id, credentialName: credential.name, typePrefix: TYPE_PREFIX }).find(
		(w) => w.name === name,
	);
	assert.ok(workflow, `docs/examples has no workflow named "${name}"`);
	return { ...workflow, id };
}

function workflows() {
	const { recordedCall, oauthVoicemail } = fixtures;
	const since = new Date(Date.now() - 10 * DAY).toISOString();
	const until = new Date(Date.now() + 60_000).toISOString();
	return [
		chainWorkflow(
			ids.calls,
			'E2E: calls',
			[
				{ name: 'Dial', parameters: { resource: 'call', operation: 'dial', toNumber: '+45 61 00 00 42', restrictTo: 'mobile', additionalFields: {} } },
				{ name: 'Get Call', ...once, parameters: { resource: 'call', operation: 'get', callId: recordedCall.call_uuid, simplify: false } },
				{
					name: 'Download Recording',
					parameters: { resource: 'call', operation: 'downloadRecording', callId: '={{ $json.call_uuid }}', binaryPropertyName: 'recording' },
				},
				{
					name: 'Get Missed Calls',
					...once,
					parameters: { resource: 'call', operation: 'getAll', returnAll: false, limit: 5, filters: { answered: 'missed', direction: 'incoming' }, simplify: true },
				},
			],
			CREDENTIALS.calls,
		),
		chainWorkflow(
			ids.voicemail,
			'E2E: voicemails',
			[
				{
					name: 'Get Unheard Voicemails',
					parameters: {
						resource: 'voicemail',
						operation: 'getAll',
						returnAll: false,
						limit: 5,
						filters: { number: '+45 61 00 00 77', heard: 'unheard' },
						simplify: true,
					},
				},
				{ name: 'Get Voicemail', parameters: { resource: 'voicemail', operation: 'get', voicemailId: '={{ $json.id }}', simplify: false } },
				{ name: 'Download Audio', parameters: { resource: 'voicemail', operation: 'downloadAudio', voicemailId: '={{ $json.id }}', binaryPropertyName: 'data' } },
				{
					name: 'Mark as Heard',
					parameters: { resource: 'voicemail', operation: 'update', voicemailId: '={{ $json.id }}', heard: true, additionalFields: { comment: 'Ringet tilbage' } },
				},
				{ name: 'Delete Voicemail', parameters: { resource: 'voicemail', operation: 'delete', voicemailId: '={{ $json.id }}' } },
			],
			CREDENTIALS.voicemail,
		),
		chainWorkflow(
			ids.contacts,
			'E2E: contacts and comments',
			[
				{
					name: 'Create Contact',
					parameters: {
						resource: 'contact',
						operation: 'create',
						number: '+45 40 11 22 33',
						additionalFields: { name: 'Lise Lotte Holm', email: 'lise@holm-vvs.dk', tags: 'kunde, vip' },
					},
				},
				{ name: 'Update Contact', parameters: { resource: 'contact', operation: 'update', contactId: rl('={{ $json.id }}'), updateFields: { flagged: true } } },
				{ name: 'Get Contact', parameters: { resource: 'contact', operation: 'get', contactId: rl('={{ $json.id }}') } },
				{ name: 'Get by Phone Number', parameters: { resource: 'contact', operation: 'getByNumber', number: '={{ $json.number }}' } },
				{
					name: 'Add Comment',
					parameters: { resource: 'contactComment', operation: 'create', contactId: rl('={{ $json.id }}'), body: 'Ønsker tilbud på 3 mobilabonnementer', additionalFields: {} },
				},
				{
					name: 'Get Comments',
					parameters: {
						resource: 'contactComment',
						operation: 'getAll',
						contactId: rl(`={{ $('Create Contact').item.json.id }}`),
						returnAll: true,
						simplify: true,
					},
				},
				{ name: 'Get Contacts', ...once, parameters: { resource: 'contact', operation: 'getAll', returnAll: false, limit: 3, filters: {} } },
				{ name: 'Delete Contact', ...once, parameters: { resource: 'contact', operation: 'delete', contactId: rl(`={{ $('Create Contact').first().json.id }}`) } },
			],
			CREDENTIALS.contacts,
		),
		chainWorkflow(
			ids.people,
			'E2E: employees, groups and receptions',
			[
				{ name: 'Get Current Employee', parameters: { resource: 'employee', operation: 'getCurrent' } },
				{ name: 'Get Employee', ...once, parameters: { resource: 'employee', operation: 'get', employeeId: rl(2) } },
				{ name: 'Get Employees', ...once, parameters: { resource: 'employee', operation: 'getAll' } },
				{ name: 'Update Employee', ...once, parameters: { resource: 'employee', operation: 'update', employeeId: rl(3), updateFields: { name: 'Mette Larsen-Holm' } } },
				{ name: 'SMS to Employee', ...once, parameters: { resource: 'employee', operation: 'sendSms', employeeId: rl(2), body: 'Kunden på linje 2 venter på dig', options: {} } },
				{ name: 'Create Group', ...once, parameters: { resource: 'employeeGroup', operation: 'create', name: 'Weekendvagt' } },
				{ name: 'Rename Group', parameters: { resource: 'employeeGroup', operation: 'update', employeeGroupId: rl('={{ $json.id }}'), updateFields: { name: 'Weekendvagt lørdag' } } },
				{ name: 'Join Group', ...once, parameters: { resource: 'employeeGroup', operation: 'join', employeeGroupId: rl(12) } },
				{ name: 'Leave Group', ...once, parameters: { resource: 'employeeGroup', operation: 'leave', employeeGroupId: rl(11) } },
				{ name: 'SMS to Group', ...once, parameters: { resource: 'employeeGroup', operation: 'sendSms', employeeGroupId: rl(12), body: 'Husk møde kl. 14', options: {} } },
				{ name: 'Get Group', ...once, parameters: { resource: 'employeeGroup', operation: 'get', employeeGroupId: rl(12) } },
				{ name: 'Get Groups', ...once, parameters: { resource: 'employeeGroup', operation: 'getAll' } },
				{ name: 'Get Receptions', ...once, parameters: { resource: 'reception', operation: 'getAll' } },
				{ name: 'Get Reception', ...once, parameters: { resource: 'reception', operation: 'get', receptionId: rl(21) } },
				{
					name: 'Reception Statistics',
					...once,
					parameters: { resource: 'reception', operation: 'getStatistics', receptionId: rl(21), answerTarget: 20, fromTime: since, toTime: until },
				},
			],
			CREDENTIALS.people,
		),
		chainWorkflow(
			ids.feedback,
			'E2E: smileys, statistics and chats',
			[
				{
					name: 'Get Negative Smileys',
					parameters: { resource: 'smiley', operation: 'getAll', returnAll: false, limit: 3, filters: { rating: 'negative' }, simplify: true },
				},
				{ name: 'Smiley Statistics', ...once, parameters: { resource: 'smiley', operation: 'getStatistics', fromTime: since, toTime: until, filters: {}, output: 'receptions' } },
				{
					name: 'Statistics per Reception',
					...once,
					parameters: { resource: 'statistics', operation: 'get', endpointType: 'Reception', groupBy: 'reception_id', start: since, end: until, endpoints: {} },
				},
				{ name: 'Get Ended Chats', ...once, parameters: { resource: 'chat', operation: 'getAll', returnAll: false, limit: 2, filters: { state: 'ended' } } },
				{ name: 'Get Chat', parameters: { resource: 'chat', operation: 'get', uuid: '={{ $json.uuid }}' } },
			],
			CREDENTIALS.feedback,
		),
		chainWorkflow(
			ids.m2m,
			'E2E: M2M orders and subscriptions',
			[
				{ name: 'Get Activations', parameters: { resource: 'm2mOrder', operation: 'getAll', returnAll: true, filters: { type: 'activate' } } },
				{
					name: 'Activate SIM',
					...once,
					parameters: { resource: 'm2mOrder', operation: 'activate', iccId: ICC.direct.replace(/(\d{4})(?=\d)/g, '$1 '), productName: 'm2m-large-one', description: 'Vandpumpe 7' },
				},
				{ name: 'Get Subscription', parameters: { resource: 'm2mSubscription', operation: 'get', subscriptionId: '={{ $json.subscription_id }}' } },
				{ name: 'Set Overuse Limit', parameters: { resource: 'm2mSubscription', operation: 'update', subscriptionId: '={{ $json.id }}', updateFields: { overuseLimitDkk: 300 } } },
				{
					name: 'Get Charges',
					...once,
					parameters: { resource: 'm2mSubscription', operation: 'getCharges', filters: { subscriptionIds: '4567, 4568' }, includeCsvFile: true, binaryPropertyName: 'csv' },
				},
			],
			CREDENTIALS.m2m,
		),
		chainWorkflow(
			ids.oauth,
			'E2E: OAuth2',
			[
				{
					name: 'Send SMS',
					parameters: { authentication: 'oAuth2', resource: 'message', operation: 'send', toNumbers: '+45 71 99 99 98', body: 'Hej via OAuth2', options: {} },
				},
				{ name: 'Get Current Employee', parameters: { authentication: 'oAuth2', resource: 'employee', operation: 'getCurrent' } },
				{
					name: 'Download Audio',
					parameters: { authentication: 'oAuth2', resource: 'voicemail', operation: 'downloadAudio', voicemailId: String(oauthVoicemail.id), binaryPropertyName: 'data' },
				},
				{
					name: 'Download Recording',
					parameters: { authentication: 'oAuth2', resource: 'call', operation: 'downloadRecording', callId: recordedCall.call_uuid, binaryPropertyName: 'data' },
				},
				{ name: 'Get SMS', parameters: { authentication: 'oAuth2', resource: 'message', operation: 'getAll', returnAll: false, limit: 2 } },
				// The other resources, once each (after Get SMS there are two items).
				{ name: 'Get Call', ...once, parameters: oauth2({ resource: 'call', operation: 'get', callId: recordedCall.call_uuid, simplify: true }) },
				{
					name: 'Create Contact',
					...once,
					parameters: oauth2({ resource: 'contact', operation: 'create', number: '+45 40 99 88 77', additionalFields: { name: 'OAuth2 Kunde' } }),
				},
				{
					name: 'Add Comment',
					parameters: oauth2({ resource: 'contactComment', operation: 'create', contactId: rl('={{ $json.id }}'), body: 'Oprettet via OAuth2', additionalFields: {} }),
				},
				{
					name: 'Get Comments',
					parameters: oauth2({ resource: 'contactComment', operation: 'getAll', contactId: rl(`={{ $('Create Contact').item.json.id }}`), returnAll: true, simplify: true }),
				},
				{ name: 'Delete Contact', ...once, parameters: oauth2({ resource: 'contact', operation: 'delete', contactId: rl(`={{ $('Create Contact').first().json.id }}`) }) },
				{ name: 'Get Group', ...once, parameters: oauth2({ resource: 'employeeGroup', operation: 'get', employeeGroupId: rl(12) }) },
				{ name: 'Get Reception', ...once, parameters: oauth2({ resource: 'reception', operation: 'get', receptionId: rl(21) }) },
				{ name: 'Get Smileys', ...once, parameters: oauth2({ resource: 'smiley', operation: 'getAll', returnAll: false, limit: 2, filters: {}, simplify: true }) },
				{
					name: 'Statistics',
					...once,
					parameters: oauth2({ resource: 'statistics', operation: 'get', endpointType: 'Reception', groupBy: 'reception_id', start: since, end: until, endpoints: {} }),
				},
				{ name: 'Get Chats', ...once, parameters: oauth2({ resource: 'chat', operation: 'getAll', returnAll: false, limit: 1, filters: {} }) },
				{ name: 'Get M2M Orders', ...once, parameters: oauth2({ resource: 'm2mOrder', operation: 'getAll', returnAll: false, limit: 2, filters: {} }) },
				{ name: 'Get M2M Subscription', ...once, parameters: oauth2({ resource: 'm2mSubscription', operation: 'get', subscriptionId: '4567' }) },
			],
			OAUTH2_CREDENTIAL,
		),
		example('Relatel: send an SMS, then list the latest calls', ids.exampleSms, CREDENTIALS.exampleSms),
		example('Relatel: activate a batch of M2M SIM cards', ids.exampleM2m, CREDENTIALS.exampleM2m),
		headless(example("Relatel: yesterday's call statistics by SMS every morning", ids.exampleStats, CREDENTIALS.exampleStats)),
		// Every example as `npm start` imports it (not run here: the trigger-based ones run in
		// polling-trigger.e2e.test.mjs), so the import proves each one is importable.
		...loadExampleWorkflows({ credentialId: ACCESS_TOKEN_CREDENTIAL.id, credentialName: ACCESS_TOKEN_CREDENTIAL.name, typePrefix: TYPE_PREFIX }),
	];
}

/** The test copy of a scheduled workflow: its Schedule Trigger becomes a Manual Trigger of the same name. */
function headless(workflow) {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.type === 'n8n-nodes-base.scheduleTrigger'
				? { ...node, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} }
				: node,
		),
	};
}

before(async () => {
	env = await startEnvironment({ token: ACCESS_TOKEN, oauth2: true, credentials: Object.values(CREDENTIALS) });
	fixtures = {
		recordedCall: await sandboxEvent('call', { answered: true, recording: true, talk: 95 }),
		voicemails: [
			await sandboxEvent('voicemail', { from_number: '4561000077', created_at: new Date(Date.now() - 120_000).toISOString(), duration: 21 }),
			await sandboxEvent('voicemail', { from_number: '4561000077', created_at: new Date(Date.now() - 60_000).toISOString(), duration: 34 }),
		],
		oauthVoicemail: await sandboxEvent('voicemail', { from_number: '4561000088', duration: 9 }),
	};
	await env.importWorkflows(workflows());
	env.sandbox.state.requests.length = 0;
	env.sandbox.state.fileRequests.length = 0;
	batch = await env.executeMany(Object.values(ids));
});
after(async () => {
	await env?.stop();
});

test('every example in docs/examples was imported by n8n and has a trigger and a Relatel node', () => {
	// `n8n import:workflow` in before() fails the suite when n8n refuses one of them.
	const examples = loadExampleWorkflows({ credentialId: ACCESS_TOKEN_CREDENTIAL.id, credentialName: ACCESS_TOKEN_CREDENTIAL.name, typePrefix: TYPE_PREFIX });
	assert.ok(examples.length >= 6, `${examples.length} examples`);
	for (const workflow of examples) {
		assert.ok(workflow.nodes.some((n) => /trigger/i.test(n.type)), `${workflow.name} has a trigger`);
		assert.ok(workflow.nodes.some((n) => n.type.startsWith(`${TYPE_PREFIX}.relatel`)), `${workflow.name} uses Relatel`);
	}
});

test('the batch ran every workflow to the end', () => {
	assert.deepEqual(batch.summary?.summary?.errors, [], `failed workflows: ${JSON.stringify(batch.summary?.summary?.errors)}\n${batch.stderr}`);
	assert.equal(batch.summary.summary.successfulExecutions, Object.keys(ids).length);
	assert.deepEqual(Object.keys(batch.runs).sort(), Object.values(ids).sort());
});

test('each workflow’s requests carry only its own credential’s token', () => {
	const known = new Set([...Object.values(CREDENTIALS).map((c) => `Bearer ${c.token}`), `Bearer ${env.oauthToken}`]);
	const requests = env.sandbox.state.requests;
	assert.ok(requests.length > 0);
	for (const r of requests) assert.ok(known.has(r.authorization), `${r.method} ${r.path} carried ${r.authorization}`);
	// Workflows run one after another: each token's requests form one unbroken block.
	const order = requests.map((r) => r.authorization).filter((a, i, all) => i === 0 || all[i - 1] !== a);
	assert.equal(new Set(order).size, order.length, `tokens interleave: ${order.join(' → ')}`);
	// The file host (recordings) never saw a token.
	assert.equal(env.sandbox.state.tokenLeaks, undefined);
	assert.ok(env.sandbox.state.fileRequests.every((r) => r.authorization === undefined));
});

test('Call: Dial, Get, Download Recording (from the file host, no token), Get Many missed', () => {
	const { recordedCall } = fixtures;
	const requests = requestsWith(CREDENTIALS.calls.token);
	const lines = requestLines(requests);
	assert.deepEqual(lines.slice(0, 3), ['POST /switch/dial', `GET /calls/${recordedCall.call_uuid}`, `GET /calls/${recordedCall.call_uuid}`]);
	assert.ok(lines.slice(3).length >= 1 && lines.slice(3).every((l) => l === 'GET /calls'), lines.join(', '));
	assert.deepEqual(requests[0].body, { to_number: '4561000042', restrict_to: 'mobile' });
	assert.equal(requests[3].query.direction, 'incoming');
	assert.equal(requests[3].query.limit, '100', 'a client-side filter (missed) pages 100 at a time');

	const result = run('calls');
	assert.deepEqual(outputOf(result, 'Dial'), [{ message: 'Call initiated successfully', to_number: '4561000042', restrict_to: 'mobile' }]);
	assert.equal(outputOf(result, 'Get Call')[0].call_uuid, recordedCall.call_uuid);
	const [download] = itemsOf(result, 'Download Recording');
	assert.equal(download.json.call_uuid, recordedCall.call_uuid);
	assert.equal(download.json.recording_id, recordedCall.recording.id);
	assert.equal(download.binary.recording.mimeType, 'audio/mpeg');
	assert.equal(download.binary.recording.fileName, `call-${recordedCall.call_uuid}.mp3`);
	const fileGet = env.sandbox.state.fileRequests.find((r) => r.path === `/files/recordings/${recordedCall.recording.id}.mp3`);
	assert.ok(fileGet, 'the recording was fetched from the file host');
	const missed = outputOf(result, 'Get Missed Calls');
	assert.equal(missed.length, 5);
	assert.ok(missed.every((c) => c.direction === 'incoming' && c.answered === false && c.ended_at));
});

test('Voicemail: Get Many, Get, Download Audio, Mark as Heard, Delete — per item', () => {
	const [older, newer] = fixtures.voicemails;
	const requests = requestsWith(CREDENTIALS.voicemail.token);
	assert.deepEqual(requestLines(requests), [
		'GET /voice_mails',
		`GET /voice_mails/${newer.id}`,
		`GET /voice_mails/${older.id}`,
		`GET /voice_mails/${newer.id}/sound`,
		`GET /voice_mails/${older.id}/sound`,
		`PUT /voice_mails/${newer.id}`,
		`PUT /voice_mails/${older.id}`,
		`DELETE /voice_mails/${newer.id}`,
		`DELETE /voice_mails/${older.id}`,
	]);
	assert.deepEqual(requests[0].query, { number: '4561000077', limit: '100' });
	assert.deepEqual(requests[5].body, { voice_mail: { heard: true, comment: 'Ringet tilbage' } });

	const result = run('voicemail');
	assert.deepEqual(
		outputOf(result, 'Get Unheard Voicemails').map((v) => [v.id, v.from_number, v.heard]),
		[
			[newer.id, '4561000077', false],
			[older.id, '4561000077', false],
		],
	);
	const downloads = itemsOf(result, 'Download Audio');
	// The sandbox's MP3 is 414 bytes: the whole file arrived.
	assert.deepEqual(
		downloads.map((item) => [item.json.id, item.binary.data.mimeType, item.binary.data.fileName, item.binary.data.fileSize]),
		[
			[newer.id, 'audio/mpeg', `voicemail-${newer.id}.mp3`, '414 B'],
			[older.id, 'audio/mpeg', `voicemail-${older.id}.mp3`, '414 B'],
		],
	);
	assert.deepEqual(
		outputOf(result, 'Mark as Heard').map((v) => [v.id, v.heard, v.comment]),
		[
			[newer.id, true, 'Ringet tilbage'],
			[older.id, true, 'Ringet tilbage'],
		],
	);
	assert.deepEqual(outputOf(result, 'Delete Voicemail'), [
		{ deleted: true, id: newer.id },
		{ deleted: true, id: older.id },
	]);
	const left = env.sandbox.state.db.voice_mails.map((v) => v.id);
	assert.ok(!left.includes(newer.id) && !left.includes(older.id), 'both voicemails are gone from Relatel');
});

test('Contact and Contact Comment: create, update, get, get by number, comment, list, delete', () => {
	const requests = requestsWith(CREDENTIALS.contacts.token);
	const created = outputOf(run('contacts'), 'Create Contact')[0];
	const id = created.id;
	assert.deepEqual(requestLines(requests), [
		'POST /contacts',
		`PUT /contacts/${id}`,
		`GET /contacts/${id}`,
		'GET /contacts/by_number/4540112233',
		'GET /employee',
		`POST /contacts/${id}/comments`,
		`GET /contacts/${id}/comments`,
		'GET /contacts',
		`DELETE /contacts/${id}`,
	]);
	assert.deepEqual(requests[0].body, {
		contact: { number: '4540112233', name: 'Lise Lotte Holm', email: 'lise@holm-vvs.dk', tags: ['kunde', 'vip'] },
	});
	assert.deepEqual(requests[1].body, { contact: { flagged: true } });
	assert.deepEqual(requests[5].body, { comment: { employee_id: 1, body: 'Ønsker tilbud på 3 mobilabonnementer' } });

	const result = run('contacts');
	assert.equal(outputOf(result, 'Get Contact')[0].flagged, true);
	assert.equal(outputOf(result, 'Get by Phone Number')[0].id, id);
	const [comment] = outputOf(result, 'Get Comments');
	assert.equal(comment.body, 'Ønsker tilbud på 3 mobilabonnementer');
	assert.equal(outputOf(result, 'Get Contacts').length, 3);
	assert.equal(env.sandbox.state.db.contacts.find((c) => c.id === id), undefined, 'the contact is deleted');
});

test('Employee, Employee Group (incl. Join, Leave, Send SMS) and Reception (incl. statistics)', () => {
	const requests = requestsWith(CREDENTIALS.people.token);
	const result = run('people');
	const group = outputOf(result, 'Create Group')[0];
	assert.deepEqual(requestLines(requests), [
		'GET /employee',
		'GET /employees/2',
		'GET /employees',
		'PUT /employees/3',
		'POST /employees/2/message',
		'POST /employee_groups',
		`PUT /employee_groups/${group.id}`,
		'POST /employee_groups/12/join',
		'POST /employee_groups/11/leave',
		'POST /employee_groups/12/message',
		'GET /employee_groups/12',
		'GET /employee_groups',
		'GET /receptions',
		'GET /receptions/21',
		'GET /receptions/21/statistics',
	]);
	const body = (line) => requests[requestLines(requests).indexOf(line)].body;
	assert.deepEqual(body('PUT /employees/3'), { employee: { name: 'Mette Larsen-Holm' } });
	assert.deepEqual(body('POST /employees/2/message'), { message: { body: 'Kunden på linje 2 venter på dig' } });
	assert.deepEqual(body('POST /employee_groups'), { employee_group: { name: 'Weekendvagt', employee_ids: [] } });
	assert.deepEqual(body(`PUT /employee_groups/${group.id}`), { employee_group: { name: 'Weekendvagt lørdag' } });
	assert.deepEqual(body('POST /employee_groups/12/message'), { message: { body: 'Husk møde kl. 14' } });
	const statistics = requests.at(-1);
	assert.equal(statistics.query.answer_target, '20');
	assert.ok(statistics.query.from_time && statistics.query.to_time);

	assert.equal(outputOf(result, 'Get Current Employee')[0].id, 1);
	assert.equal(outputOf(result, 'Get Employees').length, 4);
	assert.equal(outputOf(result, 'Update Employee')[0].name, 'Mette Larsen-Holm');
	assert.deepEqual(outputOf(result, 'SMS to Employee')[0].sent, 1);
	assert.equal(outputOf(result, 'Rename Group')[0].name, 'Weekendvagt lørdag');
	assert.ok(outputOf(result, 'Join Group')[0].employee_ids.includes(1), 'the current employee joined Sales');
	assert.ok(!outputOf(result, 'Leave Group')[0].employee_ids.includes(1), 'and left Support');
	// Sales had employees 3 and 4; the current employee (1) joined before the SMS.
	assert.equal(outputOf(result, 'SMS to Group')[0].sent, 3);
	assert.equal(outputOf(result, 'Get Receptions').length, 3);
	assert.equal(outputOf(result, 'Get Reception')[0].id, 21);
	const [stats] = outputOf(result, 'Reception Statistics');
	assert.ok(stats.total > 0, 'the sandbox has calls to reception 21 in the last 10 days');
	assert.equal(stats.answered + stats.missed, stats.total);
	assert.equal(stats.answer_rate, Math.round((stats.answered / stats.total) * 10_000) / 10_000);
});

test('Smiley (incl. statistics), Statistic and Chat', () => {
	const requests = requestsWith(CREDENTIALS.feedback.token);
	const result = run('feedback');
	const chats = outputOf(result, 'Get Ended Chats');
	assert.equal(chats.length, 2);
	assert.deepEqual(requestLines(requests), [
		'GET /smileys',
		'GET /smileys/statistics',
		'GET /statistics',
		'GET /chats',
		`GET /chats/${chats[0].uuid}`,
		`GET /chats/${chats[1].uuid}`,
	]);
	assert.deepEqual(requests[0].query, { rating: '0', limit: '3' });
	assert.deepEqual(Object.keys(requests[1].query).sort(), ['from_time', 'to_time']);
	assert.equal(requests[2].query.endpoint_type, 'Reception');
	assert.equal(requests[2].query.group_by, 'reception_id');

	const smileys = outputOf(result, 'Get Negative Smileys');
	assert.equal(smileys.length, 3);
	assert.ok(smileys.every((s) => s.rating === 0));
	const perReception = outputOf(result, 'Smiley Statistics');
	assert.ok(perReception.length >= 2 && perReception.every((r) => typeof r.smileys_count === 'number'));
	const rows = outputOf(result, 'Statistics per Reception');
	assert.deepEqual(
		rows.map((r) => r.key),
		['21', '22'],
	);
	assert.ok(rows.every((r) => r.call_count > 0));
	assert.deepEqual(
		outputOf(result, 'Get Chat').map((c) => [c.uuid, c.state]),
		chats.map((c) => [c.uuid, 'ended']),
	);
});

test('M2M Order (incl. Activate) and M2M Subscription (incl. Get Charges with the CSV file)', () => {
	const requests = requestsWith(CREDENTIALS.m2m.token);
	const result = run('m2m');
	const [order] = outputOf(result, 'Activate SIM');
	assert.deepEqual(requestLines(requests), [
		'GET /m2m/orders',
		'POST /m2m/orders/activate',
		`GET /m2m/subscriptions/${order.subscription_id}`,
		`PUT /m2m/subscriptions/${order.subscription_id}`,
		'GET /m2m/charges',
	]);
	assert.deepEqual(requests[1].body, { order: { product_name: 'm2m-large-one', icc_id: ICC.direct, description: 'Vandpumpe 7' } });
	assert.deepEqual(requests[3].body, { subscription: { overuse_limit_dkk: 300 } });
	assert.match(requests[4].rawQuery, /subscription_ids/);

	assert.ok(outputOf(result, 'Get Activations').length >= 3);
	assert.equal(order.state, 'pending');
	assert.equal(order.icc_id, ICC.direct);
	assert.equal(outputOf(result, 'Get Subscription')[0].state, 'pending');
	assert.equal(outputOf(result, 'Set Overuse Limit')[0].overuse_limit_dkk, 300);
	const charges = itemsOf(result, 'Get Charges');
	assert.ok(charges.length >= 3, 'a row per fee and usage type');
	assert.deepEqual([...new Set(charges.map((c) => c.json.subscription_id))].sort(), [4567, 4568]);
	assert.equal(charges[0].binary.csv.mimeType, 'text/csv');
	assert.equal(charges[0].binary.csv.fileName, 'm2m-charges.csv');
});

test('OAuth2 credential: every resource, with the token from the sandbox’s authorization-code flow', () => {
	const oauthRequests = requestsWith(env.oauthToken);
	assert.match(env.oauthToken, /^oauth-/);
	const result = run('oauth');
	const contact = outputOf(result, 'Create Contact')[0];
	assert.deepEqual(requestLines(oauthRequests), [
		'POST /messages',
		'GET /employee',
		`GET /voice_mails/${fixtures.oauthVoicemail.id}/sound`,
		`GET /calls/${fixtures.recordedCall.call_uuid}`,
		'GET /messages',
		`GET /calls/${fixtures.recordedCall.call_uuid}`,
		'POST /contacts',
		'GET /employee',
		`POST /contacts/${contact.id}/comments`,
		`GET /contacts/${contact.id}/comments`,
		`DELETE /contacts/${contact.id}`,
		'GET /employee_groups/12',
		'GET /receptions/21',
		'GET /smileys',
		'GET /statistics',
		'GET /chats',
		'GET /m2m/orders',
		'GET /m2m/subscriptions/4567',
	]);
	const body = (line) => oauthRequests[requestLines(oauthRequests).indexOf(line)].body;
	assert.deepEqual(body('POST /messages'), { message: { body: 'Hej via OAuth2' }, to_numbers: ['4571999998'] });
	assert.deepEqual(body('POST /contacts'), { contact: { number: '4540998877', name: 'OAuth2 Kunde' } });
	assert.deepEqual(body(`POST /contacts/${contact.id}/comments`), { comment: { employee_id: 1, body: 'Oprettet via OAuth2' } });
	// Every resource of the node ran in this workflow, on the OAuth2 credential, and gave output.
	const { nodes } = workflows().find((w) => w.id === ids.oauth);
	const relatelNodes = nodes.filter((n) => n.type === RELATEL_TYPE);
	assert.deepEqual([...new Set(relatelNodes.map((n) => n.parameters.resource))].sort(), [...RESOURCES].sort());
	for (const node of relatelNodes) {
		assert.equal(node.parameters.authentication, 'oAuth2', node.name);
		assert.deepEqual(Object.keys(node.credentials), ['relatelOAuth2Api'], node.name);
		assert.ok(itemsOf(result, node.name).length > 0, `${node.name} (${node.parameters.resource}) gave output`);
	}
	// The OAuth2 workflow's requests form one block: none of them carried an access token.
	const all = env.sandbox.state.requests;
	const first = all.indexOf(oauthRequests[0]);
	const block = all.slice(first, first + oauthRequests.length);
	assert.ok(block.every((r) => r.authorization === `Bearer ${env.oauthToken}`));
	assert.ok(all.every((r) => r.authorization !== `Bearer ${ACCESS_TOKEN}`), 'the access-token credential was never used');

	assert.equal(outputOf(result, 'Send SMS')[0].sent, 1);
	assert.equal(outputOf(result, 'Get Current Employee')[0].id, 1);
	assert.equal(itemsOf(result, 'Download Audio')[0].binary.data.mimeType, 'audio/mpeg');
	assert.equal(itemsOf(result, 'Download Recording')[0].binary.data.mimeType, 'audio/mpeg');
	assert.equal(outputOf(result, 'Get SMS').length, 2);
	assert.equal(outputOf(result, 'Get Call')[0].call_uuid, fixtures.recordedCall.call_uuid);
	assert.equal(contact.number, '4540998877');
	assert.equal(outputOf(result, 'Add Comment')[0].body, 'Oprettet via OAuth2');
	assert.deepEqual(outputOf(result, 'Get Comments').map((c) => c.body), ['Oprettet via OAuth2']);
	assert.deepEqual(outputOf(result, 'Delete Contact'), [{ deleted: true, id: contact.id }]);
	assert.equal(env.sandbox.state.db.contacts.find((c) => c.id === contact.id), undefined, 'the OAuth2 contact is deleted');
	assert.equal(outputOf(result, 'Get Group')[0].id, 12);
	assert.equal(outputOf(result, 'Get Reception')[0].id, 21);
	assert.equal(outputOf(result, 'Get Smileys').length, 2);
	assert.deepEqual(outputOf(result, 'Statistics').map((r) => r.key), ['21', '22']);
	assert.equal(outputOf(result, 'Get Chats').length, 1);
	assert.ok(outputOf(result, 'Get M2M Orders').length >= 1);
	assert.equal(outputOf(result, 'Get M2M Subscription')[0].id, 4567);
});

test('example: send an SMS, then list the latest calls', () => {
	const requests = requestsWith(CREDENTIALS.exampleSms.token);
	assert.deepEqual(requestLines(requests), ['POST /messages', 'GET /calls']);
	assert.deepEqual(requests[0].body.to_numbers, ['4571999999']);
	assert.deepEqual(requests[1].query, { limit: '5' });
	assert.equal(outputOf(run('exampleSms'), 'Get Latest Calls').length, 5);
});

test('example: activate a batch of M2M SIM cards (Set → Split Out → one Activate per card)', () => {
	const requests = requestsWith(CREDENTIALS.exampleM2m.token);
	assert.deepEqual(requestLines(requests), ['POST /m2m/orders/activate', 'POST /m2m/orders/activate', 'POST /m2m/orders/activate']);
	assert.deepEqual(
		requests.map((r) => r.body.order),
		[
			{ product_name: 'm2m-small-one', icc_id: '89450123456700001016', description: 'Gylletank 35' },
			{ product_name: 'm2m-small-one', icc_id: '89450123456700001024', description: 'Gylletank 36' },
			{ product_name: 'm2m-small-one', icc_id: '89450123456700001032', description: 'Vandpumpe nord' },
		],
	);
	const orders = outputOf(run('exampleM2m'), 'Activate SIM');
	assert.deepEqual(
		orders.map((o) => [o.icc_id, o.state]),
		[
			['89450123456700001016', 'pending'],
			['89450123456700001024', 'pending'],
			['89450123456700001032', 'pending'],
		],
	);
});

/** The wall-clock time in Copenhagen of an instant, as 'YYYY-MM-DD HH:MM:SS'. */
function copenhagen(ms) {
	return new Date(ms).toLocaleString('sv-SE', { timeZone: 'Europe/Copenhagen' });
}

test('example: yesterday’s reception statistics by SMS (Schedule Trigger run by hand)', () => {
	const requests = requestsWith(CREDENTIALS.exampleStats.token);
	assert.deepEqual(requestLines(requests), ['GET /receptions/21/statistics', 'POST /employees/1/message']);
	const { from_time: from, to_time: to, answer_target: target } = requests[0].query;
	assert.equal(target, '20');
	// Yesterday in Copenhagen, from midnight to the last second, sent in UTC.
	const yesterday = copenhagen(Date.now() - DAY).slice(0, 10);
	assert.equal(copenhagen(Date.parse(from)), `${yesterday} 00:00:00`);
	assert.equal(copenhagen(Date.parse(to)).slice(0, 16), `${yesterday} 23:59`);
	assert.match(from, /Z$/);

	const [stats] = outputOf(run('exampleStats'), "Yesterday's Statistics");
	const rate = stats.answer_rate === null ? '-' : `${Math.round(stats.answer_rate * 100)}%`;
	const text = requests[1].body.message.body;
	assert.match(text, new RegExp(`^Opkald i går \\(\\d\\d\\.\\d\\d\\): ${stats.total} i alt, ${stats.answered} besvaret, ${stats.missed} mistet\\. Svarprocent ${rate}`));
	assert.equal(outputOf(run('exampleStats'), 'SMS the Team Lead')[0].sent, 1);
});

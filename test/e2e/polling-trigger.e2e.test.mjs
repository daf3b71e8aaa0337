// The Relatel Trigger in a running n8n (`n8n start`), with the three trigger-based example
// workflows of docs/examples/ imported and published as a user would:
//   Missed Call  → SMS the caller back (from the reception they called)
//   New Voicemail → Download Audio → Read/Write Files from Disk (an MP3 per voicemail)
//   New Smiley (negative) → SMS to the team lead
// and, so that all of the trigger's events run in real n8n, one trigger-only workflow for each
// other event: Call Started, Call Ended, New SMS, New Chat, M2M Order State Changed; and one
// New Voicemail trigger on the Relatel OAuth2 credential, connected through n8n's own OAuth2
// flow (n8n → the sandbox's /authorize → n8n's callback → the sandbox's /token), with the
// Attach Audio option: its executions must carry each voicemail's MP3 as binary data.
// Each polls every minute. The test creates events in the sandbox, waits for the polls and
// asserts that each event produced exactly one execution (carrying that event) and one action
// (an SMS, a file), that events the workflows do not ask for produced none, and that later
// polls repeat nothing. Takes about 3–4 minutes: three poll rounds of up to a minute each.
// RELATEL_E2E_LOG=<file> writes n8n's log and the sandbox's request log there afterwards.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { loadExampleWorkflows } from '../runtime/examples.mjs';
import { freePort, RUNTIME_DIR, startN8n, TYPE_PREFIX } from '../runtime/runtime.mjs';
import { oauth2Credential, ownerSession, startEnvironment, waitFor } from './environment.mjs';

const require = createRequire(import.meta.url);
const { fakeMp3 } = require('../sandbox/files.js');
/** n8n stores run data "flatted" (its REST API sends it so); parsed with n8n's own copy. */
const flatted = createRequire(path.join(RUNTIME_DIR, 'node_modules', 'n8n', 'package.json'))('flatted');

const MINUTE = 60_000;
/** A poll comes at most a minute after the last; allow for a slow machine. */
const POLL_WAIT = 100_000;
/** After a poll, how long an execution it started may take to reach the sandbox. */
const SETTLE = 10_000;

const WORKFLOWS = {
	missedCall: { id: 'RelatelE2eTrigger01', name: 'Relatel: SMS the caller back after a missed call', path: '/calls' },
	voicemail: { id: 'RelatelE2eTrigger02', name: 'Relatel: save every new voicemail as an MP3 file', path: '/voice_mails' },
	smiley: { id: 'RelatelE2eTrigger03', name: 'Relatel: SMS the team lead about a negative smiley', path: '/smileys' },
	// Trigger-only workflows: their executions are what is counted.
	callStarted: { id: 'RelatelE2eTrigger04', event: 'callStarted', params: { callDirection: 'incoming' }, path: '/calls' },
	callEnded: { id: 'RelatelE2eTrigger05', event: 'callEnded', params: { callDirection: 'incoming' }, path: '/calls' },
	sms: { id: 'RelatelE2eTrigger06', event: 'newSms', params: { smsDirection: 'incoming' }, path: '/messages' },
	chat: { id: 'RelatelE2eTrigger07', event: 'newChat', params: {}, path: '/chats' },
	m2mOrder: { id: 'RelatelE2eTrigger08', event: 'm2mOrderStateChanged', params: {}, path: '/m2m/orders' },
	// On the OAuth2 credential, with the voicemail's audio attached as binary (field "audio").
	voicemailAudio: {
		id: 'RelatelE2eTrigger09',
		event: 'newVoicemail',
		params: { authentication: 'oAuth2', attachAudio: true, binaryPropertyName: 'audio' },
		path: '/voice_mails',
		oauth2: true,
	},
};
/**
 * Executions each workflow must have after each round of events (createEvents). A poll that
 * finds several events starts one execution with several items: the two calls of a round
 * (one missed, one answered) normally arrive in one execution of Call Started / Call Ended,
 * in two if a poll falls between their creation — which calls fired is checked by content.
 */
const PER_ROUND = { missedCall: 1, voicemail: 1, smiley: 1, callStarted: 1, callEnded: 1, sms: 1, chat: 1, m2mOrder: 1, voicemailAudio: 1 };
const TWO_EVENTS_PER_ROUND = ['callStarted', 'callEnded'];

async function assertExecutionCounts(rounds) {
	const counts = await executionCounts();
	for (const [key, perRound] of Object.entries(PER_ROUND)) {
		if (TWO_EVENTS_PER_ROUND.includes(key)) {
			assert.ok(counts[key] >= rounds && counts[key] <= 2 * rounds, `${key}: ${counts[key]} executions after ${rounds} rounds`);
		} else {
			assert.equal(counts[key], perRound * rounds, `${key}: executions after ${rounds} rounds`);
		}
	}
}
/**
 * One credential per workflow, so the sandbox's log says whose request is whose: an access
 * token each, except the OAuth2 workflow's, whose token the sandbox issues when n8n connects
 * the credential (set in before()).
 */
const CREDENTIALS = Object.fromEntries(
	Object.entries(WORKFLOWS).map(([key, { oauth2 }]) => [
		key,
		oauth2 ? { name: `Relatel OAuth2 (${key})`, oauth2 } : { name: `Relatel (${key})`, token: `e2e-trigger-${key}` },
	]),
);
/** What n8n's OAuth2 "Connect" did: the authorization URL it built and the callback it got. */
let oauthConnect;

let env;
let n8n;
let n8nLog = '';
let session;
let fileFolder;
/** Events by phase, to assert on. */
const events = {
	missedCalls: [],
	answeredCalls: [],
	voicemails: [],
	negativeSmileys: [],
	positiveSmileys: [],
	incomingSms: [],
	chats: [],
	orderChanges: [],
};

/** A workflow that is only the Relatel Trigger for `event`, polling every minute. */
function triggerOnly(key, credential) {
	const { id, event, params } = WORKFLOWS[key];
	return {
		id,
		name: `E2E trigger: ${event}`,
		nodes: [
			{
				id: `${id}-trigger`,
				name: 'Relatel Trigger',
				type: `${TYPE_PREFIX}.relatelTrigger`,
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, event, ...params },
				credentials: { [WORKFLOWS[key].oauth2 ? 'relatelOAuth2Api' : 'relatelApi']: { id: credential.id, name: credential.name } },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

/** The example, for the given credential (as n8n created it), with its files written under the test's folder. */
function example(key, credential) {
	const { id, name } = WORKFLOWS[key];
	const workflow = loadExampleWorkflows({ credentialId: credential.id, credentialName: credential.name, typePrefix: TYPE_PREFIX }).find(
		(w) => w.name === name,
	);
	assert.ok(workflow, `docs/examples has no workflow named "${name}"`);
	return JSON.parse(JSON.stringify({ ...workflow, id }).replaceAll('/home/node/.n8n-files', fileFolder));
}

async function sandboxEvent(kind, body) {
	const response = await fetch(`${env.sandbox.origin}/__sandbox/events/${kind}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	assert.equal(response.status, 201, `sandbox event ${kind}`);
	return await response.json();
}

function requestsOf(key) {
	return env.sandbox.state.requests.filter((r) => r.authorization === `Bearer ${CREDENTIALS[key].token}`);
}

/** When the workflow's trigger last asked Relatel for its list (a poll), in ms. */
function lastPollAt(key) {
	const polls = requestsOf(key).filter((r) => r.method === 'GET' && r.path === `/api/v2${WORKFLOWS[key].path}`);
	return polls.length ? polls.at(-1).at : undefined;
}

/** Waits until every workflow's trigger has polled after `since`, then lets executions finish. */
async function nextPollOfEach(since) {
	for (const key of Object.keys(WORKFLOWS)) {
		await waitFor(() => (lastPollAt(key) ?? 0) > since, { timeoutMs: POLL_WAIT, what: `a poll of the ${key} workflow` });
	}
	await new Promise((resolve) => setTimeout(resolve, SETTLE));
}

const smsTo = (number) =>
	requestsOf('missedCall').filter((r) => r.method === 'POST' && r.path === '/api/v2/messages' && r.body?.to_numbers?.includes(number));
const teamLeadSms = (number) =>
	requestsOf('smiley').filter((r) => r.method === 'POST' && r.path === '/api/v2/employees/1/message' && r.body?.message?.body?.includes(number));
const audioDownloads = (id) => requestsOf('voicemail').filter((r) => r.path === `/api/v2/voice_mails/${id}/sound`);
const voicemailFiles = () => readdirSync(fileFolder).sort();

async function executionCounts() {
	const counts = {};
	for (const [key, { id }] of Object.entries(WORKFLOWS)) {
		const executions = await session.executions(id);
		const failed = executions.filter((e) => e.status !== 'success' || e.mode !== 'trigger');
		if (failed.length > 0) {
			const details = await Promise.all(failed.map(async (e) => String((await session.execution(e.id)).data).slice(0, 3000)));
			assert.fail(`${key}: ${JSON.stringify(executions.map((e) => [e.id, e.status, e.mode]))}\n${details.join('\n')}\n${n8nLog.slice(-4000)}`);
		}
		counts[key] = executions.length;
	}
	return counts;
}

/** Creates one round of events: what each workflow must react to, and what it must not. */
async function createEvents(round) {
	const now = Date.now();
	const missed = await sandboxEvent('call', {
		direction: 'incoming',
		answered: false,
		reception: 22,
		customer: [`Kunde ${round}`, `456100010${round}`],
		started_at: new Date(now - 30_000).toISOString(),
		wait: 14,
	});
	const answered = await sandboxEvent('call', {
		direction: 'incoming',
		answered: true,
		reception: 22,
		customer: [null, `456100020${round}`],
		started_at: new Date(now - 40_000).toISOString(),
		wait: 5,
		talk: 20,
	});
	const voicemail = await sandboxEvent('voicemail', { from_number: `456100030${round}`, duration: 12 + round });
	const negative = await sandboxEvent('smiley', {
		rating: 0,
		comment: `Ventede ${round * 10} minutter`,
		number: `456100040${round}`,
		name: `Utilfreds ${round}`,
		endpoint: 'Reception#21',
	});
	const positive = await sandboxEvent('smiley', { rating: 1, number: `456100050${round}`, endpoint: 'Reception#21' });
	events.missedCalls.push(missed);
	events.answeredCalls.push(answered);
	events.voicemails.push(voicemail);
	events.negativeSmileys.push(negative);
	events.positiveSmileys.push(positive);
	// For the trigger-only workflows: an incoming SMS, a chat, an M2M order changing state.
	events.incomingSms.push(await sandboxEvent('sms', { from_number: `456100060${round}`, body: `Ring mig op ${round}` }));
	events.chats.push(await sandboxEvent('chat', { from_name: `Besøgende ${round}` }));
	events.orderChanges.push(await sandboxEvent('m2mOrderState', { id: 1234, state: round % 2 ? 'cancelled' : 'completed' }));
	return Date.now();
}

/** Every event so far produced exactly one action; the ones no workflow asks for, none. */
function assertEachEventActedOnOnce() {
	for (const call of events.missedCalls) {
		const sms = smsTo(call.remote_number);
		assert.equal(sms.length, 1, `SMS to the caller of missed call ${call.call_uuid}`);
		assert.deepEqual(sms[0].body, {
			message: {
				body: `Hej ${call.remote_contact.name}! Vi kunne ikke tage telefonen, da du ringede til Kundeservice. Vi ringer dig op hurtigst muligt.`,
				endpoint: 'Reception#22',
			},
			to_numbers: [call.remote_number],
		});
	}
	for (const call of events.answeredCalls) assert.equal(smsTo(call.remote_number).length, 0, 'no SMS after an answered call');
	for (const voicemail of events.voicemails) {
		assert.equal(audioDownloads(voicemail.id).length, 1, `audio of voicemail ${voicemail.id} downloaded once`);
		const file = path.join(fileFolder, `voicemail-${voicemail.id}-${voicemail.from_number}.mp3`);
		assert.ok(existsSync(file), `${file} written`);
		assert.deepEqual(readFileSync(file), fakeMp3(voicemail.id), 'the file is the voicemail’s audio');
	}
	assert.equal(voicemailFiles().length, events.voicemails.length, `files: ${voicemailFiles().join(', ')}`);
	for (const smiley of events.negativeSmileys) {
		const sms = teamLeadSms(smiley.number);
		assert.equal(sms.length, 1, `SMS to the team lead about smiley ${smiley.id}`);
		assert.equal(
			sms[0].body.message.body,
			`Negativ smiley fra ${smiley.contact.name}: "${smiley.comment}". Ring tilbage på ${smiley.number}.`,
		);
	}
	for (const smiley of events.positiveSmileys) assert.equal(teamLeadSms(smiley.number).length, 0, 'nothing about a positive smiley');
}

/**
 * The trigger-only workflows' executions carry exactly the events created, each once.
 * (n8n stores run data "flatted": strings stand alone, numbers stay next to their key.)
 */
async function assertTriggerOnlyExecutionsCarryTheEvents() {
	const calls = [...events.missedCalls, ...events.answeredCalls].map((c) => c.call_uuid);
	const expected = {
		callStarted: calls.map((uuid) => new RegExp(`"${uuid}"`)),
		callEnded: calls.map((uuid) => new RegExp(`"${uuid}"`)),
		sms: events.incomingSms.map((m) => new RegExp(`"id":${m.id}[,}]`)),
		chat: events.chats.map((c) => new RegExp(`"${c.uuid}"`)),
	};
	for (const [key, markers] of Object.entries(expected)) {
		const runs = await executionData(key);
		for (const marker of markers) {
			assert.equal(runs.filter((data) => marker.test(data)).length, 1, `${key}: exactly one execution carries ${marker}`);
		}
	}
	// Every state change of order 1234 started one execution about that order.
	const orderRuns = await executionData('m2mOrder');
	assert.equal(orderRuns.length, events.orderChanges.length);
	assert.ok(orderRuns.every((data) => /"id":1234[,}]/.test(data)), 'each M2M execution is about order 1234');
}

async function executionData(key) {
	const executions = await session.executions(WORKFLOWS[key].id);
	return await Promise.all(executions.map(async (e) => String((await session.execution(e.id)).data)));
}

/**
 * The OAuth2 New Voicemail trigger with Attach Audio: every new voicemail came out once, in an
 * execution of its own round, as an item carrying the MP3 (audio/mpeg, the sandbox's bytes for
 * that voicemail) in the "audio" binary field; each was fetched once, with the OAuth2 token.
 */
async function assertVoicemailAudioAttached() {
	const items = [];
	for (const { id } of await session.executions(WORKFLOWS.voicemailAudio.id)) {
		const run = flatted.parse(String((await session.execution(id)).data));
		items.push(...run.resultData.runData['Relatel Trigger'][0].data.main[0]);
	}
	assert.deepEqual(
		items.map((item) => item.json.id).sort(),
		events.voicemails.map((v) => v.id).sort(),
		'each new voicemail in exactly one execution',
	);
	for (const voicemail of events.voicemails) {
		const item = items.find((i) => i.json.id === voicemail.id);
		const audio = item.binary?.audio;
		assert.ok(audio, `voicemail ${voicemail.id} has binary "audio": ${JSON.stringify(item).slice(0, 500)}`);
		assert.equal(audio.mimeType, 'audio/mpeg');
		assert.equal(audio.fileName, `voicemail-${voicemail.id}.mp3`);
		const bytes = audio.id ? await session.binaryData(audio.id) : Buffer.from(audio.data, 'base64');
		assert.ok(bytes.length > 0, 'the audio is not empty');
		assert.deepEqual(bytes, fakeMp3(voicemail.id), 'the attached audio is the voicemail’s MP3');
		const downloads = requestsOf('voicemailAudio').filter((r) => r.path === `/api/v2/voice_mails/${voicemail.id}/sound`);
		assert.equal(downloads.length, 1, `audio of voicemail ${voicemail.id} fetched once by the OAuth2 trigger`);
	}
	// Its polls and downloads went out with the token n8n got from /token; no request to the
	// API carried anything but one of the workflows' own tokens.
	assert.ok(requestsOf('voicemailAudio').some((r) => r.path === '/api/v2/voice_mails'));
	const known = new Set(Object.values(CREDENTIALS).map((c) => `Bearer ${c.token}`));
	const others = env.sandbox.state.requests.filter((r) => !['/api/v2/authorize', '/api/v2/token'].includes(r.path) && !known.has(r.authorization));
	assert.deepEqual(others.map((r) => `${r.method} ${r.path} ${r.authorization}`), []);
}

// Everything goes through the running n8n, as a user does it (create the credentials, import
// the workflows, publish them): no n8n CLI import before the start, which saves two n8n starts.
before(async () => {
	env = await startEnvironment({ credentials: Object.values(CREDENTIALS).filter((c) => c.token), importCredentials: false });
	fileFolder = mkdtempSync(path.join(os.tmpdir(), 'relatel-e2e-files-'));
	const port = await freePort();
	n8n = await startN8n(env.userFolder, {
		port,
		stdio: 'pipe',
		// Read/Write Files from Disk may only write inside this folder (n8n 2.x default: ~/.n8n-files).
		env: { N8N_RESTRICT_FILE_ACCESS_TO: fileFolder, N8N_LOG_LEVEL: 'info' },
	});
	for (const stream of [n8n.stdout, n8n.stderr]) stream.on('data', (chunk) => (n8nLog = (n8nLog + chunk).slice(-100_000)));
	try {
		session = await ownerSession(`http://127.0.0.1:${port}`);
	} catch (error) {
		throw new Error(`${error.message} (n8n ${n8n.exitCode === null ? 'running' : `exited ${n8n.exitCode}`})\n${n8nLog.slice(-5000)}`, {
			cause: error,
		});
	}
	for (const [key, credential] of Object.entries(CREDENTIALS)) {
		const { name, token, oauth2 } = credential;
		if (oauth2) {
			// Saved without a token, then connected as the editor's button does.
			const { oauthTokenData, ...data } = oauth2Credential(env.sandbox, 'none').data;
			credential.id = (await session.createCredential({ name, type: 'relatelOAuth2Api', data })).id;
			oauthConnect = await session.connectOAuth2(credential.id);
			credential.token = env.sandbox.state.oauthTokens.at(-1);
		} else {
			credential.id = (await session.createCredential({ name, type: 'relatelApi', data: { accessToken: token, baseUrl: env.sandbox.baseUrl } })).id;
		}
		await session.createWorkflow(WORKFLOWS[key].event ? triggerOnly(key, credential) : example(key, credential));
	}
});
after(async () => {
	if (process.env.RELATEL_E2E_LOG) {
		const { writeFileSync } = await import('node:fs');
		writeFileSync(process.env.RELATEL_E2E_LOG, `${n8nLog}\n\n${JSON.stringify(env?.sandbox.state.requests, null, 1)}`);
	}
	if (n8n && n8n.exitCode === null) {
		const exited = new Promise((resolve) => n8n.once('exit', resolve));
		n8n.kill('SIGTERM');
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
		if (n8n.exitCode === null) n8n.kill('SIGKILL');
	}
	await env?.stop();
	if (fileFolder) rmSync(fileFolder, { recursive: true, force: true });
});

test('n8n connected the OAuth2 credential through the sandbox’s /authorize and /token', () => {
	const authorize = new URL(oauthConnect.authorizeUrl);
	assert.equal(`${authorize.origin}${authorize.pathname}`, `${env.sandbox.baseUrl}/authorize`);
	assert.match(authorize.searchParams.get('redirect_uri'), /^http:\/\/localhost:\d+\/rest\/oauth2-credential\/callback$/);
	assert.equal(new URL(oauthConnect.callback).pathname, '/rest/oauth2-credential/callback');
	const tokenRequests = env.sandbox.state.requests.filter((r) => r.path === '/api/v2/token');
	assert.equal(tokenRequests.length, 1, 'n8n exchanged the code once');
	assert.equal(tokenRequests[0].body.grant_type, 'authorization_code');
	assert.match(CREDENTIALS.voicemailAudio.token, /^oauth-/);
});

test('publishing the examples polls once at once and fires for nothing that happened before', async () => {
	const beforePublish = Date.now();
	const published = await session.publish(Object.values(WORKFLOWS).map((w) => w.id));
	assert.deepEqual(
		published.map((w) => [w.id, w.active]),
		Object.values(WORKFLOWS).map((w) => [w.id, true]),
	);
	// Activation runs the first poll: it only notes where "now" is (no flood of history).
	for (const key of Object.keys(WORKFLOWS)) {
		await waitFor(() => (lastPollAt(key) ?? 0) >= beforePublish, { timeoutMs: 30_000, what: `the ${key} workflow's first poll` });
	}
	await new Promise((resolve) => setTimeout(resolve, SETTLE / 2));
	await assertExecutionCounts(0);
	assert.ok(requestsOf('missedCall').every((r) => r.method === 'GET'));
	assert.ok(requestsOf('smiley').every((r) => r.method === 'GET'));
});

test('first events: each produces exactly one execution at the next poll', { timeout: 3 * MINUTE }, async () => {
	const created = await createEvents(1);
	await nextPollOfEach(created);
	await assertExecutionCounts(1);
	assertEachEventActedOnOnce();
	await assertTriggerOnlyExecutionsCarryTheEvents();
	await assertVoicemailAudioAttached();
});

test('second events: fire once; the first ones are not repeated', { timeout: 3 * MINUTE }, async () => {
	const created = await createEvents(2);
	await nextPollOfEach(created);
	await assertExecutionCounts(2);
	assertEachEventActedOnOnce();
	await assertTriggerOnlyExecutionsCarryTheEvents();
	await assertVoicemailAudioAttached();
});

test('a poll with nothing new repeats nothing', { timeout: 3 * MINUTE }, async () => {
	await nextPollOfEach(Date.now());
	assertEachEventActedOnOnce();
	await assertExecutionCounts(2);
	// Every poll after the first asked Relatel only for the recent window.
	const polls = requestsOf('missedCall').filter((r) => r.path === '/api/v2/calls');
	assert.ok(polls.length >= 4, `${polls.length} polls`);
	assert.ok(polls.every((r) => r.query.direction === 'incoming'));
	assert.ok(polls.slice(1).every((r) => Date.now() - Date.parse(r.query.ended_at_gt_or_eq) < 10 * MINUTE), JSON.stringify(polls.map((r) => r.query)));
});

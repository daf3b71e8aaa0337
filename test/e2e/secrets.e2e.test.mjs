// In real n8n, with its log at debug level: no access token, OAuth2 token or client secret
// appears in n8n's log (stdout/stderr), in error messages or descriptions, or anywhere in the
// run data — on a revoked token (401), 5xx, a server that echoes the token, broken and
// hanging connections and unreadable answers, with Continue On Fail and without. And no
// token leaves the API host: a redirect to the file host and a recording URL on it are
// fetched without it (the file host counts any Authorization header in `tokenLeaks`).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';

import { chainWorkflow, OAUTH2_CREDENTIAL, outputOf, startEnvironment } from './environment.mjs';

const require = createRequire(import.meta.url);
const { CLIENT_SECRET } = require('../sandbox/routes/oauth.js');

const TOKEN = 'e2e-planted-access-7c1f0a';
const REVOKED = { id: 'RelatelE2eRevoked', name: 'Relatel (revoked token)', token: 'e2e-planted-revoked-93b2de' };
const IDS = { cont: 'RelatelE2eSecret1', stop: 'RelatelE2eSecret2', oauth: 'RelatelE2eSecret3' };

let env;
let batch;
let recordedCall;
const continueOnError = { onError: 'continueRegularOutput' };
const contactGet = (id) => ({ resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: String(id) } });

before(async () => {
	env = await startEnvironment({ token: TOKEN, oauth2: true, credentials: [REVOKED] });
	env.sandbox.state.tokens.delete(REVOKED.token);
	const { state } = env.sandbox;
	recordedCall = require('../sandbox/routes/call.js').events.call(state, { answered: true, recording: true, talk: 40 });
	const voicemail = require('../sandbox/routes/voicemail.js').voicemails(state)[0];
	const file = `${state.fileOrigin}/files/recordings/301.mp3?signature=sig-301`;
	state.faults.push(
		{ method: 'GET', path: '^/contacts/2001$', status: 500, times: 1 },
		{ method: 'GET', path: '^/contacts/2002$', status: 403, body: { message: `token ${TOKEN} lacks the Switch product` }, times: 1 },
		{ method: 'POST', path: '^/employees/\\d+/message$', status: 422, body: { error: `header Authorization: Bearer ${TOKEN} not accepted` }, times: 1 },
		{ method: 'POST', path: '^/messages$', kind: 'reset', times: 1 },
		{ method: 'GET', path: '^/contacts/2003$', kind: 'truncate', times: 4 },
		{ method: 'GET', path: '^/contacts/2004$', kind: 'hang', ms: 300, times: 4 },
		{ method: 'GET', path: `^/voice_mails/${voicemail.id}/sound$`, kind: 'redirect', location: file, times: 1 },
		{ method: 'GET', path: '^/contacts/2005$', status: 500, times: 1 },
		{ method: 'GET', path: '^/contacts/2006$', status: 403, body: { message: `token ${env.oauthToken} lacks the Switch product` }, times: 1 },
	);

	const revoked = { relatelApi: { id: REVOKED.id, name: REVOKED.name } };
	await env.importWorkflows([
		chainWorkflow('RelatelE2eSecret1', 'E2E secrets: every failure, Continue On Fail', [
			{ name: 'Revoked token', ...continueOnError, credentials: revoked, parameters: { resource: 'employee', operation: 'getCurrent' } },
			{ name: 'HTTP 500', ...continueOnError, parameters: contactGet(2001) },
			{ name: 'HTTP 403 quoting the token', ...continueOnError, parameters: contactGet(2002) },
			{
				name: 'HTTP 422 echoing the header',
				...continueOnError,
				parameters: { resource: 'employee', operation: 'sendSms', employeeId: { __rl: true, mode: 'id', value: '1' }, body: 'Hej', options: {} },
			},
			{ name: 'Reset on Send SMS', ...continueOnError, parameters: { resource: 'message', operation: 'send', toNumbers: '+45 71 99 99 99', body: 'Hej', options: {} } },
			{ name: 'Truncated JSON', ...continueOnError, parameters: contactGet(2003) },
			{ name: 'Hanging connection', ...continueOnError, parameters: contactGet(2004) },
			{ name: 'Redirect to the file host', ...continueOnError, parameters: { resource: 'voicemail', operation: 'downloadAudio', voicemailId: String(voicemail.id), binaryPropertyName: 'data' } },
			{ name: 'Recording on the file host', ...continueOnError, parameters: { resource: 'call', operation: 'downloadRecording', callId: recordedCall.call_uuid, binaryPropertyName: 'data' } },
		]),
		chainWorkflow('RelatelE2eSecret2', 'E2E secrets: stop on error', [{ name: 'HTTP 500 stops the workflow', parameters: contactGet(2005) }]),
		chainWorkflow(
			'RelatelE2eSecret3',
			'E2E secrets: OAuth2',
			[
				{ name: 'OAuth2 HTTP 403 quoting the token', ...continueOnError, parameters: { authentication: 'oAuth2', ...contactGet(2006) } },
				{ name: 'OAuth2 recording', ...continueOnError, parameters: { authentication: 'oAuth2', resource: 'call', operation: 'downloadRecording', callId: recordedCall.call_uuid, binaryPropertyName: 'data' } },
			],
			OAUTH2_CREDENTIAL,
		),
	]);
	state.requests.length = 0;
	state.fileRequests.length = 0;
	batch = await env.executeMany(Object.values(IDS), { N8N_LOG_LEVEL: 'debug' });
	if (process.env.SECRETS_E2E_LOG) require('node:fs').writeFileSync(process.env.SECRETS_E2E_LOG, `${batch.stdout}\n----\n${batch.stderr}`);
});
after(async () => {
	await env?.stop();
});

const run = (id) => batch.runs[id];

test('the runs went as planned: continue-on-fail workflows finish, the other stops on its error', () => {
	assert.ok(run(IDS.cont) && run(IDS.oauth), `runs missing:\n${batch.stdout}\n${batch.stderr}`);
	const failed = (batch.summary?.summary?.errors ?? []).map((e) => e.workflowId);
	assert.deepEqual(failed, [IDS.stop], JSON.stringify(batch.summary?.summary));
});

test('every failure is an item in plain words', () => {
	const expected = {
		'Revoked token': 'The Relatel token was revoked or is invalid',
		'HTTP 500': 'Relatel had a problem on its side (HTTP 500)',
		'HTTP 403 quoting the token': "Your Relatel account can't do this: a product, feature or permission is missing",
		'HTTP 422 echoing the header': 'Relatel could not accept the data: header Authorization: Bearer [hidden] not accepted',
		'Reset on Send SMS': 'The connection to Relatel broke off',
		'Truncated JSON': 'Relatel sent an answer n8n could not read',
		'Hanging connection': 'The connection to Relatel broke off',
	};
	for (const [node, message] of Object.entries(expected)) {
		assert.equal(outputOf(run(IDS.cont), node)[0].error, message, node);
	}
	assert.equal(outputOf(run(IDS.oauth), 'OAuth2 HTTP 403 quoting the token')[0].error, expected['HTTP 403 quoting the token']);
	for (const node of ['Redirect to the file host', 'Recording on the file host']) {
		assert.equal(outputOf(run(IDS.cont), node)[0].error, undefined, node);
	}
	assert.equal(outputOf(run(IDS.oauth), 'OAuth2 recording')[0].error, undefined);
});

test('the secrets were in play: requests carried them', () => {
	const auth = new Set(env.sandbox.state.requests.map((r) => r.authorization));
	for (const token of [TOKEN, REVOKED.token, env.oauthToken]) assert.ok(auth.has(`Bearer ${token}`), token);
});

test("no secret in n8n's debug log, in error items or in the run data", () => {
	const log = `${batch.stdout}\n${batch.stderr}`;
	// The log really is at debug level and mentions the failures.
	assert.match(log, /debug.*Running node "HTTP 500 stops the workflow" finished with error/);
	assert.match(log, /Relatel had a problem on its side \(HTTP 500\)/);
	const visible = [log, JSON.stringify(batch.summary), ...Object.values(batch.runs).map((r) => JSON.stringify(r.data))].join('\n');
	for (const secret of [TOKEN, REVOKED.token, env.oauthToken, CLIENT_SECRET]) {
		assert.ok(!visible.includes(secret), `"${secret}" appears in what n8n logged or stored`);
	}
});

test('no token left the API host: not along the redirect, not to the recording', () => {
	const { state } = env.sandbox;
	const files = state.fileRequests.map((r) => r.path);
	assert.ok(files.includes('/files/recordings/301.mp3'), `the redirect was followed: ${files}`);
	assert.ok(files.includes(`/files/recordings/${recordedCall.recording.id}.mp3`), `the recording was fetched: ${files}`);
	assert.ok(state.fileRequests.every((r) => r.authorization === undefined));
	assert.equal(state.tokenLeaks ?? 0, 0);
});

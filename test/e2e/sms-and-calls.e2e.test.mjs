// In real n8n (the `npm start` runtime): Manual Trigger → Relatel Send SMS → Relatel Get
// Many Calls, headless, against the sandbox. Asserts what the sandbox received and what
// n8n output.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { chainWorkflow, outputOf, startEnvironment } from './environment.mjs';

let env;
before(async () => {
	env = await startEnvironment();
});
after(async () => {
	await env?.stop();
});

test('Send SMS then Get Many Calls', async () => {
	const workflow = chainWorkflow('RelatelE2eSms001', 'E2E: SMS and calls', [
		{
			name: 'Send SMS',
			parameters: {
				resource: 'message',
				operation: 'send',
				toNumbers: '+45 71 99 99 99, 0045 20 30 40 50',
				body: 'Hej fra n8n – vi ringer dig op 😊',
				options: {},
			},
		},
		{
			name: 'Get Calls',
			parameters: { resource: 'call', operation: 'getAll', returnAll: false, limit: 150, filters: { direction: 'incoming' }, simplify: true },
		},
	]);
	await env.importWorkflows([workflow]);
	const smsBefore = env.sandbox.state.db.messages.length;

	const result = await env.execute(workflow.id);
	assert.equal(result.code, 0, `n8n execute failed:\n${result.stdout}\n${result.stderr}`);

	// What the sandbox received: one SMS POST with normalized numbers, then paged call reads.
	const requests = env.sandbox.state.requests.map((r) => `${r.method} ${r.path.replace('/api/v2', '')}`);
	assert.deepEqual(requests, ['POST /messages', 'GET /calls', 'GET /calls']);
	const post = env.sandbox.state.requests[0];
	assert.equal(post.authorization, 'Bearer e2e-access-token');
	assert.deepEqual(post.body, {
		message: { body: 'Hej fra n8n – vi ringer dig op 😊' },
		to_numbers: ['4571999999', '4520304050'],
	});
	assert.equal(env.sandbox.state.db.messages.length, smsBefore + 2);
	const [firstPage, secondPage] = env.sandbox.state.requests.slice(1).map((r) => r.query);
	assert.deepEqual(firstPage, { direction: 'incoming', limit: '100' });
	assert.equal(secondPage.direction, 'incoming');
	assert.ok(secondPage.started_at_lt_or_eq, 'the second page continues from the first page’s last call');

	// What n8n output.
	const [sms] = outputOf(result, 'Send SMS');
	assert.deepEqual(sms, {
		sent: 2,
		failed_numbers: [],
		to_numbers: ['4571999999', '4520304050'],
		encoding: 'UCS-2',
		characters: 32,
		segments: 1,
		units: 2,
	});
	const calls = outputOf(result, 'Get Calls');
	assert.equal(calls.length, 150);
	assert.equal(new Set(calls.map((c) => c.call_uuid)).size, 150, 'no call twice across the page boundary');
	assert.ok(calls.every((c) => c.direction === 'incoming'));
	const started = calls.map((c) => Date.parse(c.started_at));
	assert.deepEqual(started, [...started].sort((a, b) => b - a), 'newest first');
});

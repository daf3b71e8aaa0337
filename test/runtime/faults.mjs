#!/usr/bin/env node
// `npm run faults`: a fixed, seeded mix of reads and SMS sends through the Relatel node in
// real n8n (one `n8n execute-batch`), against the sandbox injecting faults: 429 with
// Retry-After, 500/502/503, connection resets, hangs that end in a reset, truncated JSON,
// and faults *after* the work (the SMS is delivered, then the answer fails). Every node runs
// with "On Error: Continue (using error output)", so every item's outcome is visible.
//
// Timeouts: Relatel not answering at all, until the node gives up (its request timeout, 30 s).
// A few, each costing 30 s, so they run in two small workflows of their own, against a second
// sandbox, at the same time as the mix (execute-batch --concurrency): a Get Contact whose
// first request gets no answer (retried: a read), and SMS sends whose POST gets no answer
// before, and after, the SMS was delivered (never resent; the error must say it may have been
// carried out). The mix runs as one workflow (one branch after another), so its requests, and
// the seeded faults they draw, come in the same order on every run.
//
// Prints the figures and exits non-zero when an SMS was delivered twice for one item, an
// SMS was resent, an item reported as sent was not delivered, a failed item's error is not
// one of the node's plain-words messages (a raw stack, a low-level or a generic text), or a
// timeout was not reported as one.
//
//   npm run faults                     (FAULTS_SEED=<n> for another mix, FAULTS_SCALE=2 for twice the items)
import { createRequire } from 'node:module';

import { ACCESS_TOKEN_CREDENTIAL, RELATEL, startEnvironment } from '../e2e/environment.mjs';

const require = createRequire(import.meta.url);
const { startSandbox } = require('../sandbox/server.js');
const SEED = Number(process.env.FAULTS_SEED ?? 20261201);
const SCALE = Number(process.env.FAULTS_SCALE ?? 1);
const CONTACT_READS = 160 * SCALE;
const CALL_READS = 20 * SCALE; // Get Many, 150 calls: two pages each
const SMS_SENDS = 120 * SCALE;

const GET = '^/(contacts/\\d+|calls)$';
const SMS = '^/messages$';
/** Tried in this order for each request; the first that fires wins (seeded, see test/sandbox/faults.js). */
const FAULTS = [
	{ method: 'GET', path: GET, status: 429, retryAfter: 1, probability: 0.06 },
	{ method: 'GET', path: GET, status: 502, probability: 0.04 },
	{ method: 'GET', path: GET, status: 503, probability: 0.04 },
	{ method: 'GET', path: GET, status: 500, probability: 0.02 },
	{ method: 'GET', path: GET, kind: 'reset', probability: 0.04 },
	{ method: 'GET', path: GET, kind: 'hang', ms: 500, probability: 0.02 },
	{ method: 'GET', path: GET, kind: 'truncate', probability: 0.03 },
	{ method: 'POST', path: SMS, status: 429, retryAfter: 1, probability: 0.04 },
	{ method: 'POST', path: SMS, status: 503, probability: 0.04 },
	{ method: 'POST', path: SMS, kind: 'reset', probability: 0.05 },
	{ method: 'POST', path: SMS, kind: 'hang', ms: 500, probability: 0.04 },
	{ method: 'POST', path: SMS, status: 500, phase: 'after', probability: 0.04 },
	{ method: 'POST', path: SMS, kind: 'reset', phase: 'after', probability: 0.03 },
	{ method: 'POST', path: SMS, kind: 'truncate', phase: 'after', probability: 0.03 },
];

/** The timeout sandbox: its own token and credential; its faults fire once each, in this order. */
const MIX_TOKEN = 'faults-mix-token';
const TIMEOUT_CREDENTIAL = { id: 'RelatelFaultsTmo1', name: 'Relatel (timeout sandbox)', token: 'faults-timeout-token' };
const TIMEOUT_CONTACTS = [2001, 2002];
const TIMEOUT_SMS = 3;
const TIMEOUT_FAULTS = [
	{ method: 'GET', path: `^/contacts/${TIMEOUT_CONTACTS[0]}$`, kind: 'timeout', times: 1 },
	{ method: 'POST', path: SMS, kind: 'timeout', times: 1 },
	{ method: 'POST', path: SMS, kind: 'timeout', phase: 'after', times: 1 },
];
/** The node's request timeout (nodes/Relatel/transport/request.ts). */
const NODE_TIMEOUT_MS = 30_000;

/**
 * The node's own failure messages (nodes/Relatel/transport/errors.ts): what a failed item
 * must say, with details in words (the error code may follow in brackets). Anything else —
 * a stack, "socket hang up", n8n's generic texts — is unclear.
 */
const PLAIN_WORDS = [
	/^Relatel had a problem on its side \(HTTP \d{3}\)$/,
	/^Relatel rate limited the request$/,
	/^The connection to Relatel broke off$/,
	/^Relatel did not answer in time$/,
	/^Relatel sent an answer n8n could not read$/,
	/^Could not connect to Relatel: check the Base URL of the credential$/,
	/^The Relatel token was revoked or is invalid$/,
	/^Your Relatel account can't do this: a product, feature or permission is missing$/,
	/^Not found in Relatel: check the ID$/,
	/^Relatel rejected the request/,
	/^Relatel could not accept the data/,
	/^Relatel's SMS rate limit was reached$/,
	/^The company's SMS overuse limit is full$/,
];

function clear(json) {
	const message = typeof json.error === 'string' ? json.error : '';
	const details = typeof json.details === 'string' ? json.details : '';
	const stack = /\n\s+at |\bat [\w.<>]+ \(/;
	return PLAIN_WORDS.some((re) => re.test(message)) && details.length > 20 && !stack.test(`${message}\n${details}`);
}

const node = (name, parameters, credential = ACCESS_TOKEN_CREDENTIAL) => ({
	id: `faults-${name}`,
	name,
	type: RELATEL,
	typeVersion: 1,
	onError: 'continueErrorOutput',
	credentials: { relatelApi: { id: credential.id, name: credential.name } },
	parameters,
});

/**
 * Manual Trigger → per branch: Set (the list) → Split Out (one item each) → the Relatel node.
 * Branches run one after another, top to bottom (execution order v1).
 */
function workflow(id, name, branches) {
	const nodes = [{ id: `${id}-t`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }];
	const connections = { Start: { main: [[]] } };
	branches.forEach(({ label, list, relatel }, i) => {
		const y = 300 * i;
		const listName = `${label}: List`;
		const eachName = `${label}: One Item Each`;
		nodes.push(
			{
				id: `${id}-s${i}`,
				name: listName,
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [200, y],
				parameters: { mode: 'raw', jsonOutput: JSON.stringify({ list }), options: {} },
			},
			{ id: `${id}-p${i}`, name: eachName, type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [400, y], parameters: { fieldToSplitOut: 'list', options: {} } },
			{ ...relatel, id: `${id}-r${i}`, position: [600, y] },
		);
		connections.Start.main[0].push({ node: listName, type: 'main', index: 0 });
		connections[listName] = { main: [[{ node: eachName, type: 'main', index: 0 }]] };
		connections[eachName] = { main: [[{ node: relatel.name, type: 'main', index: 0 }]] };
	});
	return { id, name, nodes, connections, settings: { executionOrder: 'v1' }, active: false, pinData: {} };
}

const smsNumber = (i) => `4572${String(i).padStart(6, '0')}`;
const timeoutSmsNumber = (i) => `4574${String(i).padStart(6, '0')}`;
const getContact = (name, credential) =>
	node(name, { resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } }, credential);
const sendSms = (name, credential) =>
	node(name, { resource: 'message', operation: 'send', toNumbers: '={{ $json.to }}', body: '={{ $json.body }}', options: {} }, credential);

const WORKFLOWS = {
	mix: workflow('RelatelFaults001', 'Faults: the seeded mix', [
		{ label: 'Contacts', list: Array.from({ length: CONTACT_READS }, (_, i) => ({ id: 2001 + (i % 140) })), relatel: getContact('Get Contact') },
		{
			label: 'Calls',
			list: Array.from({ length: CALL_READS }, (_, i) => ({ n: i })),
			relatel: node('Get Calls', { resource: 'call', operation: 'getAll', returnAll: false, limit: 150, filters: {}, simplify: true }),
		},
		{
			label: 'SMS',
			list: Array.from({ length: SMS_SENDS }, (_, i) => ({ to: smsNumber(i), body: `Fault run, item ${i}` })),
			relatel: sendSms('Send SMS'),
		},
	]),
	// Against the timeout sandbox, each alongside the mix.
	timeoutRead: workflow('RelatelFaults002', 'Faults: Get Contact, no answer', [
		{ label: 'Contacts', list: TIMEOUT_CONTACTS.map((id) => ({ id })), relatel: getContact('Get Contact (timeout)', TIMEOUT_CREDENTIAL) },
	]),
	timeoutSms: workflow('RelatelFaults003', 'Faults: Send SMS, no answer', [
		{
			label: 'SMS',
			list: Array.from({ length: TIMEOUT_SMS }, (_, i) => ({ to: timeoutSmsNumber(i), body: `Timeout run, item ${i}` })),
			relatel: sendSms('Send SMS (timeout)', TIMEOUT_CREDENTIAL),
		},
	]),
};

/** Per input item: did it succeed (items on the first output), fail (on the error output), or neither? */
function outcomes(run, nodeName, count) {
	const task = run?.data?.resultData?.runData?.[nodeName]?.[0];
	const [ok = [], failed = []] = task?.data?.main ?? [];
	const byItem = Array.from({ length: count }, () => ({ ok: [], failed: [] }));
	for (const item of ok) byItem[item.pairedItem?.item ?? item.pairedItem?.[0]?.item]?.ok.push(item.json);
	for (const item of failed) byItem[item.pairedItem?.item ?? item.pairedItem?.[0]?.item]?.failed.push(item.json);
	return { byItem, executionTime: task?.executionTime };
}

/** What happened to each SMS item: delivered to the sandbox (how often), reported as sent, or failed. */
function smsFigures(result, state, numberOf, count, token, before) {
	const sent = state.db.messages.slice(before).filter((m) => m.direction === 'outgoing');
	const deliveries = new Map();
	for (const m of sent) deliveries.set(m.to_number, (deliveries.get(m.to_number) ?? 0) + 1);
	const figures = {
		attempted: count,
		posts: state.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages') && r.authorization === `Bearer ${token}`).length,
		delivered: 0,
		reportedSent: 0,
		duplicates: 0,
		reportedButNotDelivered: 0,
		deliveredButReportedFailed: 0,
		deliveredAndSaidSo: 0,
	};
	result.byItem.forEach((o, i) => {
		const times = deliveries.get(numberOf(i)) ?? 0;
		if (times > 0) figures.delivered++;
		if (times > 1) figures.duplicates++;
		const saysSent = o.ok.length === 1 && o.ok[0].sent === 1 && o.failed.length === 0;
		if (saysSent) figures.reportedSent++;
		if (saysSent && times === 0) figures.reportedButNotDelivered++;
		if (!saysSent && times > 0) {
			figures.deliveredButReportedFailed++;
			if (o.failed.some((f) => /may already have been carried out/.test(f.details ?? ''))) figures.deliveredAndSaidSo++;
		}
	});
	return figures;
}

const TIMEOUT_MESSAGE = 'Relatel did not answer in time';
const started = Date.now();
process.stderr.write(`[faults] starting the sandboxes and n8n ${process.env.N8N_VERSION ?? ''}…\n`);
const slow = await startSandbox({ token: TIMEOUT_CREDENTIAL.token });
const env = await startEnvironment({ token: MIX_TOKEN, credentials: [{ ...TIMEOUT_CREDENTIAL, baseUrl: slow.baseUrl }] });
let exitCode = 0;
try {
	const { state } = env.sandbox;
	require('../sandbox/routes/call.js').calls(state); // seed the calls before counting
	await env.importWorkflows(Object.values(WORKFLOWS));
	state.requests.length = 0;
	state.faults.push(...FAULTS.map((fault) => ({ ...fault })));
	state.seed = SEED;
	const messagesBefore = state.db.messages.length;
	slow.state.requests.length = 0;
	slow.state.faults.push(...TIMEOUT_FAULTS.map((fault) => ({ ...fault })));
	const slowMessagesBefore = slow.state.db.messages.length;

	const ids = Object.values(WORKFLOWS).map((w) => w.id);
	const batch = await env.executeMany(ids, {}, { concurrency: ids.length });
	const runOf = (w) => batch.runs[w.id]?.data;
	for (const w of Object.values(WORKFLOWS)) {
		if (!runOf(w)) throw new Error(`No run data for "${w.name}":\n${JSON.stringify(batch.summary?.summary?.errors)}\n${batch.stdout}\n${batch.stderr}`);
	}
	const wallSeconds = (w) => batch.summary.executions?.find((e) => e.workflowId === w.id)?.executionTime;

	// Reads.
	const contacts = outcomes(runOf(WORKFLOWS.mix), 'Get Contact', CONTACT_READS);
	const calls = outcomes(runOf(WORKFLOWS.mix), 'Get Calls', CALL_READS);
	const reads = [...contacts.byItem, ...calls.byItem];
	const readsOk = reads.filter((o) => o.ok.length > 0 && o.failed.length === 0).length;
	const callPagesComplete = calls.byItem.filter((o) => o.failed.length === 0).every((o) => o.ok.length === 150 && new Set(o.ok.map((c) => c.id ?? c.call_uuid)).size === 150);

	// SMS.
	const sms = outcomes(runOf(WORKFLOWS.mix), 'Send SMS', SMS_SENDS);
	const mixSms = smsFigures(sms, state, smsNumber, SMS_SENDS, MIX_TOKEN, messagesBefore);

	// Timeouts.
	const timeoutReads = outcomes(runOf(WORKFLOWS.timeoutRead), 'Get Contact (timeout)', TIMEOUT_CONTACTS.length);
	const timeoutReadsOk = timeoutReads.byItem.filter((o) => o.ok.length > 0 && o.failed.length === 0).length;
	const timedOutGets = slow.state.requests.filter((r) => r.method === 'GET' && r.path === `/api/v2/contacts/${TIMEOUT_CONTACTS[0]}`).length;
	const timeoutSms = outcomes(runOf(WORKFLOWS.timeoutSms), 'Send SMS (timeout)', TIMEOUT_SMS);
	const slowSms = smsFigures(timeoutSms, slow.state, timeoutSmsNumber, TIMEOUT_SMS, TIMEOUT_CREDENTIAL.token, slowMessagesBefore);
	const timeoutErrors = timeoutSms.byItem.flatMap((o) => o.failed);
	const saidTimeout = timeoutErrors.filter((json) => json.error === TIMEOUT_MESSAGE && /may already have been carried out/.test(json.details ?? ''));
	const slowFired = TIMEOUT_FAULTS.map((fault, i) => ({ ...fault, fired: slow.state.faults[i].fired ?? 0, waits: slow.state.faults[i].waits ?? [] }));
	const waits = slowFired.flatMap((f) => f.waits);

	// Errors.
	const allItems = [...reads, ...sms.byItem, ...timeoutReads.byItem, ...timeoutSms.byItem];
	const failedItems = allItems.filter((o) => o.failed.length > 0 || o.ok.length === 0);
	const errorItems = allItems.flatMap((o) => o.failed);
	const unclear = errorItems.filter((json) => !clear(json));
	const byMessage = new Map();
	for (const json of errorItems) byMessage.set(json.error, (byMessage.get(json.error) ?? 0) + 1);

	const fired = FAULTS.map((fault, i) => ({ ...fault, fired: state.faults[i].fired ?? 0 }));
	const faultName = (f) =>
		`${f.method} ${f.kind === 'hang' ? `hang ${f.ms} ms, then reset` : f.kind === 'timeout' ? 'no answer (timeout)' : (f.kind ?? f.status)}` +
		`${f.retryAfter ? ` Retry-After ${f.retryAfter}` : ''}${f.phase === 'after' ? ' after the work' : ''}`;
	const line = (label, value) => console.log(`  ${label.padEnd(58, '.')} ${value}`);
	const totalFired = [...fired, ...slowFired].reduce((s, f) => s + f.fired, 0);
	console.log(
		`\nRelatel node in real n8n under injected faults (seed ${SEED}; ${state.requests.length + slow.state.requests.length} API requests, ${totalFired} faults fired)`,
	);
	console.log('\nReads (Get Contact ×%d, Get Many Calls of 150 ×%d)', CONTACT_READS, CALL_READS);
	line('attempted', reads.length);
	line('succeeded', readsOk);
	line('Get Many: every successful item has 150 distinct calls', callPagesComplete ? 'yes' : 'NO');
	const printSms = (f) => {
		line('attempted', f.attempted);
		line('POST /messages received by the sandbox', `${f.posts}${f.posts === f.attempted ? ' (one per item: none resent)' : ' (RESENT!)'}`);
		line('delivered to the sandbox', f.delivered);
		line('reported as sent', f.reportedSent);
		line('delivered, but the answer failed (error says it may have happened)', `${f.deliveredButReportedFailed} (${f.deliveredAndSaidSo} say so)`);
		line('reported as sent but not delivered', f.reportedButNotDelivered);
		line('duplicates (an SMS delivered twice for one item)', f.duplicates);
	};
	console.log('\nSMS (one item per recipient)');
	printSms(mixSms);
	console.log(`\nTimeouts: Relatel does not answer; the node gives up after ${NODE_TIMEOUT_MS / 1000} s (second sandbox, alongside the mix)`);
	line('Get Contact: attempted', TIMEOUT_CONTACTS.length);
	line('Get Contact: succeeded', `${timeoutReadsOk} (the read that got no answer was sent ${timedOutGets} times)`);
	console.log('  Send SMS (no answer before the SMS was delivered, then after):');
	printSms(slowSms);
	line('timed-out SMS reported as "did not answer in time, may have been carried out"', `${saidTimeout.length} of ${timeoutErrors.length}`);
	line('how long the node waited for an answer', waits.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ') || 'never');
	console.log('\nErrors (the mix and the timeouts)');
	line('items that failed', failedItems.length);
	line('errors with a clear message', `${errorItems.length - unclear.length} of ${errorItems.length}`);
	for (const [message, count] of [...byMessage].sort((a, b) => b[1] - a[1])) line(`  "${message}"`, count);
	console.log('\nFaults fired');
	for (const f of fired) line(`  ${faultName(f)}`, f.fired);
	for (const f of slowFired) line(`  ${faultName(f)}`, f.fired);
	console.log(
		`\nNode execution time: Get Contact ${contacts.executionTime} ms, Get Calls ${calls.executionTime} ms, Send SMS ${sms.executionTime} ms; ` +
			`timeouts: Get Contact ${timeoutReads.executionTime} ms, Send SMS ${timeoutSms.executionTime} ms. ` +
			`Wall time: the mix ${wallSeconds(WORKFLOWS.mix)} s, the timeouts ${wallSeconds(WORKFLOWS.timeoutRead)} s and ${wallSeconds(WORKFLOWS.timeoutSms)} s (at the same time); whole run ${Math.round((Date.now() - started) / 1000)} s`,
	);

	const problems = [];
	for (const [label, f] of [
		['', mixSms],
		['timeout ', slowSms],
	]) {
		if (f.duplicates > 0) problems.push(`${f.duplicates} duplicate ${label}SMS`);
		if (f.posts > f.attempted) problems.push(`${f.posts - f.attempted} ${label}SMS POSTs resent`);
		if (f.reportedButNotDelivered > 0) problems.push(`${f.reportedButNotDelivered} ${label}SMS reported as sent but not delivered`);
		if (f.deliveredAndSaidSo !== f.deliveredButReportedFailed) problems.push(`a ${label}SMS delivered behind a failed answer whose error does not say it may have happened`);
	}
	if (unclear.length > 0) problems.push(`${unclear.length} unclear errors, e.g. ${JSON.stringify(unclear[0]).slice(0, 300)}`);
	if (errorItems.length !== failedItems.length) problems.push(`${failedItems.length} items failed but ${errorItems.length} error items came out`);
	if (!callPagesComplete) problems.push('a successful Get Many did not return 150 distinct calls');
	if (fired.some((f) => f.fired === 0)) problems.push('a fault kind never fired: raise FAULTS_SCALE or change FAULTS_SEED');
	// The timeouts: each fired once, the client really waited for its timeout, the read was
	// retried and succeeded, both SMS failed as timeouts that may have happened, and the SMS
	// whose answer was lost after the work was delivered exactly once.
	if (slowFired.some((f) => f.fired !== 1)) problems.push(`timeout faults fired ${slowFired.map((f) => f.fired).join('/')} times, not once each`);
	if (waits.length !== TIMEOUT_FAULTS.length || waits.some((ms) => ms < NODE_TIMEOUT_MS - 1000 || ms > NODE_TIMEOUT_MS + 15_000)) {
		problems.push(`the node did not wait for its ${NODE_TIMEOUT_MS / 1000} s timeout: ${waits.join(', ')} ms`);
	}
	if (timeoutReadsOk !== TIMEOUT_CONTACTS.length || timedOutGets !== 2) problems.push(`the read without an answer was not retried once and then read (${timedOutGets} requests, ${timeoutReadsOk} succeeded)`);
	if (timeoutErrors.length !== 2 || saidTimeout.length !== 2) problems.push(`timed-out SMS not reported as "${TIMEOUT_MESSAGE}" that may have happened: ${JSON.stringify(timeoutErrors).slice(0, 500)}`);
	if (slowSms.delivered !== 2 || slowSms.reportedSent !== 1) problems.push(`timeout SMS: ${slowSms.delivered} delivered, ${slowSms.reportedSent} reported as sent (expected 2 and 1)`);
	if (problems.length) {
		exitCode = 1;
		console.log(`\nFAILED: ${problems.join('; ')}`);
	} else {
		console.log('\nOK: no duplicate SMS, none resent, timeouts reported as timeouts, every failure in plain words.');
	}
} catch (error) {
	exitCode = 1;
	console.error(error);
} finally {
	await env.stop();
	await slow.close();
}
process.exit(exitCode);

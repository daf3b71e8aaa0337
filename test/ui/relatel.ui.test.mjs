// The Relatel nodes as a person uses them, in real n8n 2.40.7 in headless Chromium, against
// the sandbox: owner set-up, the credential and its Test, the nodes panel, Employee → Send
// SMS with the employee picker, the trigger's Fetch Test Event, light and dark theme.
// Fails on any browser console error (bar n8n's own noise, listed in environment.mjs and
// printed when ignored), any failed request for our nodes — list searches, options, icons,
// types, credential tests — or n8n log line about them, an icon that does not load, or a
// parameter label that shows a raw key.
//
//   npm run test:ui                      run it
//   npm run screenshots                  run it and rewrite docs/screenshots/*.png
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, test } from 'node:test';

import { assertIconsLoaded, assertLabelsTranslated, loadTypes, outputJson, searchNodesPanel, setUpOwner } from './editor.mjs';
import { openPage, problemsAboutUs, screenshot, startUiEnvironment } from './environment.mjs';

const TYPE = { action: 'CUSTOM.relatel', trigger: 'CUSTOM.relatelTrigger' };

let env;
let page;
let events;
let types;
const workflows = {};

before(async () => {
	env = await startUiEnvironment();
	({ page, events } = await openPage(env.browser));
	// n8n's editor is heavy for 2 cores: be patient with single steps, never sleep.
	page.setDefaultTimeout(30_000);
});

beforeEach((t) => {
	// Console messages and requests are labelled with the step they happened in.
	if (events) events.step = t.name;
});

afterEach(async (t) => {
	// A failing step leaves a picture of where it stopped (test-results/ui/failed-*.png).
	if (!t.passed && page) await screenshot(page, `failed-${t.name.replace(/\W+/g, '-').slice(0, 60)}`, { commit: false }).catch(() => {});
});

after(async () => {
	await env?.stop();
});

function sandboxRequests(filter = () => true) {
	return env.sandbox.state.requests.filter(filter).map((r) => `${r.method} ${r.path.replace('/api/v2', '')}`);
}

function description(type) {
	const found = types.nodes.find((n) => n.name === type);
	assert.ok(found, `n8n does not know ${type}`);
	return found;
}

test('the owner account is set up on n8n\'s set-up page', async () => {
	await setUpOwner(page, env.baseUrl);
	types = await loadTypes(page, env.baseUrl);
	assert.ok(description(TYPE.action));
	assert.ok(description(TYPE.trigger));
	assert.ok(types.credentials.some((c) => c.name === 'relatelApi'));
});

test('Relatel API credential: Test says a wrong token is revoked or invalid, and the right one connects', async () => {
	await page.goto(`${env.baseUrl}/home/credentials`, { waitUntil: 'commit' });
	await page.getByTestId('add-resource-credential').first().click();
	await page.getByTestId('new-credential-type-select').locator('input').fill('Relatel');
	await page.getByTestId('new-credential-type-select-option').filter({ hasText: /^Relatel API$/ }).click();
	await page.getByTestId('new-credential-type-button').click();

	const modal = page.getByTestId('editCredential-modal');
	await assertIconsLoaded(modal, 'credential dialog');
	const credentialType = types.credentials.find((c) => c.name === 'relatelApi');
	await assertLabelsTranslated(modal, credentialType.properties, 'credential dialog');
	const token = modal.getByTestId('parameter-input-accessToken').locator('input');
	await token.fill('a-revoked-token');
	await modal.getByTestId('parameter-input-baseUrl').locator('input').fill(env.sandbox.baseUrl);

	// Saving tests the credential (GET /employee); "Retry" is the editor's Test button.
	const testCalls = () => sandboxRequests((r) => r.path === '/api/v2/employee').length;
	const before = testCalls();
	await modal.getByTestId('credential-save-button').click();
	await modal.getByText('Couldn’t connect with these settings').waitFor();
	await modal.getByText('More details').click();
	const plainWords = modal.getByText(/^Relatel says the access token was revoked or is invalid\./);
	await plainWords.waitFor();
	assert.ok(testCalls() > before, 'the credential test reached the sandbox');
	await screenshot(page, 'credential-wrong-token');

	const retested = page.waitForResponse((r) => r.url().endsWith('/rest/credentials/test'));
	await modal.getByRole('button', { name: 'Retry' }).click();
	const wrong = await (await retested).json();
	assert.equal(wrong.data.status, 'Error');
	assert.match(wrong.data.message, /^Relatel says the access token was revoked or is invalid\. Create a new one at https:\/\/app\.relatel\.dk/);

	await token.fill(env.token);
	await modal.getByTestId('credential-save-button').click();
	await modal.getByText('Connection tested successfully').waitFor();
	const okTest = page.waitForResponse((r) => r.url().endsWith('/rest/credentials/test'));
	await modal.getByRole('button', { name: 'Retry' }).click();
	assert.deepEqual((await (await okTest).json()).data, { status: 'OK', message: 'Connection successful!' });
	await modal.getByText('Connection tested successfully').waitFor();
	await screenshot(page, 'credential-test');
	assert.equal(env.sandbox.state.requests.at(-1).authorization, `Bearer ${env.token}`);

	await page.keyboard.press('Escape');
	await modal.waitFor({ state: 'hidden' });
});

test('Relatel Trigger: the nodes panel shows Relatel with its triggers and actions; New Voicemail fetches a test event', async () => {
	await page.goto(`${env.baseUrl}/workflow/new`, { waitUntil: 'commit' });
	await page.getByTestId('canvas-plus-button').click();
	const panel = await searchNodesPanel(page, 'Relatel');
	const app = panel.getByTestId('node-creator-item-name').filter({ hasText: /^Relatel$/ });
	await app.waitFor();
	await assertIconsLoaded(panel, 'nodes panel, search "Relatel"');
	await app.click();
	await panel.getByTestId('nodes-list-header').filter({ hasText: 'Relatel' }).waitFor();
	await panel.getByTestId('node-creator-category-item').filter({ hasText: /Triggers/ }).waitFor();
	await panel.getByTestId('node-creator-category-item').filter({ hasText: /Actions/ }).waitFor();
	await assertIconsLoaded(panel, 'Relatel in the nodes panel');
	await screenshot(page, 'node-picker');

	await panel.getByTestId('node-creator-item-name').filter({ hasText: /^On new voicemail$/ }).click();
	const ndv = page.getByTestId('ndv');
	await ndv.waitFor();
	const event = ndv.getByTestId('parameter-input-event').locator('input');
	assert.equal(await event.inputValue(), 'New Voicemail');
	await assertIconsLoaded(ndv, 'trigger dialog');
	await assertLabelsTranslated(ndv.getByTestId('node-parameters'), description(TYPE.trigger).properties, 'Relatel Trigger, New Voicemail');

	// A caller leaves a voicemail; Fetch Test Event brings the newest one from the sandbox.
	const created = await fetch(new URL('/__sandbox/events/voicemail', env.sandbox.baseUrl), {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ from_number: '4571999999', from_name: 'Lars Kunde', endpoint: 'Employee#3', endpoint_name: 'Mette Larsen', duration: 42 }),
	}).then((r) => r.json());
	const fetched = sandboxRequests((r) => r.path === '/api/v2/voice_mails').length;
	await ndv.getByTestId('node-execute-button').filter({ hasText: 'Fetch Test Event' }).click();
	await ndv.getByTestId('node-run-status-success').waitFor();
	assert.ok(sandboxRequests((r) => r.path === '/api/v2/voice_mails').length > fetched, 'the trigger asked the sandbox');
	const [sample] = await outputJson(page);
	assert.equal(sample.id, created.id);
	assert.equal(sample.from_number, '4571999999');
	assert.equal(sample.endpoint_name, 'Mette Larsen');
	await page.getByTestId('output-panel').getByTestId('radio-button-table').click();
	await screenshot(page, 'trigger-test-event');
	await page.getByTestId('ndv-close-button').click();
	await ndv.waitFor({ state: 'hidden' });
});

test('Relatel: found by "Relatel" and by "SMS"; Employee → Send SMS picks Mette from the sandbox and sends', async () => {
	await page.goto(`${env.baseUrl}/workflow/new`, { waitUntil: 'commit' });
	await page.getByTestId('canvas-plus-button').click();
	await searchNodesPanel(page, 'Trigger manually');
	await page.getByTestId('node-creator-node-item').filter({ hasText: 'Trigger manually' }).first().click();
	await page.getByTestId('canvas-node').first().waitFor();
	await page.getByTestId('node-creator-plus-button').click();

	const panel = page.getByTestId('node-creator');
	const relatel = panel.getByTestId('node-creator-item-name').filter({ hasText: /^Relatel$/ });
	await searchNodesPanel(page, 'Relatel');
	await relatel.waitFor();
	await assertIconsLoaded(panel, 'nodes panel, search "Relatel"');

	// "SMS" in a fresh nodes panel: close this one, open a new one, see that it starts
	// without Relatel (its empty search lists n8n's categories), then search.
	await page.keyboard.press('Escape');
	await panel.waitFor({ state: 'hidden' });
	await page.getByTestId('node-creator-plus-button').click();
	await panel.getByTestId('node-creator-item-name').first().waitFor();
	assert.equal(await page.getByTestId('node-creator-search-bar').inputValue(), '', 'the new panel starts with an empty search');
	assert.equal(await relatel.count(), 0, 'the new panel shows no Relatel before the search');
	// A term that does not match us first: the results change and Relatel is not among them.
	await searchNodesPanel(page, 'Merge');
	await panel.getByTestId('node-creator-item-name').filter({ hasText: /^Merge$/ }).waitFor();
	assert.equal(await relatel.count(), 0, 'searching "Merge" shows no Relatel');
	await searchNodesPanel(page, 'SMS');
	await relatel.waitFor();
	assert.equal(await page.getByTestId('node-creator-search-bar').inputValue(), 'SMS');
	await assertIconsLoaded(panel, 'nodes panel, search "SMS"');
	await screenshot(page, 'node-search-sms');
	await relatel.click();
	await panel.getByTestId('node-creator-item-name').filter({ hasText: /^Send an SMS to an employee$/ }).click();

	const ndv = page.getByTestId('ndv');
	await ndv.waitFor();
	workflows.sms = new URL(page.url()).pathname.split('/')[2];
	assert.equal(await ndv.getByTestId('parameter-input-resource').locator('input').inputValue(), 'Employee');
	assert.equal(await ndv.getByTestId('parameter-input-operation').locator('input').inputValue(), 'Send SMS');
	assert.equal(await ndv.getByTestId('node-credentials-select').locator('input').inputValue(), 'Relatel account');

	// The employee picker ("From List") asks the sandbox, and filters by what is typed.
	const locator = ndv.getByTestId('resource-locator-employeeId');
	await locator.getByTestId('rlc-mode-selector').locator('input').inputValue().then((mode) => assert.equal(mode, 'From list'));
	await locator.getByTestId('rlc-input').click();
	const items = page.getByTestId('rlc-item');
	await items.filter({ hasText: 'Søren Kierkegaard' }).waitFor();
	assert.deepEqual(await items.allInnerTexts(), ['Jane Doe (20 00 00 01)', 'John Hansen (20 00 00 02)', 'Mette Larsen (20 00 00 03)', 'Søren Kierkegaard (20 00 00 04)']);
	const employeeLists = sandboxRequests((r) => r.path === '/api/v2/employees').length;
	const filtered = page.waitForResponse((r) => r.url().includes('/resource-locator-results') && /Mett/.test(r.request().postData() ?? ''));
	await page.getByTestId('rlc-search').fill('Mett');
	const results = (await (await filtered).json()).data.results;
	assert.deepEqual(results, [{ name: 'Mette Larsen (20 00 00 03)', value: '3' }]);
	await items.filter({ hasText: 'Jane Doe' }).waitFor({ state: 'detached' });
	assert.deepEqual(await items.allInnerTexts(), ['Mette Larsen (20 00 00 03)']);
	assert.ok(sandboxRequests((r) => r.path === '/api/v2/employees').length > employeeLists, 'the filter went to the sandbox');
	await screenshot(page, 'resource-picker');
	await items.filter({ hasText: 'Mette Larsen' }).click();
	assert.equal(await locator.getByTestId('rlc-input').inputValue(), 'Mette Larsen (20 00 00 03)');

	await ndv.getByTestId('parameter-input-body').locator('textarea').fill('Hej Mette, ring venligst Lars Kunde tilbage');
	await assertIconsLoaded(ndv, 'Send SMS dialog');
	await assertLabelsTranslated(ndv.getByTestId('node-parameters'), description(TYPE.action).properties, 'Relatel, Employee → Send SMS');
	// The Options collection lists its options by display name too.
	await ndv.getByTestId('collection-parameter-add').click();
	const options = page.getByTestId('collection-parameter-option');
	await options.first().waitFor();
	assert.deepEqual(await options.allInnerTexts(), ['Hide Number (Use Brand Name)', 'Send as Reception']);
	await page.keyboard.press('Escape');

	const smsBefore = env.sandbox.state.db.messages.length;
	await ndv.getByTestId('node-execute-button').click();
	await ndv.getByTestId('node-run-status-success').waitFor();
	const [output] = await outputJson(page);
	assert.equal(output.sent, 1);
	assert.deepEqual(output.failed_numbers, []);
	assert.equal(output.employee_id, 3);
	assert.equal(output.encoding, 'GSM-7');
	const post = env.sandbox.state.requests.filter((r) => r.method === 'POST').at(-1);
	assert.equal(post.path, '/api/v2/employees/3/message');
	assert.deepEqual(post.body, { message: { body: 'Hej Mette, ring venligst Lars Kunde tilbage' } });
	assert.equal(post.authorization, `Bearer ${env.token}`);
	const delivered = env.sandbox.state.db.messages.slice(smsBefore);
	assert.deepEqual(
		delivered.map((m) => [m.direction, m.to_number, m.body]),
		[['outgoing', '4520000003', 'Hej Mette, ring venligst Lars Kunde tilbage']],
		"the SMS went to Mette's mobile number",
	);
	await page.getByTestId('output-panel').getByTestId('radio-button-table').click();
	await screenshot(page, 'send-sms');
	await page.getByTestId('ndv-close-button').click();
	await ndv.waitFor({ state: 'hidden' });
	const saved = page.waitForResponse((r) => r.url().includes(`/rest/workflows/${workflows.sms}`) && r.request().method() === 'PATCH');
	await page.keyboard.press('Control+s');
	assert.equal((await saved).status(), 200);
});

test('dark theme (n8n\'s theme setting): the dark icon loads in the nodes panel and on the canvas', async () => {
	await page.evaluate(() => localStorage.setItem('N8N_THEME', 'dark'));
	try {
		await page.goto(`${env.baseUrl}/workflow/${workflows.sms}`, { waitUntil: 'commit' });
		await page.locator('body[data-theme=dark]').waitFor();
		const node = page.getByTestId('canvas-node').filter({ hasText: 'Send an SMS to an employee' });
		await node.waitFor();
		await assertIconsLoaded(node, 'canvas node, dark', /relatel\.dark\.svg/);
		await page.getByTestId('node-creator-plus-button').click();
		const panel = await searchNodesPanel(page, 'Relatel');
		await panel.getByTestId('node-creator-item-name').filter({ hasText: /^Relatel$/ }).click();
		await panel.getByTestId('node-creator-category-item').filter({ hasText: /Actions/ }).waitFor();
		await assertIconsLoaded(panel, 'nodes panel, dark', /relatel\.dark\.svg/);
		await screenshot(page, 'node-picker-dark');
		await page.keyboard.press('Escape');
		await node.dblclick();
		const ndv = page.getByTestId('ndv');
		await ndv.waitFor();
		assert.equal(await ndv.getByTestId('resource-locator-employeeId').getByTestId('rlc-input').inputValue(), 'Mette Larsen (20 00 00 03)');
		await assertIconsLoaded(ndv, 'Send SMS dialog, dark', /relatel\.dark\.svg/);
		await screenshot(page, 'send-sms-form-dark');
		await page.getByTestId('ndv-close-button').click();
	} finally {
		await page.evaluate(() => localStorage.removeItem('N8N_THEME'));
	}
});

test('nothing about our nodes went wrong: browser console, failed requests, n8n log', async () => {
	const icons = events.responses.filter((r) => /\/icons\/CUSTOM\/.*relatel/.test(r.url));
	assert.ok(icons.length > 0, 'the editor loaded our icons');
	assert.deepEqual(
		icons.filter((r) => r.status !== 200 && r.status !== 304),
		[],
		'every icon request answered 200',
	);
	// The employee picker's list searches and the credential tests were recorded with their
	// request bodies (which name our node and credential type; the URLs do not), so a failing
	// one is one of problemsAboutUs' problems.
	const served = events.responses.filter((r) => r.path.startsWith('/rest/dynamic-node-parameters/') && /CUSTOM\.relatel/.test(r.body));
	assert.ok(served.some((r) => r.path.endsWith('/resource-locator-results')), 'the employee picker asked n8n for its list');
	assert.ok(served.some((r) => r.path.endsWith('/resource-locator-results') && r.status === 200), 'the employee picker got its list');
	assert.ok(events.responses.some((r) => r.path === '/rest/credentials/test' && /relatelApi/.test(r.body)), 'the credential test was watched');
	assert.deepEqual(problemsAboutUs({ events, log: env.log }), []);
	assert.deepEqual(events.pageErrors, [], 'no uncaught errors in the editor');
});

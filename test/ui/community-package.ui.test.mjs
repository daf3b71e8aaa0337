// The path users follow: Settings → Community Nodes → Install `n8n-nodes-relatel`. n8n then
// (community-packages.service.js, n8n 2.40.7) runs `npm pack <name>@latest` in
// ~/.n8n/nodes, unpacks the tarball into ~/.n8n/nodes/node_modules/<name>, drops its dev,
// peer and optional dependencies, runs `npm install` there, records the package in
// ~/.n8n/nodes/package.json and in its database (installed_packages, installed_nodes), and
// loads every ~/.n8n/nodes/node_modules/n8n-nodes-* package at start
// (CommunityPackagesModule.nodeLoaders). The package is not on the public registry here, so
// this test does the same with the `npm pack` tarball of this checkout, then proves n8n
// loads the nodes from there as `n8n-nodes-relatel.relatel` / `n8n-nodes-relatel.relatelTrigger`,
// runs docs/examples/send-sms-and-list-calls.json unchanged, lists the package under
// Settings → Community Nodes, and shows the Install dialog a user fills in.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { EXAMPLES_DIR } from '../runtime/examples.mjs';
import { ensureN8n, executeWorkflow, freePort, importCredentials, importWorkflows, PACKAGE_NAME, ROOT, RUNTIME_DIR } from '../runtime/runtime.mjs';
import { launchChromium, openPage, OWNER, problemsAboutUs, screenshot, startN8nWithLog } from './environment.mjs';

const require = createRequire(import.meta.url);
const { startSandbox } = require('../sandbox/server.js');

const EXAMPLE = 'send-sms-and-list-calls.json';
// The example's credential placeholder and name, used as they are: the file runs unchanged.
const CREDENTIAL = { id: 'RELATEL_CREDENTIAL_ID', name: 'Relatel account' };
const TOKEN = 'community-access-token';

let userFolder;
let sandbox;
let server;
let browser;
let packageJson;

/** What n8n's CommunityPackagesService.downloadPackage does with the tarball `npm pack` made. */
function installLikeN8n(tarball, nodesDir) {
	const packageDir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	mkdirSync(packageDir, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	const packageJsonPath = path.join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...installed } = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
	writeFileSync(packageJsonPath, JSON.stringify(installed, null, 2));
	execFileSync(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false', '--offline'],
		{ cwd: packageDir, stdio: ['ignore', 'ignore', 'inherit'] },
	);
	writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [installed.name]: installed.version } }, null, 2),
	);
	return installed;
}

/** The rows n8n's InstalledPackagesRepository.saveInstalledPackageWithNodes writes. */
async function recordInstalledPackage(databaseFile, installed) {
	const sqlite3 = require(path.join(RUNTIME_DIR, 'node_modules', 'sqlite3'));
	const db = new sqlite3.Database(databaseFile);
	const run = (sql, params) => new Promise((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
	const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
	await run(
		'INSERT INTO installed_packages ("packageName", "installedVersion", "authorName", "authorEmail", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)',
		[installed.name, installed.version, installed.author?.name ?? null, installed.author?.email ?? null, now, now],
	);
	for (const [name, type] of [
		['Relatel', 'relatel'],
		['Relatel Trigger', 'relatelTrigger'],
	]) {
		await run('INSERT INTO installed_nodes ("name", "type", "latestVersion", "package") VALUES (?, ?, 1, ?)', [name, `${installed.name}.${type}`, installed.name]);
	}
	await new Promise((resolve) => db.close(resolve));
}

before(async () => {
	ensureN8n();
	userFolder = mkdtempSync(path.join(os.tmpdir(), 'relatel-community-'));
	const packDir = path.join(userFolder, 'pack');
	mkdirSync(packDir);
	const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: ROOT, encoding: 'utf8' }));
	packageJson = installLikeN8n(path.join(packDir, packed.filename), path.join(userFolder, '.n8n', 'nodes'));

	sandbox = await startSandbox({ port: await freePort(), token: TOKEN });
	// The first n8n command creates and migrates the database; then the package is recorded.
	await importCredentials(userFolder, [{ ...CREDENTIAL, type: 'relatelApi', data: { accessToken: TOKEN, baseUrl: sandbox.baseUrl } }]);
	await recordInstalledPackage(path.join(userFolder, '.n8n', 'database.sqlite'), packageJson);
});

after(async () => {
	await browser?.close().catch(() => {});
	await server?.stop();
	await sandbox?.close();
	if (userFolder) rmSync(userFolder, { recursive: true, force: true });
});

test('the packed package is what n8n installs: built nodes, credentials and icons, no runtime dependencies', () => {
	assert.equal(packageJson.name, 'n8n-nodes-relatel');
	assert.deepEqual(packageJson.dependencies ?? {}, {});
	assert.deepEqual(packageJson.n8n.nodes.sort(), ['dist/nodes/Relatel/Relatel.node.js', 'dist/nodes/RelatelTrigger/RelatelTrigger.node.js']);
	const packageDir = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	for (const file of [...packageJson.n8n.nodes, ...packageJson.n8n.credentials, 'dist/icons/relatel.svg', 'dist/icons/relatel.dark.svg']) {
		assert.ok(readFileSync(path.join(packageDir, file)).length > 0, `${file} is in the package`);
	}
});

test('docs/examples/send-sms-and-list-calls.json runs unchanged on the installed package (n8n-nodes-relatel.relatel)', async () => {
	const text = readFileSync(path.join(EXAMPLES_DIR, EXAMPLE), 'utf8');
	const workflow = { id: 'RelatelCommunity01', active: false, ...JSON.parse(text) };
	assert.ok(workflow.nodes.some((n) => n.type === 'n8n-nodes-relatel.relatel'));
	await importWorkflows(userFolder, [workflow]);
	const result = await executeWorkflow(userFolder, workflow.id);
	assert.equal(result.code, 0, `n8n execute failed:\n${result.stdout}\n${result.stderr}`);
	const runData = result.data?.data?.resultData?.runData;
	assert.ok(runData, `no run data:\n${result.stdout}\n${result.stderr}`);
	const [sms] = runData['Send SMS'][0].data.main[0].map((i) => i.json);
	assert.equal(sms.sent, 1);
	assert.equal(runData['Get Latest Calls'][0].data.main[0].length, 5);
	const post = sandbox.state.requests.find((r) => r.method === 'POST');
	assert.equal(post.path, '/api/v2/messages');
	assert.deepEqual(post.body.to_numbers, ['4571999999']);
	assert.equal(post.authorization, `Bearer ${TOKEN}`);
});

test('n8n loads the nodes from ~/.n8n/nodes as n8n-nodes-relatel.*, serves their icons and lists the package under Community Nodes', async () => {
	server = await startN8nWithLog(userFolder);
	const base = server.baseUrl;
	const setup = await fetch(`${base}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	assert.equal(setup.status, 200, await setup.text());
	const cookie = setup.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

	const nodeTypes = await (await fetch(`${base}/types/nodes.json`, { headers: { cookie } })).json();
	const ours = nodeTypes.filter((n) => /relatel/i.test(n.name));
	assert.deepEqual(ours.map((n) => n.name).sort(), ['n8n-nodes-relatel.relatel', 'n8n-nodes-relatel.relatelTool', 'n8n-nodes-relatel.relatelTrigger']);
	for (const node of ours) {
		for (const url of [node.iconUrl.light, node.iconUrl.dark]) {
			assert.match(url, /^icons\/n8n-nodes-relatel\/dist\/icons\/relatel(\.dark)?\.svg$/);
			const icon = await fetch(`${base}/${url}`);
			assert.equal(icon.status, 200, url);
			assert.match(await icon.text(), /^<svg/);
		}
	}
	const credentialTypes = await (await fetch(`${base}/types/credentials.json`, { headers: { cookie } })).json();
	assert.deepEqual(credentialTypes.filter((c) => /relatel/i.test(c.name)).map((c) => c.name).sort(), ['relatelApi', 'relatelOAuth2Api']);

	const packages = await (await fetch(`${base}/rest/community-packages`, { headers: { cookie } })).json();
	const listed = packages.data.find((p) => p.packageName === 'n8n-nodes-relatel');
	assert.ok(listed, `Community Nodes lists ${JSON.stringify(packages.data)}`);
	assert.equal(listed.installedVersion, packageJson.version);
	assert.ok(!listed.failedLoading, 'the package loaded');
	assert.deepEqual(listed.installedNodes.map((n) => n.type).sort(), ['n8n-nodes-relatel.relatel', 'n8n-nodes-relatel.relatelTrigger']);

	// What a user sees: the package under Settings → Community Nodes, and the Install dialog.
	browser = await launchChromium(userFolder);
	const { page, events } = await openPage(browser);
	page.setDefaultTimeout(30_000);
	await page.goto(`${base}/signin`, { waitUntil: 'commit' });
	await page.getByTestId('emailOrLdapLoginId').locator('input').fill(OWNER.email);
	await page.getByTestId('password').locator('input').fill(OWNER.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { waitUntil: 'commit' });
	await page.goto(`${base}/settings/community-nodes`, { waitUntil: 'commit' });
	const card = page.getByTestId('community-package-card').filter({ hasText: 'n8n-nodes-relatel' });
	await card.waitFor();
	await card.getByText(`v${packageJson.version}`).waitFor();
	await card.getByText(/Relatel Trigger/).waitFor();
	await screenshot(page, 'community-nodes-installed');

	await page.getByRole('button', { name: 'Install', exact: true }).click();
	const modal = page.getByTestId('communityPackageInstall-modal');
	await modal.waitFor();
	await modal.locator('input[data-test-id=package-name-input], [data-test-id=package-name-input] input').fill('n8n-nodes-relatel');
	const install = modal.getByTestId('install-community-package-button');
	assert.ok(await install.isDisabled(), 'Install waits for the risk notice to be ticked');
	await modal.getByTestId('user-agreement-checkbox').click();
	assert.ok(await install.isEnabled(), 'Install can be pressed once the risk notice is ticked');
	await screenshot(page, 'community-nodes-install');
	await page.keyboard.press('Escape');
	await modal.waitFor({ state: 'hidden' });

	assert.deepEqual(problemsAboutUs({ events, log: server.log }), []);
});

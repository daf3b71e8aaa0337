// The real n8n this package is developed against: installs it on demand into .runtime/
// (git-ignored), links this package into a user folder as a community package, imports
// credentials and workflows, and runs it. Used by `npm start` and the E2E tests.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const N8N_VERSION = '2.40.7';
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * .runtime/n8n (git-ignored) is a link to a cache folder outside the repository: Node
 * resolves modules upwards from a file's real path, and inside the repository n8n would
 * pick up this project's own node_modules (other versions of its dependencies).
 */
export const RUNTIME_LINK = path.join(ROOT, '.runtime', 'n8n');
export const RUNTIME_DIR =
	process.env.RELATEL_N8N_RUNTIME_DIR ?? path.join(os.homedir(), '.cache', 'n8n-nodes-relatel', `n8n-${N8N_VERSION}`);
export const N8N_BIN = path.join(RUNTIME_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
export const PACKAGE_NAME = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).name;

function log(message) {
	process.stderr.write(`[runtime] ${message}\n`);
}

function run(command, args, options = {}) {
	execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
}

function installedVersion() {
	try {
		return JSON.parse(readFileSync(path.join(RUNTIME_DIR, 'node_modules', 'n8n', 'package.json'), 'utf8')).version;
	} catch {
		return undefined;
	}
}

/**
 * n8n 2.40.7 (the newest that resolves from this registry), installed without install
 * scripts (a Kafka addon's build would download from the internet); the native addons
 * n8n needs are then built from source against Node 24's headers.
 */
export function ensureN8n() {
	const marker = path.join(RUNTIME_DIR, '.ready');
	if (installedVersion() === N8N_VERSION && existsSync(marker)) {
		if (!existsSync(RUNTIME_LINK)) linkRuntime();
		return;
	}
	log(`installing n8n@${N8N_VERSION} into .runtime/n8n (a few minutes, once)…`);
	mkdirSync(RUNTIME_DIR, { recursive: true });
	writeFileSync(path.join(RUNTIME_DIR, 'package.json'), JSON.stringify({ name: 'n8n-runtime', private: true }, null, 2));
	run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `n8n@${N8N_VERSION}`], { cwd: RUNTIME_DIR });
	// SQLite is n8n's embedded database. (isolated-vm is not needed for what we run, and
	// cannot be built here: it needs Node 24's own headers.)
	const sqlite = findPackageDir('sqlite3');
	log('building sqlite3 (native addon, about a minute)…');
	run('npx', ['--yes', 'node-gyp', 'rebuild', '--release', '-j', 'max'], { cwd: sqlite });
	writeFileSync(marker, `${N8N_VERSION}\n`);
	linkRuntime();
}

function linkRuntime() {
	mkdirSync(path.dirname(RUNTIME_LINK), { recursive: true });
	rmSync(RUNTIME_LINK, { recursive: true, force: true });
	symlinkSync(RUNTIME_DIR, RUNTIME_LINK, 'dir');
}

function findPackageDir(name) {
	for (const base of [path.join(RUNTIME_DIR, 'node_modules'), path.join(RUNTIME_DIR, 'node_modules', 'n8n', 'node_modules')]) {
		const dir = path.join(base, name);
		if (existsSync(path.join(dir, 'package.json'))) return dir;
	}
	return undefined;
}

/** How n8n names our node types when the build is linked into its custom folder. */
export const TYPE_PREFIX = 'CUSTOM';

/**
 * A user folder with this package's build linked into n8n's custom extensions folder:
 * node types become CUSTOM.<nodeName>. Only dist/ is linked, because n8n loads every
 * *.node.js below that folder (node_modules would drag in unrelated files).
 */
export function prepareUserFolder(userFolder, { fresh = false } = {}) {
	if (fresh) rmSync(userFolder, { recursive: true, force: true });
	const customModules = path.join(userFolder, '.n8n', 'custom', 'node_modules');
	mkdirSync(customModules, { recursive: true });
	const link = path.join(customModules, PACKAGE_NAME);
	rmSync(link, { recursive: true, force: true });
	symlinkSync(path.join(ROOT, 'dist'), link, 'dir');
	return userFolder;
}

export function n8nEnv(userFolder, extra = {}) {
	return {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		DB_TYPE: 'sqlite',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'warn',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		// Every n8n process starts a task broker; give each its own port so several can run.
		N8N_RUNNERS_BROKER_PORT: String(30000 + Math.floor(Math.random() * 20000)),
		...extra,
	};
}

/**
 * Runs an n8n CLI command to completion; resolves with { stdout, stderr, code }. Async, so
 * a sandbox running in this process keeps answering while n8n works.
 */
export function n8nCli(userFolder, args, extraEnv = {}) {
	return new Promise((resolve, reject) => {
		execFile(
			process.execPath,
			[N8N_BIN, ...args],
			{ env: n8nEnv(userFolder, extraEnv), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
			(error, stdout, stderr) => {
				const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
				if (error && typeof error.code !== 'number') return reject(error);
				resolve({ stdout, stderr, code });
			},
		);
	});
}

async function n8nCliOrThrow(userFolder, args) {
	const result = await n8nCli(userFolder, args);
	if (result.code !== 0) throw new Error(`n8n ${args[0]} failed:\n${result.stdout}\n${result.stderr}`);
	return result;
}

export async function importCredentials(userFolder, credentials) {
	const file = path.join(userFolder, 'credentials.import.json');
	writeFileSync(file, JSON.stringify(credentials, null, 2));
	await n8nCliOrThrow(userFolder, ['import:credentials', `--input=${file}`]);
	rmSync(file);
}

/** Imports one or more workflows in one n8n run (each start of the CLI costs seconds). */
export async function importWorkflows(userFolder, workflows) {
	const dir = path.join(userFolder, 'workflows.import');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	for (const workflow of workflows) writeFileSync(path.join(dir, `${workflow.id}.json`), JSON.stringify(workflow, null, 2));
	await n8nCliOrThrow(userFolder, ['import:workflow', '--separate', `--input=${dir}`]);
	rmSync(dir, { recursive: true, force: true });
}

/** `n8n execute --id --rawOutput`: the run data of the execution, parsed. */
export async function executeWorkflow(userFolder, id) {
	// The CLI prints the result through its logger at level info.
	const { stdout, stderr, code } = await n8nCli(userFolder, ['execute', `--id=${id}`, '--rawOutput'], {
		N8N_LOG_LEVEL: 'info',
	});
	const start = stdout.search(/^\{$/m);
	let data;
	try {
		data = JSON.parse(stdout.slice(start));
	} catch {
		data = undefined;
	}
	return { code, data, stdout, stderr };
}

/** Starts `n8n start` in the background; resolves when /healthz answers. */
export async function startN8n(userFolder, { port = 5678, env = {}, stdio = 'inherit' } = {}) {
	const child = spawn(process.execPath, [N8N_BIN, 'start'], {
		env: n8nEnv(userFolder, { N8N_PORT: String(port), ...env }),
		stdio: stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
	});
	const started = Date.now();
	while (Date.now() - started < 180_000) {
		if (child.exitCode !== null) throw new Error(`n8n exited with code ${child.exitCode}`);
		try {
			const res = await fetch(`http://127.0.0.1:${port}/healthz`);
			if (res.ok) return child;
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	child.kill();
	throw new Error('n8n did not start within 3 minutes');
}

/** A TCP port free on loopback right now (the OS picks it), for n8n or the sandbox. */
export async function freePort() {
	const net = await import('node:net');
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

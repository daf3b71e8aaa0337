#!/usr/bin/env node
// `npm run bench`: the same work done two ways in ONE n8n process (`n8n execute-batch`)
// against the sandbox, and the figures printed side by side:
//   (a) this package's Relatel node;
//   (b) n8n's own HTTP Request node with a Header Auth credential — what a user would build
//       instead (its pagination option for Return All, then Split Out and Remove Duplicates
//       because Relatel's cursors repeat the boundary item).
// Work: Get Contact for 1,000 items; Return All over 5,000 calls; Send SMS to 200 numbers
// (one item per number). Each way runs twice, in alternating order (ABBA), and the figures
// are the mean of the two. Requests are counted from the sandbox's log (each way has its own
// token). Two times: the wall time of the execution (from the start of its first node to the
// end of its last, n8n's own timestamps in ms: the whole workflow as a user waits for it, with
// the same Start → List → Split Out in front of both ways; execute-batch's own startedAt →
// stoppedAt figure has whole seconds only), and the node time (the sum of n8n's execution
// times of the nodes doing the work).
//
// Then: the package size (`npm pack --dry-run`), its runtime dependencies, and the time n8n
// takes to load it (n8n's loaders timed on the build, and n8n start-up with and without it,
// BENCH_STARTS times each, alternating; the difference is compared with how much the start-ups
// vary among themselves).
//
// A script that prints figures, not a test: nothing here is asserted.
//   npm run bench            (BENCH_STARTUP=0 skips the extra n8n start-ups; BENCH_STARTS=3)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { ensureN8n, freePort, importCredentials, importWorkflows, N8N_BIN, n8nEnv, prepareUserFolder, ROOT, RUNTIME_DIR, TYPE_PREFIX } from './runtime.mjs';
import { executeWorkflows } from '../e2e/environment.mjs';

const require = createRequire(import.meta.url);
const { startSandbox } = require('../sandbox/server.js');

const CONTACT_ITEMS = 1000;
const CALLS = 5000;
const SMS_ITEMS = 200;
const RELATEL = `${TYPE_PREFIX}.relatel`;
const TOKENS = { relatel: 'bench-token-relatel-node', http: 'bench-token-http-request' };
const CRED = {
	relatel: { id: 'RelatelBenchTok01', name: 'Relatel (bench)' },
	http: { id: 'RelatelBenchHdr01', name: 'Header Auth (bench)' },
};

function log(message) {
	process.stderr.write(`[bench] ${message}\n`);
}

// ---------------------------------------------------------------- workflows

let baseUrl;
const start = { name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };

/** Start → List (Set) → One Item Each (Split Out) → workers…, or Start → workers… without a list. */
function workflow(id, name, list, workers) {
	const nodes = [{ ...start, id: `${id}-t`, position: [0, 0] }];
	if (list) {
		nodes.push(
			{ id: `${id}-l`, name: 'List', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0], parameters: { mode: 'raw', jsonOutput: JSON.stringify({ list }), options: {} } },
			{ id: `${id}-s`, name: 'One Item Each', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [400, 0], parameters: { fieldToSplitOut: 'list', options: {} } },
		);
	}
	workers.forEach((worker, i) => nodes.push({ id: `${id}-w${i}`, position: [600 + 200 * i, 0], ...worker }));
	const connections = {};
	for (let i = 0; i < nodes.length - 1; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return { id, name, nodes, connections, settings: { executionOrder: 'v1' }, active: false, pinData: {} };
}

const relatel = (name, parameters) => ({ name, type: RELATEL, typeVersion: 1, credentials: { relatelApi: CRED.relatel }, parameters });
const http = (name, parameters) => ({
	name,
	type: 'n8n-nodes-base.httpRequest',
	typeVersion: 4.2,
	credentials: { httpHeaderAuth: CRED.http },
	parameters: { authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth', options: {}, ...parameters },
});

const contactIds = Array.from({ length: CONTACT_ITEMS }, (_, i) => ({ id: 2001 + (i % 140) }));
const smsList = (way) => Array.from({ length: SMS_ITEMS }, (_, i) => ({ to: `4573${way === 'relatel' ? 1 : 2}${String(i).padStart(5, '0')}`, body: `Bench ${i}` }));

/** The work, each way: the workflow and the names of the nodes that do it. */
function works(round) {
	const id = (work, way) => `RelBench${work}${way === 'relatel' ? 'R' : 'H'}${round}`.padEnd(16, '0');
	return {
		getContact: {
			label: `Get Contact × ${CONTACT_ITEMS.toLocaleString('en-US')} items`,
			relatel: workflow(id('Con', 'relatel'), `Bench ${round}: Get Contact (Relatel)`, contactIds, [
				relatel('Relatel: Get Contact', { resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } }),
			]),
			http: workflow(id('Con', 'http'), `Bench ${round}: Get Contact (HTTP Request)`, contactIds, [
				http('HTTP: Get Contact', { method: 'GET', url: `=${baseUrl}/contacts/{{ $json.id }}` }),
			]),
		},
		returnAll: {
			label: `Return All over ${CALLS.toLocaleString('en-US')} calls`,
			relatel: workflow(id('Cal', 'relatel'), `Bench ${round}: Get Many Calls, Return All (Relatel)`, undefined, [
				relatel('Relatel: Get Many Calls', { resource: 'call', operation: 'getAll', returnAll: true, filters: {}, simplify: false }),
			]),
			http: workflow(id('Cal', 'http'), `Bench ${round}: calls, paginated (HTTP Request)`, undefined, [
				http('HTTP: Get Calls (paginated)', {
					method: 'GET',
					url: `${baseUrl}/calls`,
					sendQuery: true,
					queryParameters: { parameters: [{ name: 'limit', value: '100' }] },
					options: {
						pagination: {
							pagination: {
								paginationMode: 'updateAParameterInEachRequest',
								parameters: { parameters: [{ type: 'qs', name: 'started_at_lt_or_eq', value: '={{ $response.body.calls[$response.body.calls.length - 1].started_at }}' }] },
								paginationCompleteWhen: 'other',
								completeExpression: '={{ $response.body.calls.length < 100 }}',
							},
						},
					},
				}),
				{ name: 'Split Out Calls', type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: 'calls', options: {} } },
				{
					name: 'Remove Duplicates',
					type: 'n8n-nodes-base.removeDuplicates',
					typeVersion: 2,
					parameters: { operation: 'removeDuplicateInputItems', compare: 'selectedFields', fieldsToCompare: 'call_uuid', options: {} },
				},
			]),
		},
		sendSms: {
			label: `Send SMS to ${SMS_ITEMS} numbers (one item each)`,
			relatel: workflow(id('Sms', 'relatel'), `Bench ${round}: Send SMS (Relatel)`, smsList('relatel'), [
				relatel('Relatel: Send SMS', { resource: 'message', operation: 'send', toNumbers: '={{ $json.to }}', body: '={{ $json.body }}', options: {} }),
			]),
			http: workflow(id('Sms', 'http'), `Bench ${round}: Send SMS (HTTP Request)`, smsList('http'), [
				http('HTTP: Send SMS', {
					method: 'POST',
					url: `${baseUrl}/messages`,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '={{ JSON.stringify({ message: { body: $json.body }, to_numbers: [$json.to] }) }}',
				}),
			]),
		},
	};
}

// ---------------------------------------------------------------- measuring

/**
 * n8n's own figures for a run: the worker nodes' summed execution time, output items and time
 * window, and the wall time of the whole execution (first node's start → last node's end).
 */
function measure(run, workflowDef) {
	const runData = run?.data?.resultData?.runData;
	if (!runData) return undefined;
	const workers = workflowDef.nodes.filter((n) => !['Start', 'List', 'One Item Each'].includes(n.name)).map((n) => n.name);
	let ms = 0;
	let from = Infinity;
	let to = 0;
	const perNode = {};
	for (const name of workers) {
		const task = runData[name]?.[0];
		if (!task) return undefined;
		ms += task.executionTime;
		perNode[name] = task.executionTime;
		from = Math.min(from, task.startTime);
		to = Math.max(to, task.startTime + task.executionTime);
	}
	const last = runData[workers[workers.length - 1]][0];
	const items = last.data?.main?.[0]?.length ?? 0;
	const errors = (last.data?.main?.[0] ?? []).filter((i) => i.json?.error).length + (last.error ? 1 : 0);
	const tasks = Object.values(runData).flat();
	const wallMs = Math.max(...tasks.map((t) => t.startTime + t.executionTime)) - Math.min(...tasks.map((t) => t.startTime));
	return { ms, wallMs, perNode, items, errors, from, to };
}

const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const n = (count) => count.toLocaleString('en-US');

/**
 * What the start-up samples say: the difference of the means against how much the start-ups
 * of one kind vary among themselves (the larger range of the two). A difference inside that
 * range cannot be told apart from noise.
 */
function startupConclusion(withPackage, bare) {
	const range = (values) => Math.max(...values) - Math.min(...values);
	const difference = mean(withPackage) - mean(bare);
	const noise = Math.max(range(withPackage), range(bare));
	const d = `${difference >= 0 ? '+' : '−'}${Math.abs(difference).toFixed(1)} s`;
	if (Math.abs(difference) <= noise) {
		return `the difference (${d}) is within the noise of a start-up (start-ups of one kind vary by up to ${noise.toFixed(1)} s)`;
	}
	if (difference > 0) {
		return `with the package n8n took ${difference.toFixed(1)} s longer, more than start-ups of one kind vary (${noise.toFixed(1)} s): the package slows the start-up by about that much`;
	}
	return `with the package n8n was ${Math.abs(difference).toFixed(1)} s faster, more than start-ups of one kind vary (${noise.toFixed(1)} s): the package does not slow the start-up, the machine's load changed between starts`;
}

// ---------------------------------------------------------------- package figures

function packFigures() {
	const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
	const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	return { size: pack.size, unpackedSize: pack.unpackedSize, files: pack.entryCount, dependencies: Object.keys(pkg.dependencies ?? {}).length };
}

/**
 * n8n's loader (n8n-core from the pinned runtime) on the build, in a fresh Node process each
 * time. n8n-workflow, the one module the package imports, is loaded first: inside n8n it is
 * always loaded already, so the time is the package's own.
 */
function loaderMs(kind) {
	const script = `
		const { ${kind} } = require(${JSON.stringify(path.join(RUNTIME_DIR, 'node_modules', 'n8n-core'))});
		require(require.resolve('n8n-workflow', { paths: [process.argv[1]] }));
		const started = process.hrtime.bigint();
		const loader = new ${kind}(process.argv[1]);
		loader.loadAll().then(() => {
			const ms = Number(process.hrtime.bigint() - started) / 1e6;
			process.stdout.write(JSON.stringify({ ms, nodes: Object.keys(loader.nodeTypes).length, credentials: Object.keys(loader.credentialTypes).length }));
		});`;
	const dir = kind === 'PackageDirectoryLoader' ? ROOT : path.join(ROOT, 'dist');
	const out = execFileSync(process.execPath, ['-e', script, dir], { encoding: 'utf8', env: { ...process.env, N8N_LOG_LEVEL: 'silent' } });
	return JSON.parse(out);
}

/** Seconds from `n8n start` until /healthz answers. */
async function startupSeconds(userFolder) {
	const port = await freePort();
	const started = Date.now();
	const child = spawn(process.execPath, [N8N_BIN, 'start'], { env: n8nEnv(userFolder, { N8N_PORT: String(port) }), stdio: 'ignore' });
	try {
		for (;;) {
			if (child.exitCode !== null) throw new Error(`n8n exited with code ${child.exitCode}`);
			try {
				if ((await fetch(`http://127.0.0.1:${port}/healthz/readiness`)).ok) return (Date.now() - started) / 1000;
			} catch {
				// not up yet
			}
			if (Date.now() - started > 180_000) throw new Error('n8n did not start within 3 minutes');
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	} finally {
		child.kill('SIGTERM');
		await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
	}
}

// ---------------------------------------------------------------- main

ensureN8n();
const userFolder = mkdtempSync(path.join(os.tmpdir(), 'relatel-bench-'));
prepareUserFolder(userFolder);
const sandbox = await startSandbox({ token: TOKENS.relatel });
sandbox.state.tokens.add(TOKENS.http);
baseUrl = sandbox.baseUrl;
try {
	// 5,000 calls: the 240 seeded ones and more, a minute apart.
	const callRoutes = require('../sandbox/routes/call.js');
	const existing = callRoutes.calls(sandbox.state).length;
	const newest = Date.now() - 3600_000;
	for (let i = 0; i < CALLS - existing; i++) {
		callRoutes.events.call(sandbox.state, { started_at: new Date(newest - i * 60_000).toISOString(), direction: i % 3 ? 'incoming' : 'outgoing', answered: i % 4 !== 0 });
	}
	log(`sandbox has ${callRoutes.calls(sandbox.state).length} calls`);

	await importCredentials(userFolder, [
		{ ...CRED.relatel, type: 'relatelApi', data: { accessToken: TOKENS.relatel, baseUrl } },
		{ ...CRED.http, type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${TOKENS.http}` } },
	]);
	const rounds = [works(1), works(2)];
	const order = [];
	for (const key of Object.keys(rounds[0])) {
		// ABBA: the Relatel node first in round 1, the HTTP Request node first in round 2.
		order.push(rounds[0][key].relatel, rounds[0][key].http, rounds[1][key].http, rounds[1][key].relatel);
	}
	await importWorkflows(userFolder, order);
	sandbox.state.requests.length = 0;
	log(`running ${order.length} workflows in one n8n process…`);
	const batch = await executeWorkflows(userFolder, order.map((w) => w.id));
	const requests = sandbox.state.requests;

	const rows = [];
	for (const key of Object.keys(rounds[0])) {
		const row = { label: rounds[0][key].label };
		for (const way of ['relatel', 'http']) {
			const runs = rounds.map((round) => {
				const def = round[key][way];
				const figures = measure(batch.runs[def.id]?.data, def);
				if (!figures) throw new Error(`No run data for "${def.name}":\n${batch.stdout.slice(-3000)}\n${batch.stderr.slice(-3000)}`);
				const token = `Bearer ${TOKENS[way]}`;
				figures.requests = requests.filter((r) => r.authorization === token && r.at >= figures.from - 5 && r.at <= figures.to + 5).length;
				return figures;
			});
			row[way] = {
				ms: mean(runs.map((r) => r.ms)),
				wallMs: mean(runs.map((r) => r.wallMs)),
				runs: runs.map((r) => r.ms),
				wallRuns: runs.map((r) => r.wallMs),
				requests: mean(runs.map((r) => r.requests)),
				items: runs[0].items,
				errors: runs.reduce((s, r) => s + r.errors, 0),
				perNode: runs[0].perNode,
			};
		}
		rows.push(row);
	}

	console.log(`\nThe same work two ways in one n8n 2.40.7 process (sandbox on loopback; mean of 2 runs, ABBA order)`);
	console.log('wall = the whole execution, first node start → last node end; node = the working nodes\' execution times\n');
	const head = ['Work', 'Relatel node', 'HTTP Request node', 'Relatel / HTTP'];
	const table = [head];
	for (const row of rows) {
		const r = row.relatel;
		const h = row.http;
		table.push([
			row.label,
			`${n(r.requests)} requests, wall ${fmt(r.wallMs)}, node ${fmt(r.ms)} → ${n(r.items)} items`,
			`${n(h.requests)} requests, wall ${fmt(h.wallMs)}, node ${fmt(h.ms)} → ${n(h.items)} items`,
			`requests ${ratio(r.requests, h.requests)}, wall ${ratio(r.wallMs, h.wallMs)}, node ${ratio(r.ms, h.ms)}`,
		]);
	}
	const widths = head.map((_, i) => Math.max(...table.map((line) => line[i].length)));
	for (const [i, line] of table.entries()) {
		console.log(`| ${line.map((cell, j) => cell.padEnd(widths[j])).join(' | ')} |`);
		if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
	}
	console.log('\nPer run (ms, wall / node):');
	for (const row of rows) {
		const runs = (way) => row[way].runs.map((ms, i) => `${Math.round(row[way].wallRuns[i])} / ${ms}`).join(', ');
		console.log(`  ${row.label}: Relatel ${runs('relatel')}; HTTP Request ${runs('http')}` + (Object.keys(row.http.perNode).length > 1 ? ` (round 1: ${Object.entries(row.http.perNode).map(([n, ms]) => `${n} ${ms}`).join(', ')})` : ''));
	}
	const errors = rows.flatMap((row) => ['relatel', 'http'].filter((way) => row[way].errors).map((way) => `${row.label} (${way})`));
	if (errors.length) console.log(`\nWARNING: failed items in ${errors.join(', ')}`);

	const pack = packFigures();
	console.log(`\nPackage: ${(pack.size / 1024).toFixed(1)} kB packed, ${(pack.unpackedSize / 1024).toFixed(1)} kB unpacked, ${pack.files} files; runtime dependencies: ${pack.dependencies}`);
	const loads = {};
	for (const kind of ['PackageDirectoryLoader', 'CustomDirectoryLoader']) {
		const samples = Array.from({ length: 5 }, () => loaderMs(kind));
		loads[kind] = samples;
		const times = samples.map((s) => s.ms).sort((a, b) => a - b);
		console.log(`n8n's ${kind} on the build: median ${times[2].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[4].toFixed(0)}; ${samples[0].nodes} nodes, ${samples[0].credentials} credentials; fresh process each)`);
	}
	if (process.env.BENCH_STARTUP !== '0') {
		const without = mkdtempSync(path.join(os.tmpdir(), 'relatel-bench-bare-'));
		try {
			const withPackage = [];
			const bare = [];
			const starts = Number(process.env.BENCH_STARTS ?? 3);
			for (let i = 0; i < starts; i++) {
				// Alternating, starting with the other kind each round (ABBA…), so a drift in the machine's load hits both.
				const pair = i % 2 ? [userFolder, without] : [without, userFolder];
				for (const folder of pair) (folder === userFolder ? withPackage : bare).push(await startupSeconds(folder));
			}
			console.log(
				`n8n start-up until ready: ${mean(withPackage).toFixed(1)} s with the package linked, ${mean(bare).toFixed(1)} s without ` +
					`(${starts} starts each: ${withPackage.join(', ')} / ${bare.join(', ')} s) — ${startupConclusion(withPackage, bare)}`,
			);
		} finally {
			rmSync(without, { recursive: true, force: true });
		}
	}
} finally {
	await sandbox.close();
	rmSync(userFolder, { recursive: true, force: true });
}

#!/usr/bin/env node
// `npm start`: build, make sure the pinned n8n is installed, start the sandbox (a local
// Relatel), link this package into n8n, import a credential for the sandbox and the
// example workflows, and serve n8n at http://localhost:5678 on its embedded SQLite.
//
//   RELATEL_SANDBOX=off npm start   use a real Relatel account: no sandbox, no credential import
//   N8N_PORT=5679 npm start         another port
//   SANDBOX_PORT=4011 npm start     another sandbox port
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

import { loadExampleWorkflows } from './examples.mjs';
import {
	ensureN8n,
	importCredentials,
	importWorkflows,
	prepareUserFolder,
	ROOT,
	startN8n,
	TYPE_PREFIX,
} from './runtime.mjs';

const require = createRequire(import.meta.url);
const useSandbox = !['off', 'false', '0', 'no'].includes(String(process.env.RELATEL_SANDBOX ?? 'on').toLowerCase());
const port = Number(process.env.N8N_PORT ?? 5678);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4010);
const userFolder = path.join(ROOT, '.runtime', 'home');

execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
ensureN8n();
prepareUserFolder(userFolder);

let sandbox;
if (useSandbox) {
	const { startSandbox } = require('../sandbox/server.js');
	sandbox = await startSandbox({ port: sandboxPort, token: 'sandbox-token' });
	await importCredentials(userFolder, [
		{
			id: 'RelatelSandbox01',
			name: 'Relatel sandbox (local)',
			type: 'relatelApi',
			data: { accessToken: sandbox.state.accessToken, baseUrl: sandbox.baseUrl },
		},
	]);
	await importWorkflows(
		userFolder,
		loadExampleWorkflows({ credentialId: 'RelatelSandbox01', credentialName: 'Relatel sandbox (local)', typePrefix: TYPE_PREFIX }),
	);
	console.log(`\nRelatel sandbox: ${sandbox.baseUrl} (token "${sandbox.state.accessToken}")`);
} else {
	console.log('\nRELATEL_SANDBOX=off: no sandbox. Create a "Relatel API" credential with your own token in n8n.');
}

const n8n = await startN8n(userFolder, { port });
console.log(`\nn8n with the Relatel nodes: http://localhost:${port}\n`);
const stop = async () => {
	n8n.kill('SIGTERM');
	await sandbox?.close();
	process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
n8n.on('exit', async (code) => {
	await sandbox?.close();
	process.exit(code ?? 0);
});

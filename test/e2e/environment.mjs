// What every E2E test needs: the pinned real n8n, a fresh user folder with this package's
// build linked in, the sandbox on a free port, and credentials pointing at it.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { ensureN8n, executeWorkflow, importCredentials, importWorkflows, prepareUserFolder, TYPE_PREFIX } from '../runtime/runtime.mjs';

const require = createRequire(import.meta.url);
const { startSandbox } = require('../sandbox/server.js');

export const ACCESS_TOKEN_CREDENTIAL = { id: 'RelatelE2eToken1', name: 'Relatel (access token)' };
export const OAUTH2_CREDENTIAL = { id: 'RelatelE2eOAuth1', name: 'Relatel (OAuth2)' };

/** Node type names as n8n knows them in this runtime (`CUSTOM.relatel`). */
export const RELATEL = `${TYPE_PREFIX}.relatel`;
export const RELATEL_TRIGGER = `${TYPE_PREFIX}.relatelTrigger`;

export async function startEnvironment({ token = 'e2e-access-token' } = {}) {
	ensureN8n();
	const userFolder = mkdtempSync(path.join(os.tmpdir(), 'relatel-e2e-'));
	prepareUserFolder(userFolder);
	const sandbox = await startSandbox({ token });
	await importCredentials(userFolder, [
		{
			...ACCESS_TOKEN_CREDENTIAL,
			type: 'relatelApi',
			data: { accessToken: token, baseUrl: sandbox.baseUrl },
		},
	]);
	return {
		sandbox,
		userFolder,
		importWorkflows: (workflows) => importWorkflows(userFolder, workflows),
		execute: (id) => executeWorkflow(userFolder, id),
		async stop() {
			await sandbox.close();
			rmSync(userFolder, { recursive: true, force: true });
		},
	};
}

/** A workflow: Manual Trigger → each given node in a chain. Nodes get positions and ids. */
export function chainWorkflow(id, name, nodes, credential = ACCESS_TOKEN_CREDENTIAL) {
	const trigger = {
		id: `${id}-trigger`,
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const all = [
		trigger,
		...nodes.map((node, i) => ({
			id: `${id}-${i}`,
			typeVersion: 1,
			position: [220 * (i + 1), 0],
			type: RELATEL,
			credentials:
				node.type && node.type !== RELATEL
					? undefined
					: credential === OAUTH2_CREDENTIAL
						? { relatelOAuth2Api: credential }
						: { relatelApi: credential },
			...node,
		})),
	];
	const connections = {};
	for (let i = 0; i < all.length - 1; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, nodes: all, connections, settings: { executionOrder: 'v1' }, active: false, pinData: {} };
}

/** The output items of a node in an `n8n execute --rawOutput` result. */
export function outputOf(result, nodeName) {
	const runs = result.data?.data?.resultData?.runData?.[nodeName];
	if (!runs) throw new Error(`No run data for "${nodeName}". n8n said:\n${result.stdout}\n${result.stderr}`);
	return runs[0].data.main[0].map((item) => item.json);
}

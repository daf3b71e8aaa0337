// The example workflows in docs/examples/, made ready to import: ids, the credential to
// use, and the node type prefix n8n gives this package where it is loaded.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { ROOT } from './runtime.mjs';

export const EXAMPLES_DIR = path.join(ROOT, 'docs', 'examples');

export function loadExampleWorkflows({ credentialId, credentialName, typePrefix = 'n8n-nodes-relatel' }) {
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file, index) => {
			const text = readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')
				.replaceAll('"n8n-nodes-relatel.', `"${typePrefix}.`)
				.replaceAll('RELATEL_CREDENTIAL_ID', credentialId)
				.replaceAll('"Relatel account"', JSON.stringify(credentialName));
			return { id: `RelatelExample${String(index + 1).padStart(2, '0')}`, active: false, ...JSON.parse(text) };
		});
}

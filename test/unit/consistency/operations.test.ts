import { ROUTES } from '../../../nodes/Relatel/transport/routes';
import {
	implementedOperations,
	renderOperationsTable,
	TABLE_END,
	TABLE_START,
	uiOperations,
} from '../../helpers/operationsTable';
import { readRepoFile, updateRequested, writeRepoFile } from '../../helpers/files';

/**
 * The route table, the node's operations and the README's operations table must list
 * the same set: none can drift from the others. `npm run docs:operations` rewrites the
 * README table from the code.
 */
describe('route table = node operations = README table', () => {
	const routeKeys = Object.keys(ROUTES).sort();

	it('covers all 48 operations of relatel-api.md', () => {
		expect(routeKeys).toHaveLength(48);
	});

	it('every route is an operation in the node UI, and every UI operation has a route', () => {
		expect(uiOperations().map((row) => row.key).sort()).toEqual(routeKeys);
	});

	it('every UI operation has code behind it', () => {
		expect(implementedOperations().sort()).toEqual(routeKeys);
	});

	it('every UI operation has an action label (AI agents and the nodes panel use it)', () => {
		expect(uiOperations().filter((row) => !row.action)).toEqual([]);
	});

	it('the README table is the one the code produces', () => {
		const readme = readRepoFile('README.md');
		const table = renderOperationsTable();
		const start = readme.indexOf(TABLE_START);
		const end = readme.indexOf(TABLE_END);
		if (updateRequested() && start >= 0 && end > start) {
			writeRepoFile('README.md', readme.slice(0, start) + table + readme.slice(end + TABLE_END.length));
		}
		const current = readRepoFile('README.md');
		const s = current.indexOf(TABLE_START);
		const e = current.indexOf(TABLE_END);
		expect(s).toBeGreaterThanOrEqual(0);
		expect(current.slice(s, e + TABLE_END.length)).toBe(table);
	});
});

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';
import { employees, jane, john, mette, rl } from './fixtures';

const net = useNock();

const params = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'employee', operation, ...extra });

describe('Employee → Get', () => {
	it('gets the employee chosen from the list and outputs the inner object', async () => {
		api().get('/employees/2').reply(200, { employee: john });
		const { items, error } = await runNode({ parameters: params('get', { employeeId: rl('2') }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: john, pairedItem: { item: 0 } }]);
	});

	it('takes an ID from an expression, one request per item', async () => {
		api().get('/employees/1').reply(200, { employee: jane });
		api().get('/employees/3').reply(200, { employee: mette });
		const { items, error } = await runNode({
			items: [{ id: 1 }, { id: 3 }],
			parameters: params('get', { employeeId: rl('={{ $json.id }}', 'id') }),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: jane, pairedItem: { item: 0 } },
			{ json: mette, pairedItem: { item: 1 } },
		]);
	});

	it.each([
		['={{ "abc" }}', `"abc" is not a valid ID in 'Employee'`],
		['0', `"0" is not a valid ID in 'Employee'`],
		['={{ "" }}', `'Employee' is empty`],
	])('refuses the ID %j before any request', async (value, message) => {
		const { error } = await runNode({ parameters: params('get', { employeeId: rl(value, 'id') }) });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(message);
		expect(error?.context?.itemIndex).toBe(0);
		expect(net.unmatched()).toEqual([]);
	});

	it('a typed ID that is not a number is refused by n8n before the node runs', async () => {
		const { error } = await runNode({ parameters: params('get', { employeeId: rl('abc', 'id') }) });
		expect(error?.message).toContain('Not a valid Relatel ID');
		expect(net.unmatched()).toEqual([]);
	});

	it('an unknown employee is a plain-words 404', async () => {
		api().get('/employees/99').reply(404, { error: 'not_found' });
		const { error } = await runNode({ parameters: params('get', { employeeId: rl('99', 'id') }) });
		expect(error?.message).toBe('Not found in Relatel: check the ID');
	});
});

describe('Employee → Get Current', () => {
	it('gets the owner of the token', async () => {
		api().get('/employee').reply(200, { employee: jane });
		const { items, error } = await runNode({ parameters: params('getCurrent') });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: jane, pairedItem: { item: 0 } }]);
	});

	it('a revoked token says so', async () => {
		api().get('/employee').reply(401, { error: 'invalid_token' });
		const { error } = await runNode({ parameters: params('getCurrent') });
		expect(error?.message).toBe('The Relatel token was revoked or is invalid');
	});
});

describe('Employee → Get Many', () => {
	it('Return All: every employee, one item each', async () => {
		api().get('/employees').reply(200, { employees });
		const { items, error } = await runNode({ parameters: params('getAll', { returnAll: true }) });
		expect(error).toBeUndefined();
		expect(items).toEqual(employees.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('Limit is applied to the one answer (no limit sent)', async () => {
		api().get('/employees').reply(200, { employees });
		const { items } = await runNode({ parameters: params('getAll', { returnAll: false, limit: 2 }) });
		expect(items.map((i) => i.json)).toEqual([jane, john]);
	});

	it.each([
		['HANSEN', [john]],
		['mette@firma', [mette]],
		['firma.dk', [jane, john, mette]],
		['  jane ', [jane]],
		['nobody', []],
	])('filters by name or email: %j', async (search, expected) => {
		api().get('/employees').reply(200, { employees });
		const { items, error } = await runNode({ parameters: params('getAll', { returnAll: true, filters: { search } }) });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual(expected);
	});

	it('filters before limiting', async () => {
		api().get('/employees').reply(200, { employees });
		const { items } = await runNode({ parameters: params('getAll', { limit: 1, filters: { search: 'firma.dk' } }) });
		expect(items.map((i) => i.json)).toEqual([jane]);
	});
});

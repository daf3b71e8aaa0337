import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';
import { group, rl, sales, support } from '../employee/fixtures';

const net = useNock();

const params = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'employeeGroup',
	operation,
	...extra,
});

describe('Employee Group → Get', () => {
	it('gets the group (a bare object)', async () => {
		api().get('/employee_groups/11').reply(200, support);
		const { items, error } = await runNode({ parameters: params('get', { employeeGroupId: rl('11') }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: support, pairedItem: { item: 0 } }]);
	});

	it('also unwraps { employee_group: {...} }', async () => {
		api().get('/employee_groups/12').reply(200, { employee_group: sales });
		const { items } = await runNode({ parameters: params('get', { employeeGroupId: rl('12', 'id') }) });
		expect(items.map((i) => i.json)).toEqual([sales]);
	});

	it('refuses a bad ID before any request', async () => {
		const { error } = await runNode({ parameters: params('get', { employeeGroupId: rl('={{ "Support" }}') }) });
		expect(error?.message).toBe(`"Support" is not a valid ID in 'Employee Group'`);
		expect(net.unmatched()).toEqual([]);
	});
});

describe('Employee Group → Get Many', () => {
	const alarm = group(13, 'Alarm', []);

	it('Return All: every group under employee_groups', async () => {
		api().get('/employee_groups').reply(200, { employee_groups: [support, sales, alarm] });
		const { items, error } = await runNode({ parameters: params('getAll', { returnAll: true }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([support, sales, alarm].map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('a bare array answer, with Limit applied here', async () => {
		api().get('/employee_groups').reply(200, [support, sales, alarm]);
		const { items, error } = await runNode({ parameters: params('getAll', { limit: 2 }) });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([support, sales]);
	});

	it('no groups: no items', async () => {
		api().get('/employee_groups').reply(200, { employee_groups: [] });
		const { items, error } = await runNode({ parameters: params('getAll', { returnAll: true }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	it('a GET that got 503 is retried', async () => {
		api().get('/employee_groups').reply(503, {});
		api().get('/employee_groups').reply(200, { employee_groups: [support] });
		const { items, error } = await runNode({ parameters: params('getAll', { returnAll: true }) });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([support]);
	});
});

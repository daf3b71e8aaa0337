import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';
import { group } from '../employee/fixtures';

const net = useNock();

const create = (extra: Record<string, unknown>) => ({ resource: 'employeeGroup', operation: 'create', ...extra });

describe('Employee Group → Create', () => {
	it('posts the name and the members, outputs the group', async () => {
		const created = group(101, 'Alarm', [1, 3]);
		api().post('/employee_groups', { employee_group: { name: 'Alarm', employee_ids: [1, 3] } }).reply(201, created);
		const { items, error } = await runNode({ parameters: create({ name: 'Alarm', employeeIds: [1, 3] }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: created, pairedItem: { item: 0 } }]);
	});

	it('without members: an empty list; a wrapped answer is unwrapped', async () => {
		const created = group(102, 'Nattevagt', []);
		api()
			.post('/employee_groups', { employee_group: { name: 'Nattevagt', employee_ids: [] } })
			.reply(201, { employee_group: created });
		const { items, error } = await runNode({ parameters: create({ name: ' Nattevagt ' }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: created, pairedItem: { item: 0 } }]);
	});

	it('members from an expression (array of strings or comma-separated)', async () => {
		api().post('/employee_groups', { employee_group: { name: 'A', employee_ids: [2, 4] } }).reply(201, group(103, 'A', [2, 4]));
		api().post('/employee_groups', { employee_group: { name: 'B', employee_ids: [3] } }).reply(201, group(104, 'B', [3]));
		const { items, error } = await runNode({
			items: [
				{ name: 'A', members: ['2', '4'] },
				{ name: 'B', members: '3' },
			],
			parameters: create({ name: '={{ $json.name }}', employeeIds: '={{ $json.members }}' }),
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.id, i.pairedItem])).toEqual([
			[103, { item: 0 }],
			[104, { item: 1 }],
		]);
	});

	it.each([
		[{ name: '={{ " " }}' }, "'Name' is empty"],
		[{ name: 'Alarm', employeeIds: '={{ "1, jane" }}' }, `"jane" is not a valid ID in 'Employee Names or IDs'`],
	])('refuses bad input before any request: %j', async (extra, message) => {
		const { error } = await runNode({ parameters: create(extra) });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(message);
		expect(error?.context?.itemIndex).toBe(0);
		expect(net.unmatched()).toEqual([]);
	});

	it('an unknown member is reported by Relatel and not resent', async () => {
		api().post('/employee_groups').once().reply(404, { error: 'not_found', message: 'Employee not found' });
		const { error } = await runNode({ parameters: create({ name: 'Alarm', employeeIds: [99] }) });
		expect(error?.message).toBe('Not found in Relatel: check the ID');
		expect(net.unmatched()).toEqual([]);
	});
});

import type { INodeParameters } from 'n8n-workflow';

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';
import { group, rl } from '../employee/fixtures';

const net = useNock();

const update = (updateFields: INodeParameters) => ({
	resource: 'employeeGroup',
	operation: 'update',
	employeeGroupId: rl('11'),
	updateFields,
});

describe('Employee Group → Update', () => {
	it('renames the group', async () => {
		const renamed = group(11, 'Kundeservice', [1, 2]);
		api().put('/employee_groups/11', { employee_group: { name: 'Kundeservice' } }).reply(200, renamed);
		const { items, error } = await runNode({ parameters: update({ name: 'Kundeservice' }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: renamed, pairedItem: { item: 0 } }]);
	});

	it('replaces the members; a wrapped answer is unwrapped', async () => {
		const updated = group(11, 'Support', [2, 3]);
		api()
			.put('/employee_groups/11', { employee_group: { name: 'Support', employee_ids: [2, 3] } })
			.reply(200, { employee_group: updated });
		const { items, error } = await runNode({ parameters: update({ name: 'Support', employeeIds: [2, 3] }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: updated, pairedItem: { item: 0 } }]);
	});

	it.each([
		[{}, "'Update Fields' is empty"],
		[{ name: '' }, "'Name' is empty"],
		[{ employeeIds: [] }, "'Employee Names or IDs' is empty"],
		[{ employeeIds: '={{ "2, -3" }}' }, `"-3" is not a valid ID in 'Employee Names or IDs'`],
	])('refuses %j before any request', async (updateFields, message) => {
		const { error } = await runNode({ parameters: update(updateFields) });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(message);
		expect(net.unmatched()).toEqual([]);
	});
});

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';
import { group, rl } from '../employee/fixtures';

const net = useNock();

const params = (operation: string, employeeGroupId = rl('12')) => ({
	resource: 'employeeGroup',
	operation,
	employeeGroupId,
});

describe.each([
	['join', [3, 1]],
	['leave', [3]],
])('Employee Group → %s', (operation, members) => {
	it('posts with no body and outputs the group as it is afterwards', async () => {
		const after = group(12, 'Sales', members);
		let body: unknown = 'not sent';
		api()
			.post(`/employee_groups/12/${operation}`)
			.reply(200, (_uri, requestBody) => {
				body = requestBody;
				return after;
			});
		const { items, error } = await runNode({ parameters: params(operation) });
		expect(error).toBeUndefined();
		expect(body).toBe('');
		expect(items).toEqual([{ json: after, pairedItem: { item: 0 } }]);
	});

	it('refuses a bad group ID before any request', async () => {
		const { error } = await runNode({ parameters: params(operation, rl('={{ "12a" }}', 'id')) });
		expect(error?.message).toBe(`"12a" is not a valid ID in 'Employee Group'`);
		expect(net.unmatched()).toEqual([]);
	});

	it('a failed POST is not resent', async () => {
		api().post(`/employee_groups/12/${operation}`).once().reply(502, {});
		const { error } = await runNode({ parameters: params(operation) });
		expect(error?.message).toBe('Relatel had a problem on its side (HTTP 502)');
		expect(net.unmatched()).toEqual([]);
	});
});

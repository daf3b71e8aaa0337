import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';
import { rl } from '../employee/fixtures';

const net = useNock();

const send = (extra: Record<string, unknown>) => ({ resource: 'employeeGroup', operation: 'sendSms', ...extra });

describe('Employee Group → Send SMS', () => {
	it('posts the message to the group: members reached, failures, cost and group ID', async () => {
		const failed = [{ id: 5, to_number: '4599900000' }];
		const body = 'Møde kl. 14 i kantinen. '.repeat(8);
		api()
			.post('/employee_groups/11/message', { message: { body } })
			.reply(200, { sent: 3, failed_numbers: failed });
		const { items, error } = await runNode({ parameters: send({ employeeGroupId: rl('11'), body }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					sent: 3,
					failed_numbers: failed,
					employee_group_id: 11,
					encoding: 'GSM-7',
					characters: 192,
					segments: 2,
					units: 6,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('sends as a reception', async () => {
		api()
			.post('/employee_groups/12/message', { message: { body: 'Hej', endpoint: 'Reception#22' } })
			.reply(200, { sent: 2, failed_numbers: [] });
		const { items, error } = await runNode({
			parameters: send({ employeeGroupId: rl('12', 'id'), body: 'Hej', options: { sendAsReception: rl('22') } }),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			sent: 2,
			failed_numbers: [],
			employee_group_id: 12,
			encoding: 'GSM-7',
			characters: 3,
			segments: 1,
			units: 2,
		});
	});

	it.each([
		[{ employeeGroupId: rl('11'), body: '={{ "" }}' }, `'Message' is empty`],
		[{ employeeGroupId: rl('={{ "Support" }}'), body: 'Hej' }, `"Support" is not a valid ID in 'Employee Group'`],
		[
			{ employeeGroupId: rl('11'), body: 'Hej', options: { sendAsReception: rl('={{ "Salg" }}') } },
			`"Salg" is not a valid ID in 'Send as Reception'`,
		],
	])('refuses bad input before any request: %#', async (extra, message) => {
		const { error } = await runNode({ parameters: send(extra) });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(message);
		expect(net.unmatched()).toEqual([]);
	});

	it('overuse_full is said plainly and not resent', async () => {
		api().post('/employee_groups/11/message').once().reply(400, { error: 'overuse_full' });
		const { error } = await runNode({ parameters: send({ employeeGroupId: rl('11'), body: 'Hej' }) });
		expect(error?.message).toBe("The company's SMS overuse limit is full");
		expect(net.unmatched()).toEqual([]);
	});
});

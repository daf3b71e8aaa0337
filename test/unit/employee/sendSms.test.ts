import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';
import { rl } from './fixtures';

const net = useNock();

const send = (extra: Record<string, unknown>) => ({ resource: 'employee', operation: 'sendSms', ...extra });

describe('Employee → Send SMS', () => {
	it("posts the message to the employee and reports the cost with the employee's ID", async () => {
		api()
			.post('/employees/2/message', { message: { body: 'Kunden venter på linje 2' } })
			.reply(200, { sent: 1, failed_numbers: [] });
		const { items, error } = await runNode({
			parameters: send({ employeeId: rl('2'), body: 'Kunden venter på linje 2' }),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					sent: 1,
					failed_numbers: [],
					employee_id: 2,
					encoding: 'GSM-7',
					characters: 24,
					segments: 1,
					units: 1,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('sends as a reception with hidden number', async () => {
		api()
			.post('/employees/3/message', { message: { body: 'Hej 👋', endpoint: 'Reception#21', from_number_hidden: true } })
			.reply(200, { sent: 1, failed_numbers: [] });
		const { items, error } = await runNode({
			parameters: send({
				employeeId: rl('3', 'id'),
				body: 'Hej 👋',
				options: { sendAsReception: rl('21'), fromNumberHidden: true },
			}),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			sent: 1,
			failed_numbers: [],
			employee_id: 3,
			encoding: 'UCS-2',
			characters: 5,
			segments: 1,
			units: 1,
		});
	});

	it('an employee without a reachable mobile comes back in failed_numbers, no units counted', async () => {
		const failed = [{ id: 7, to_number: '4599900000' }];
		api().post('/employees/4/message', { message: { body: 'Hej' } }).reply(200, { sent: 0, failed_numbers: failed });
		const { items } = await runNode({ parameters: send({ employeeId: rl('4'), body: 'Hej' }) });
		expect(items[0].json).toMatchObject({ sent: 0, failed_numbers: failed, employee_id: 4, units: 0 });
	});

	it.each([
		[{ employeeId: rl('={{ "x1" }}', 'id'), body: 'Hej' }, `"x1" is not a valid ID in 'Employee'`],
		[{ employeeId: rl('2'), body: '={{ " " }}' }, `'Message' is empty`],
		[{ employeeId: rl('2'), body: 'x'.repeat(1531) }, `'Message' is too long for one SMS (11 segments)`],
		[{ employeeId: rl('2'), body: 'Hej', options: { fromNumberHidden: true } }, "'Hide Number' needs 'Send as Reception'"],
	])('refuses bad input before any request: %#', async (extra, message) => {
		const { error } = await runNode({ parameters: send(extra) });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(message);
		expect(net.unmatched()).toEqual([]);
	});

	it('a refused send is not sent again', async () => {
		api().post('/employees/2/message').once().reply(400, { error: 'rate_limit_reached' });
		const { error } = await runNode({ parameters: send({ employeeId: rl('2'), body: 'Hej' }) });
		expect(error?.message).toBe("Relatel's SMS rate limit was reached");
		expect(net.unmatched()).toEqual([]);
	});
});

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';

const net = useNock();

const get = (extra: Record<string, unknown>) => ({
	resource: 'statistics',
	operation: 'get',
	endpointType: 'Reception',
	groupBy: 'period_day',
	start: '2026-10-01T00:00:00Z',
	end: '2026-10-08T00:00:00Z',
	...extra,
});

function row(key: string, extra: Record<string, unknown> = {}) {
	return {
		key,
		period_month: null,
		period_week: null,
		period_hour: null,
		ivr_key: null,
		endpoint: 'Reception#21',
		call_count: 12,
		call_answered_count: 10,
		call_missed_count: 2,
		call_closed_count: 0,
		call_incoming_count: 12,
		call_outgoing_count: 0,
		call_answer_time_average: 14,
		call_duration_average: 181,
		call_duration_total: 1810,
		call_sla: 0.83,
		smiley_count: 3,
		rating_average: 0.67,
		...extra,
	};
}

const rl = (mode: string, value: string) => ({ endpoint: { __rl: true, mode, value } });

describe('Statistic → Get', () => {
	it('sends type, grouping, period and endpoints; one item per row', async () => {
		const rows = [row('2026-10-01'), row('2026-10-02', { call_count: 3 })];
		api()
			.get('/statistics')
			.query({
				endpoint_type: 'Reception',
				group_by: 'period_day',
				start: '2026-10-01T00:00:00Z',
				end: '2026-10-08T00:00:00Z',
				endpoint: 'Reception#21,Reception#22',
			})
			.reply(200, { rows });

		const { items, error } = await runNode({
			parameters: get({ endpoints: { endpoint: [rl('list', 'Reception#21'), rl('id', 'Reception#22')] } }),
		});

		expect(error).toBeUndefined();
		expect(items).toEqual(rows.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('an expression may give a comma-separated list; duplicates are sent once', async () => {
		api()
			.get('/statistics')
			.query({
				endpoint_type: 'Employee',
				group_by: 'employee_id',
				start: '2026-10-01T00:00:00Z',
				end: '2026-10-08T00:00:00Z',
				endpoint: 'Employee#1,Employee#2,Employee#3',
			})
			.reply(200, { rows: [row('1', { endpoint: 'Employee#1' })] });

		const { items, error } = await runNode({
			parameters: get({
				endpointType: 'Employee',
				groupBy: 'employee_id',
				endpoints: { endpoint: [rl('id', '={{ "Employee#1, Employee#2" }}'), rl('list', 'Employee#3'), rl('list', 'Employee#1')] },
			}),
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.key)).toEqual(['1']);
	});

	it('no endpoints: no endpoint parameter; no rows: no items', async () => {
		api()
			.get('/statistics')
			.query({
				endpoint_type: 'ChatReception',
				group_by: 'period_month',
				start: '2026-01-01T00:00:00Z',
				end: '2026-12-31T23:59:59Z',
			})
			.reply(200, { rows: [] });
		const { items, error } = await runNode({
			parameters: get({
				endpointType: 'ChatReception',
				groupBy: 'period_month',
				start: '2026-01-01T00:00:00Z',
				end: '2026-12-31T23:59:59Z',
			}),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	it('the description says the data is 1–2 hours behind', async () => {
		const { Relatel } = await import('../../../nodes/Relatel/Relatel.node');
		const notice = new Relatel().description.properties.find((p) => p.name === 'statisticsNotice');
		expect(notice?.type).toBe('notice');
		expect(notice?.displayName).toContain('every 1–2 hours');
	});

	describe('bad input is refused before any request', () => {
		it.each([
			[{ endpointType: '={{ "Queue" }}' }, `"Queue" is not a valid value in 'Statistics Of'`],
			[{ groupBy: '={{ "period_year" }}' }, `"period_year" is not a valid value in 'Group By'`],
			[{ start: '={{ "" }}' }, `'Start' is empty`],
			[{ start: '2026-10-09T00:00:00Z' }, `'Start' is after 'End'`],
			[{ endpoints: { endpoint: [rl('id', '={{ "Reception 21" }}')] } }, `"Reception 21" is not a valid endpoint in 'Endpoints'`],
		])('%j', async (extra, message) => {
			const { error } = await runNode({ parameters: get(extra) });
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toBe(message);
			expect(error?.context?.itemIndex).toBe(0);
			expect(net.unmatched()).toEqual([]);
		});
	});
});

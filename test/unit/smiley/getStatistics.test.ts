import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';

const net = useNock();

const stats = (extra: Record<string, unknown>) => ({
	resource: 'smiley',
	operation: 'getStatistics',
	fromTime: '2026-10-01T00:00:00Z',
	toTime: '2026-10-31T23:59:59Z',
	...extra,
});

const employees = [
	{ id: 2, average_rating: 0.75, smileys_count: 4, positive_smileys_count: 3, negative_smileys_count: 1, commented_smileys_count: 1 },
];
const body = {
	statistics: {
		receptions: [
			{
				id: 21,
				endpoint: 'Reception#21',
				smileys_count: 4,
				positive_smileys_count: 3,
				negative_smileys_count: 1,
				commented_smileys_count: 1,
				smiley_requests_count: 10,
				average_rating: 0.75,
				employees,
			},
			{
				id: 22,
				endpoint: 'Reception#22',
				smileys_count: 0,
				positive_smileys_count: 0,
				negative_smileys_count: 0,
				commented_smileys_count: 0,
				smiley_requests_count: 2,
				average_rating: 0,
				employees: [],
			},
		],
	},
};

describe('Smiley → Get Statistics', () => {
	it('asks for the period and filters, and outputs one item per reception', async () => {
		api()
			.get('/smileys/statistics')
			.query({
				from_time: '2026-10-01T00:00:00Z',
				to_time: '2026-10-31T23:59:59Z',
				endpoint: 'Reception#21',
				employee_id: '2',
			})
			.reply(200, body);

		const { items, error } = await runNode({
			parameters: stats({
				filters: {
					endpoint: { __rl: true, mode: 'id', value: 'Reception#21' },
					employeeId: { __rl: true, mode: 'list', value: '2' },
				},
			}),
		});

		expect(error).toBeUndefined();
		const period = { from_time: '2026-10-01T00:00:00Z', to_time: '2026-10-31T23:59:59Z' };
		expect(items).toEqual([
			{
				json: {
					reception_id: 21,
					endpoint: 'Reception#21',
					smileys_count: 4,
					positive_smileys_count: 3,
					negative_smileys_count: 1,
					commented_smileys_count: 1,
					smiley_requests_count: 10,
					average_rating: 0.75,
					employees,
					...period,
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					reception_id: 22,
					endpoint: 'Reception#22',
					smileys_count: 0,
					positive_smileys_count: 0,
					negative_smileys_count: 0,
					commented_smileys_count: 0,
					smiley_requests_count: 2,
					average_rating: 0,
					employees: [],
					...period,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('outputs the raw object when asked, dates normalised to UTC', async () => {
		api()
			.get('/smileys/statistics')
			.query({ from_time: '2026-09-30T22:00:00Z', to_time: '2026-10-01T22:00:00Z' })
			.reply(200, body);
		const { items, error } = await runNode({
			parameters: stats({ fromTime: '2026-10-01T00:00:00+02:00', toTime: '2026-10-02T00:00:00+02:00', output: 'raw' }),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: body, pairedItem: { item: 0 } }]);
	});

	it('no receptions: no items', async () => {
		api().get('/smileys/statistics').query(true).reply(200, { statistics: { receptions: [] } });
		const { items, error } = await runNode({ parameters: stats({}) });
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	describe('bad input is refused before any request', () => {
		it.each([
			[{ fromTime: '={{ "" }}' }, `'From' is empty`],
			[{ toTime: 'next week' }, `"next week" is not a valid date in 'To'`],
			[{ fromTime: '2026-11-01T00:00:00Z', toTime: '2026-10-01T00:00:00Z' }, `'From' is after 'To'`],
			[{ filters: { employeeId: { __rl: true, mode: 'id', value: '={{ "0" }}' } } }, `"0" is not a valid ID in 'Employee'`],
		])('%j', async (extra, message) => {
			const { error } = await runNode({ parameters: stats(extra) });
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toBe(message);
			expect(net.unmatched()).toEqual([]);
		});
	});

	it('a 404 explains that the path is inferred', async () => {
		api().get('/smileys/statistics').query(true).reply(404, { error: 'not_found' });
		const { error } = await runNode({ parameters: stats({}) });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('Not found in Relatel: check the ID');
		expect(error?.description).toContain('GET /smileys/statistics');
	});
});

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';

const net = useNock();

const getAll = (extra: Record<string, unknown>) => ({ resource: 'smiley', operation: 'getAll', ...extra });

function smiley(id: number, ratedAt: string, extra: Record<string, unknown> = {}) {
	return {
		id,
		conversation_type: 'call',
		conversation_uuid: `uuid-${id}`,
		rated_at: ratedAt,
		sort_value: ratedAt,
		rating: 1,
		net_promoter_score: null,
		kind: 'positive',
		comment: null,
		number: '4561000001',
		number_formatted: '61 00 00 01',
		email: null,
		contact: { id: 700, name: 'Anders And', number: '4561000001' },
		employee_id: 2,
		endpoint: 'Reception#21',
		...extra,
	};
}

/** `count` smileys, one minute apart, newest first, from `newest` back. */
function page(firstId: number, count: number, newest: number) {
	return Array.from({ length: count }, (_, i) => smiley(firstId + i, new Date(newest - i * 60_000).toISOString().replace('.000Z', 'Z')));
}

describe('Smiley → Get Many', () => {
	it('sends every filter, normalised, and outputs flat smileys', async () => {
		api()
			.get('/smileys')
			.query({
				limit: '5',
				number: '4561000001',
				rated_at_gt_or_eq: '2026-10-01T00:00:00Z',
				rated_at_lt_or_eq: '2026-10-31T23:59:59Z',
				endpoint: 'Reception#21',
				employee_id: '2',
				rating: '0',
				commented: 'true',
			})
			.reply(200, {
				smileys: [
					smiley(9, '2026-10-20T10:00:00Z', {
						rating: 0,
						kind: 'negative',
						comment: 'Lang ventetid',
						net_promoter_score: 3,
					}),
				],
			});

		const { items, error } = await runNode({
			parameters: getAll({
				limit: 5,
				filters: {
					number: '+45 61 00 00 01',
					ratedAfter: '2026-10-01T00:00:00Z',
					ratedBefore: '2026-10-31T23:59:59Z',
					endpoint: { __rl: true, mode: 'list', value: 'Reception#21' },
					employeeId: { __rl: true, mode: 'id', value: '2' },
					rating: 'negative',
					commented: true,
				},
			}),
		});

		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					id: 9,
					rated_at: '2026-10-20T10:00:00Z',
					rating: 0,
					kind: 'negative',
					net_promoter_score: 3,
					comment: 'Lang ventetid',
					number: '4561000001',
					number_formatted: '61 00 00 01',
					email: null,
					contact_id: 700,
					contact_name: 'Anders And',
					employee_id: 2,
					endpoint: 'Reception#21',
					conversation_type: 'call',
					conversation_uuid: 'uuid-9',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('positive and "without comment" filters; raw output when Simplify is off', async () => {
		const raw = smiley(3, '2026-10-20T10:00:00Z');
		api().get('/smileys').query({ limit: '50', rating: '1', commented: 'false' }).reply(200, { smileys: [raw] });
		const { items, error } = await runNode({
			parameters: getAll({ simplify: false, filters: { rating: 'positive', commented: false } }),
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([raw]);
	});

	it('rating Any sends no rating', async () => {
		api().get('/smileys').query({ limit: '50' }).reply(200, { smileys: [] });
		const { items, error } = await runNode({ parameters: getAll({ filters: { rating: 'any' } }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	it('Return All pages back by rated_at (inclusive cursor) and returns each smiley once', async () => {
		const newest = Date.parse('2026-11-01T12:00:00Z');
		const first = page(1, 100, newest);
		const boundary = first[99].rated_at;
		// The second page starts with the boundary smiley again (inclusive cursor) and one that shares its time.
		const second = [first[99], smiley(500, boundary), ...page(101, 30, Date.parse(boundary) - 60_000)];
		api().get('/smileys').query({ limit: '100' }).reply(200, { smileys: first });
		api().get('/smileys').query({ limit: '100', rated_at_lt_or_eq: boundary }).reply(200, { smileys: second });

		const { items, error } = await runNode({ parameters: getAll({ returnAll: true }) });
		expect(error).toBeUndefined();
		const ids = items.map((i) => i.json.id);
		expect(ids).toHaveLength(131);
		expect(new Set(ids).size).toBe(131);
		expect(ids.slice(98, 102)).toEqual([99, 100, 500, 101]);
	});

	it('Limit stops paging once enough smileys are collected', async () => {
		const newest = Date.parse('2026-11-01T12:00:00Z');
		const first = page(1, 100, newest);
		const boundary = first[99].rated_at;
		api().get('/smileys').query({ limit: '100' }).reply(200, { smileys: first });
		api()
			.get('/smileys')
			.query({ limit: '100', rated_at_lt_or_eq: boundary })
			.reply(200, { smileys: [first[99], ...page(101, 100, Date.parse(boundary) - 60_000)] });
		const { items, error } = await runNode({ parameters: getAll({ limit: 150 }) });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual([...Array.from({ length: 100 }, (_, i) => i + 1), ...Array.from({ length: 50 }, (_, i) => i + 101)]);
	});

	describe('bad input is refused before any request', () => {
		it.each([
			[{ number: '7199' }, `"7199" is not a valid phone number in 'Phone Number'`],
			[{ ratedAfter: 'yesterday' }, `"yesterday" is not a valid date in 'Rated After'`],
			[{ ratedAfter: '2026-11-02T00:00:00Z', ratedBefore: '2026-11-01T00:00:00Z' }, `'Rated After' is after 'Rated Before'`],
			[{ employeeId: { __rl: true, mode: 'id', value: '={{ "Jane" }}' } }, `"Jane" is not a valid ID in 'Employee'`],
			[{ rating: '={{ "great" }}' }, `"great" is not a rating in 'Rating'`],
			[{ commented: '={{ "maybe" }}' }, `'Commented' must be true or false`],
		])('%j', async (filters, message) => {
			const { error } = await runNode({ parameters: getAll({ filters }) });
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toBe(message);
			expect(error?.context?.itemIndex).toBe(0);
			expect(net.unmatched()).toEqual([]);
		});
	});
});

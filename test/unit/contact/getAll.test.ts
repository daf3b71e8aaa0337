import nock from 'nock';

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';

const net = useNock();
// Leave http unpatched for the next test file in this worker (see test/helpers/api.ts).
afterAll(() => nock.restore());

const contact = (id: number) => ({
	id,
	number: `45610${String(id).padStart(5, '0')}`,
	number_formatted: null,
	name: `Kontakt ${id}`,
	email: null,
	comments_count: 0,
	flagged: false,
	tags: [],
	activity_id: null,
	activity_at: null,
});
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => contact(from + i));

const getAll = (extra: Record<string, unknown>) => ({ resource: 'contact', operation: 'getAll', ...extra });

describe('Contact → Get Many', () => {
	it('Limit: asks for that many and outputs one item per contact', async () => {
		api().get('/contacts').query({ limit: '3' }).reply(200, { contacts: range(1, 3) });
		const { items, error } = await runNode({ parameters: getAll({ limit: 3 }) });
		expect(error).toBeUndefined();
		expect(items).toEqual(range(1, 3).map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('Return All: pages by id until a short page', async () => {
		api().get('/contacts').query({ limit: '100' }).reply(200, { contacts: range(1, 100) });
		api().get('/contacts').query({ limit: '100', id_gt_or_eq: '101' }).reply(200, { contacts: range(101, 200) });
		api().get('/contacts').query({ limit: '100', id_gt_or_eq: '201' }).reply(200, { contacts: range(201, 230) });
		const { items, error } = await runNode({ parameters: getAll({ returnAll: true }) });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual(range(1, 230).map((c) => c.id));
	});

	it('Return All: an empty next page ends the list', async () => {
		api().get('/contacts').query({ limit: '100' }).reply(200, { contacts: range(1, 100) });
		api().get('/contacts').query({ limit: '100', id_gt_or_eq: '101' }).reply(200, { contacts: [] });
		const { items } = await runNode({ parameters: getAll({ returnAll: true }) });
		expect(items).toHaveLength(100);
	});

	it('Limit above one page: pages on and stops at the limit', async () => {
		api().get('/contacts').query({ limit: '100' }).reply(200, { contacts: range(1, 100) });
		api().get('/contacts').query({ limit: '100', id_gt_or_eq: '101' }).reply(200, { contacts: range(101, 200) });
		const { items, error } = await runNode({ parameters: getAll({ limit: 150 }) });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual(range(1, 150).map((c) => c.id));
	});

	it('filters by normalized phone number and minimum ID', async () => {
		api()
			.get('/contacts')
			.query({ limit: '50', number: '4561000007', id_gt_or_eq: '500' })
			.reply(200, { contacts: [contact(507)] });
		const { items, error } = await runNode({
			parameters: getAll({ filters: { number: '+45 61 00 00 07', idFrom: 500 } }),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: contact(507), pairedItem: { item: 0 } }]);
	});

	it('a Phone Number filter left empty filters nothing, as in the other Get Many operations', async () => {
		api().get('/contacts').query({ limit: '2' }).reply(200, { contacts: range(1, 2) });
		const { items, error } = await runNode({ parameters: getAll({ limit: 2, filters: { number: '={{ "" }}' } }) });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
	});

	it('Minimum ID continues paging from the given id', async () => {
		api().get('/contacts').query({ limit: '100', id_gt_or_eq: '150' }).reply(200, { contacts: range(150, 249) });
		api().get('/contacts').query({ limit: '100', id_gt_or_eq: '250' }).reply(200, { contacts: range(250, 260) });
		const { items } = await runNode({ parameters: getAll({ returnAll: true, filters: { idFrom: 150 } }) });
		expect(items.map((i) => i.json.id)).toEqual(range(150, 260).map((c) => c.id));
	});

	it.each([
		[{ number: '1234' }, `"1234" is not a valid phone number in 'Phone Number'`],
		[{ idFrom: '={{ "abc" }}' }, `"abc" is not a valid ID in 'Minimum ID'`],
	])('refuses bad filter %j before any request', async (filters, message) => {
		const { error } = await runNode({ parameters: getAll({ filters }) });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(message);
		expect(net.unmatched()).toEqual([]);
	});
});

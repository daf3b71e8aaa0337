import nock from 'nock';

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';

const net = useNock();
// Leave http unpatched for the next test file in this worker (see test/helpers/api.ts).
afterAll(() => nock.restore());

const recipient = {
	type: 'Employee',
	id: 3,
	endpoint: 'Employee#3',
	name: 'Mette Larsen',
	email: 'mette@firma.dk',
	number: '4520000003',
	number_formatted: '20 00 00 03',
	do_not_disturb: false,
	employee_group_ids: [12],
};
const comment = (id: number, extra: Record<string, unknown> = {}) => ({
	id,
	body: `Kommentar ${id}`,
	employee: { id: 1, name: 'Jane Doe' },
	contact_id: 2001,
	sort_value: `2026-11-0${id}T09:00:00Z`,
	created_at: `2026-11-0${id}T09:00:00Z`,
	recipient: null,
	...extra,
});
const comments = [comment(3, { recipient }), comment(2), comment(1)];

const getAll = (extra: Record<string, unknown>) => ({
	resource: 'contactComment',
	operation: 'getAll',
	contactId: { __rl: true, mode: 'list', value: '2001' },
	...extra,
});

describe('Contact Comment → Get Many', () => {
	it('Return All: every comment, simplified by default', async () => {
		api().get('/contacts/2001/comments').reply(200, { comments });
		const { items, error } = await runNode({ parameters: getAll({ returnAll: true }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					id: 3,
					contact_id: 2001,
					body: 'Kommentar 3',
					employee_id: 1,
					employee_name: 'Jane Doe',
					recipient_id: 3,
					recipient_name: 'Mette Larsen',
					created_at: '2026-11-03T09:00:00Z',
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					id: 2,
					contact_id: 2001,
					body: 'Kommentar 2',
					employee_id: 1,
					employee_name: 'Jane Doe',
					recipient_id: null,
					recipient_name: null,
					created_at: '2026-11-02T09:00:00Z',
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					id: 1,
					contact_id: 2001,
					body: 'Kommentar 1',
					employee_id: 1,
					employee_name: 'Jane Doe',
					recipient_id: null,
					recipient_name: null,
					created_at: '2026-11-01T09:00:00Z',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('Limit is applied to the one list Relatel sends (no paging parameters are sent)', async () => {
		api().get('/contacts/2001/comments').query({}).reply(200, { comments });
		const { items, error } = await runNode({ parameters: getAll({ limit: 2, simplify: false }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: comments[0], pairedItem: { item: 0 } },
			{ json: comments[1], pairedItem: { item: 0 } },
		]);
	});

	it('a contact without comments gives no items', async () => {
		api().get('/contacts/2002/comments').reply(200, { comments: [] });
		const { items, error } = await runNode({
			parameters: getAll({ contactId: { __rl: true, mode: 'id', value: '2002' } }),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	it('refuses a contact ID that is not a number before any request', async () => {
		const { error } = await runNode({
			parameters: getAll({ contactId: { __rl: true, mode: 'list', value: '={{ "2001x" }}' } }),
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(`"2001x" is not a valid ID in 'Contact'`);
		expect(net.unmatched()).toEqual([]);
	});
});

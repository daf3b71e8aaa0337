import nock from 'nock';

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';

const net = useNock();
// Leave http unpatched for the next test file in this worker (see test/helpers/api.ts).
afterAll(() => nock.restore());

const saved = (extra: Record<string, unknown> = {}) => ({
	id: 7010,
	body: 'Ringede om fakturaen',
	employee: { id: 2, name: 'John Hansen' },
	contact_id: 2001,
	sort_value: '2026-11-20T10:00:00Z',
	created_at: '2026-11-20T10:00:00Z',
	recipient: null,
	...extra,
});

const create = (extra: Record<string, unknown>) => ({
	resource: 'contactComment',
	operation: 'create',
	contactId: { __rl: true, mode: 'list', value: '2001' },
	body: 'Ringede om fakturaen',
	...extra,
});

describe('Contact Comment → Create', () => {
	it('posts the comment with author and recipient, and outputs the comment', async () => {
		const recipient = { type: 'Employee', id: 3, name: 'Mette Larsen' };
		api()
			.post('/contacts/2001/comments', { comment: { employee_id: 2, body: 'Ringede om fakturaen', recipient_id: 3 } })
			.reply(201, { comment: saved({ recipient }) });

		const { items, error } = await runNode({
			parameters: create({
				additionalFields: {
					employeeId: { __rl: true, mode: 'list', value: '2' },
					recipientId: { __rl: true, mode: 'id', value: '3' },
				},
			}),
		});

		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: saved({ recipient }), pairedItem: { item: 0 } }]);
	});

	it('without an author: the employee the credential belongs to, looked up once per run', async () => {
		api().get('/employee').once().reply(200, { employee: { id: 1, name: 'Jane Doe' } });
		api()
			.post('/contacts/2001/comments', { comment: { employee_id: 1, body: 'Første' } })
			.reply(201, { comment: saved({ id: 1, body: 'Første' }) });
		api()
			.post('/contacts/2002/comments', { comment: { employee_id: 1, body: 'Anden' } })
			.reply(201, { comment: saved({ id: 2, body: 'Anden', contact_id: 2002 }) });

		const { items, error } = await runNode({
			items: [
				{ contact: 2001, text: 'Første' },
				{ contact: 2002, text: 'Anden' },
			],
			parameters: create({
				contactId: { __rl: true, mode: 'id', value: '={{ $json.contact }}' },
				body: '={{ $json.text }}',
			}),
		});

		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.id, i.json.body, i.pairedItem])).toEqual([
			[1, 'Første', { item: 0 }],
			[2, 'Anden', { item: 1 }],
		]);
		// A second GET /employee would have no interceptor and show up here.
		expect(net.unmatched()).toEqual([]);
	});

	describe('bad input is refused before any request', () => {
		it.each([
			[{ body: '={{ "   " }}' }, `'Comment' is empty`],
			[{ contactId: { __rl: true, mode: 'id', value: '={{ "" }}' } }, `'Contact' is empty`],
			[
				{ additionalFields: { recipientId: { __rl: true, mode: 'list', value: '={{ "Mette" }}' } } },
				`"Mette" is not a valid ID in 'Recipient'`,
			],
			[
				{ additionalFields: { employeeId: { __rl: true, mode: 'list', value: '={{ "-1" }}' } } },
				`"-1" is not a valid ID in 'Author'`,
			],
		])('%j', async (extra, message) => {
			const { error } = await runNode({ parameters: create(extra) });
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toBe(message);
			expect(error?.context?.itemIndex).toBe(0);
			expect(net.unmatched()).toEqual([]);
		});

		it('an empty required Comment is refused by n8n', async () => {
			const { error } = await runNode({ parameters: create({ body: '' }) });
			expect(error?.message).toContain('Parameter "Comment" is required');
			expect(net.unmatched()).toEqual([]);
		});
	});

	it('a POST that failed is not sent again', async () => {
		api().post('/contacts/2001/comments').once().reply(502, {});
		const { error } = await runNode({
			parameters: create({ additionalFields: { employeeId: { __rl: true, mode: 'id', value: '2' } } }),
		});
		expect(error?.httpCode).toBe('502');
		expect(net.unmatched()).toEqual([]);
	});
});

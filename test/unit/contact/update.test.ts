import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';

const net = useNock();
// Leave http unpatched for the next test file in this worker (see test/helpers/api.ts).
afterAll(() => nock.restore());

const updated = {
	id: 2001,
	number: '4571999998',
	number_formatted: '71 99 99 98',
	name: 'Mette Holm',
	email: null,
	comments_count: 1,
	flagged: false,
	tags: [],
	activity_id: null,
	activity_at: null,
};

const update = (updateFields: INodeParameters, value = '2001'): INodeParameters => ({
	resource: 'contact',
	operation: 'update',
	contactId: { __rl: true, mode: 'list', value },
	updateFields,
});

describe('Contact → Update', () => {
	it('puts only the chosen fields; an empty email removes it, empty tags clear them', async () => {
		api()
			.put('/contacts/2001', {
				contact: { email: null, flagged: false, name: 'Mette Holm', number: '4571999998', tags: [] },
			})
			.reply(200, { contact: updated });

		const { items, error } = await runNode({
			parameters: update({ email: '', flagged: false, name: 'Mette Holm', number: '+45 71 99 99 98', tags: '' }),
		});

		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: updated, pairedItem: { item: 0 } }]);
	});

	it('a single field', async () => {
		api().put('/contacts/2001', { contact: { tags: ['vip'] } }).reply(200, { contact: { ...updated, tags: ['vip'] } });
		const { items } = await runNode({ parameters: update({ tags: 'vip' }) });
		expect(items[0].json.tags).toEqual(['vip']);
	});

	describe('bad input is refused before any request', () => {
		it.each([
			[{}, '2001', `'Update Fields' is empty`],
			[{ number: '12' }, '2001', `"12" is not a valid phone number in 'Phone Number'`],
			[{ email: 'nope' }, '2001', `"nope" is not a valid email address in 'Email'`],
			[{ name: 'X' }, '0', `"0" is not a valid ID in 'Contact'`],
		])('fields=%j id=%j', async (fields, id, message) => {
			const { error } = await runNode({ parameters: update(fields, id) });
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toBe(message);
			expect(error?.context?.itemIndex).toBe(0);
			expect(net.unmatched()).toEqual([]);
		});
	});

	it('a PUT that failed is not sent again', async () => {
		api().put('/contacts/2001').once().reply(503, {});
		const { error } = await runNode({ parameters: update({ name: 'X' }) });
		expect(error?.httpCode).toBe('503');
		expect(net.unmatched()).toEqual([]);
	});
});

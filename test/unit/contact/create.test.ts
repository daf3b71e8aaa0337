import nock from 'nock';

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';

const net = useNock();
// Leave http unpatched for the next test file in this worker (see test/helpers/api.ts).
afterAll(() => nock.restore());

const create = (extra: Record<string, unknown>) => ({ resource: 'contact', operation: 'create', ...extra });

const created = {
	id: 2141,
	number: '4571999999',
	number_formatted: '71 99 99 99',
	name: 'Mette Jensen',
	email: 'mette@example.dk',
	comments_count: 0,
	flagged: true,
	tags: ['kunde', 'vip'],
	activity_id: null,
	activity_at: null,
};

describe('Contact → Create', () => {
	it('posts the normalized number and the additional fields, and outputs the contact', async () => {
		api()
			.post('/contacts', {
				contact: {
					number: '4571999999',
					name: 'Mette Jensen',
					email: 'mette@example.dk',
					flagged: true,
					tags: ['kunde', 'vip'],
				},
			})
			.reply(201, { contact: created });

		const { items, error } = await runNode({
			parameters: create({
				number: '+45 71 99 99 99',
				additionalFields: {
					name: ' Mette Jensen ',
					email: 'mette@example.dk',
					flagged: true,
					tags: 'kunde, vip,, kunde',
				},
			}),
		});

		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: created, pairedItem: { item: 0 } }]);
	});

	it('sends only the number when nothing else is given; tags may come as an array', async () => {
		api().post('/contacts', { contact: { number: '4520000000' } }).reply(201, { contact: { ...created, id: 1 } });
		api()
			.post('/contacts', { contact: { number: '4520000001', tags: ['a', 'b'] } })
			.reply(201, { contact: { ...created, id: 2 } });

		const { items, error } = await runNode({
			items: [{ n: '0045 20 00 00 00' }, { n: '4520000001', tags: ['a', ' b '] }],
			parameters: create({
				number: '={{ $json.n }}',
				additionalFields: { name: '={{ "" }}', tags: '={{ $json.tags ?? [] }}' },
			}),
		});

		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.id, i.pairedItem])).toEqual([
			[1, { item: 0 }],
			[2, { item: 1 }],
		]);
	});

	describe('bad input is refused before any request', () => {
		it.each([
			['71999999', {}, `"71999999" is not a valid phone number in 'Phone Number'`],
			['={{ "  " }}', {}, `'Phone Number' is empty`],
			['4571999999', { email: 'mette(at)example.dk' }, `"mette(at)example.dk" is not a valid email address in 'Email'`],
		])('number=%j fields=%j', async (number, additionalFields, message) => {
			const { error } = await runNode({ parameters: create({ number, additionalFields }) });
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toBe(message);
			expect(error?.context?.itemIndex).toBe(0);
			expect(net.unmatched()).toEqual([]);
		});

		it('an empty required Phone Number is refused by n8n', async () => {
			const { error } = await runNode({ parameters: create({ number: '' }) });
			expect(error?.message).toContain('Parameter "Phone Number" is required');
			expect(net.unmatched()).toEqual([]);
		});
	});

	it("passes on Relatel's validation error in plain words", async () => {
		api().post('/contacts').reply(422, { errors: { number: ['has already been taken'] } });
		const { error } = await runNode({ parameters: create({ number: '4571999999' }) });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('Relatel could not accept the data: number has already been taken');
	});
});

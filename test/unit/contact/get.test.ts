import nock from 'nock';

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';

const net = useNock();
// Leave http unpatched for the next test file in this worker (see test/helpers/api.ts).
afterAll(() => nock.restore());

const contact = {
	id: 2001,
	number: '4561100000',
	number_formatted: '61 10 00 00',
	name: 'Mette Jensen',
	email: 'mette.jensen@example.dk',
	comments_count: 1,
	flagged: false,
	tags: ['kunde'],
	activity_id: null,
	activity_at: null,
};

describe('Contact → Get', () => {
	it.each([
		['list', '2001'],
		['id', '2001'],
		['id', '={{ " 2001 " }}'],
	])('gets the contact picked in mode %s', async (mode, value) => {
		api().get('/contacts/2001').reply(200, { contact });
		const { items, error } = await runNode({
			parameters: { resource: 'contact', operation: 'get', contactId: { __rl: true, mode, value } },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: contact, pairedItem: { item: 0 } }]);
	});

	it('refuses an ID from an expression that is not a number before any request', async () => {
		const { error } = await runNode({
			parameters: {
				resource: 'contact',
				operation: 'get',
				contactId: { __rl: true, mode: 'id', value: '={{ "Mette" }}' },
			},
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(`"Mette" is not a valid ID in 'Contact'`);
		expect(error?.context?.itemIndex).toBe(0);
		expect(net.unmatched()).toEqual([]);
	});

	it('n8n itself refuses a typed ID that is not a number', async () => {
		const { error } = await runNode({
			parameters: { resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: 'Mette' } },
		});
		expect(error?.message).toContain('Not a valid Relatel ID');
		expect(net.unmatched()).toEqual([]);
	});

	it('a missing contact is a plain 404', async () => {
		api().get('/contacts/9999').reply(404, { error: 'not_found' });
		const { error } = await runNode({
			parameters: { resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: '9999' } },
		});
		expect(error?.message).toBe('Not found in Relatel: check the ID');
	});
});

describe('Contact → Get by Phone Number', () => {
	const byNumber = (number: string) => ({ resource: 'contact', operation: 'getByNumber', number });

	it('looks the normalized number up', async () => {
		api().get('/contacts/by_number/4561100000').reply(200, { contact });
		const { items, error } = await runNode({ parameters: byNumber('+45 61 10 00 00') });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: contact, pairedItem: { item: 0 } }]);
	});

	it('refuses a number without country code before any request', async () => {
		const { error } = await runNode({ parameters: byNumber('61100000') });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(`"61100000" is not a valid phone number in 'Phone Number'`);
		expect(error?.description).toContain('without country code');
		expect(net.unmatched()).toEqual([]);
	});

	it('says which number has no contact', async () => {
		api().get('/contacts/by_number/4561100000').reply(404, { error: 'not_found' });
		const { error } = await runNode({ parameters: byNumber('4561100000') });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('No contact in Relatel has the number 4561100000');
		expect(error?.description).toContain('use Get Many with the Phone Number filter');
		expect(error?.context?.itemIndex).toBe(0);
	});

	it('other errors pass through unchanged', async () => {
		api().get('/contacts/by_number/4561100000').reply(401, { error: 'invalid_token' });
		const { error } = await runNode({ parameters: byNumber('4561100000') });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('The Relatel token was revoked or is invalid');
	});

	it('continueOnFail: a number without contact becomes an error item', async () => {
		api().get('/contacts/by_number/4561100000').reply(404, {});
		api().get('/contacts/by_number/4561100037').reply(200, { contact: { ...contact, id: 2002 } });
		const { items, error } = await runNode({
			continueOnFail: true,
			items: [{ n: '4561100000' }, { n: '4561100037' }],
			parameters: byNumber('={{ $json.n }}'),
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.error ?? i.json.id, i.pairedItem])).toEqual([
			['No contact in Relatel has the number 4561100000', { item: 0 }],
			[2002, { item: 1 }],
		]);
	});
});

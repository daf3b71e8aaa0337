import nock from 'nock';

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';

const net = useNock();
// Leave http unpatched for the next test file in this worker (see test/helpers/api.ts).
afterAll(() => nock.restore());

const remove = (value: string, mode = 'list') => ({
	resource: 'contact',
	operation: 'delete',
	contactId: { __rl: true, mode, value },
});

describe('Contact → Delete', () => {
	it('deletes and says so', async () => {
		api().delete('/contacts/2001').reply(204);
		const { items, error } = await runNode({ parameters: remove('2001') });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { deleted: true, id: 2001 }, pairedItem: { item: 0 } }]);
	});

	it('one request per item', async () => {
		api().delete('/contacts/1').reply(200, {});
		api().delete('/contacts/2').reply(204);
		const { items } = await runNode({ items: [{ id: 1 }, { id: 2 }], parameters: remove('={{ $json.id }}', 'id') });
		expect(items.map((i) => [i.json, i.pairedItem])).toEqual([
			[{ deleted: true, id: 1 }, { item: 0 }],
			[{ deleted: true, id: 2 }, { item: 1 }],
		]);
	});

	it('refuses a missing ID before any request', async () => {
		const { error } = await runNode({ parameters: remove('={{ "" }}', 'id') });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(`'Contact' is empty`);
		expect(net.unmatched()).toEqual([]);
	});

	it('an already deleted contact is a 404', async () => {
		api().delete('/contacts/2001').reply(404, { error: 'not_found' });
		const { error } = await runNode({ parameters: remove('2001') });
		expect(error?.message).toBe('Not found in Relatel: check the ID');
	});
});

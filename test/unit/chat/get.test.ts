import nock from 'nock';

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';

const net = useNock();
// Leave http unpatched for the next test file in this worker (see test/helpers/api.ts).
afterAll(() => nock.restore());

const UUID = '45981120-324b-0132-d3ef-14dae9edd21d';
const chat = {
	uuid: UUID,
	state: 'ringing',
	from_name: 'Peter Holm',
	from_email: 'peter@holm-vvs.dk',
	endpoint: 'ChatReception#1',
	link: `https://app.relatel.dk/chats/${UUID}`,
	started_at: '2026-11-20T09:00:00Z',
	answered_at: null,
	answered_by: null,
	ended_at: null,
	contact: null,
};

const get = (uuid: string) => ({ resource: 'chat', operation: 'get', uuid });

describe('Chat → Get', () => {
	it('gets the chat by its UUID (any case, spaces trimmed)', async () => {
		api().get(`/chats/${UUID}`).reply(200, { chat });
		const { items, error } = await runNode({ parameters: get(` ${UUID.toUpperCase()} `) });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: chat, pairedItem: { item: 0 } }]);
	});

	it.each([
		['12345', `"12345" is not a valid ID in 'Chat ID'`],
		['={{ "" }}', `'Chat ID' is empty`],
		[`${UUID}/../../contacts`, `"${UUID}/../../contacts" is not a valid ID in 'Chat ID'`],
	])('refuses %j before any request', async (uuid, message) => {
		const { error } = await runNode({ parameters: get(uuid) });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(message);
		expect(error?.context?.itemIndex).toBe(0);
		expect(net.unmatched()).toEqual([]);
	});

	it('an unknown chat is a plain 404', async () => {
		api().get(`/chats/${UUID}`).reply(404, { error: 'not_found' });
		const { error } = await runNode({ parameters: get(UUID) });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('Not found in Relatel: check the ID');
	});
});

import nock from 'nock';

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';
import { makeCall, simpleCall, UUID } from './fixtures';

const net = useNock();
// useNock() leaves nock's HTTP interceptors on; a later test file in this worker would then
// miss its mocks. Restore them when this file is done.
afterAll(() => nock.restore());

const get = (extra: Record<string, unknown>) => ({ resource: 'call', operation: 'get', ...extra });

describe('Call → Get', () => {
	it('gets the call by its UUID and simplifies it', async () => {
		api().get(`/calls/${UUID}`).query({}).reply(200, { call: makeCall() });

		const { items, error } = await runNode({ parameters: get({ callId: UUID }) });

		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: simpleCall(), pairedItem: { item: 0 } }]);
	});

	it('returns the raw call, unwrapped, with Simplify off; the UUID is trimmed and lower-cased', async () => {
		const call = makeCall({ recording: { id: 301, expired: false }, voice_mail: { id: 812 } });
		api().get(`/calls/${UUID}`).query({}).reply(200, { call });

		const { items, error } = await runNode({
			parameters: get({ callId: `  ${UUID.toUpperCase()} `, simplify: false }),
		});

		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: call, pairedItem: { item: 0 } }]);
	});

	it('simplify: recording and voicemail flags', async () => {
		api()
			.get(`/calls/${UUID}`)
			.reply(200, { call: makeCall({ recording: { id: 301, expired: false }, voice_mail: { id: 812 } }) });
		const { items } = await runNode({ parameters: get({ callId: UUID }) });
		expect(items[0].json).toEqual(simpleCall({ has_recording: true, has_voicemail: true, voicemail_id: 812 }));
	});

	it.each([
		['12345', `"12345" is not a valid ID in 'Call ID'`],
		['={{ "" }}', `'Call ID' is empty`],
		['45981120-324b-0132-d3ef-14dae9edd21', `"45981120-324b-0132-d3ef-14dae9edd21" is not a valid ID in 'Call ID'`],
	])('refuses %j before any request', async (callId, message) => {
		const { error } = await runNode({ parameters: get({ callId }) });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(message);
		expect(error?.context?.itemIndex).toBe(0);
		expect(net.unmatched()).toEqual([]);
	});

	it('a 404 says to check the ID', async () => {
		api().get(`/calls/${UUID}`).reply(404, { error: 'not_found' });
		const { error } = await runNode({ parameters: get({ callId: UUID }) });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('Not found in Relatel: check the ID');
		expect(error?.description).toBe('Relatel has nothing at GET /calls/{uuid} for these values. Relatel said: "not_found".');
	});
});

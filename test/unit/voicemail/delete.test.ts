import nock from 'nock';

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';

const net = useNock();
// useNock() leaves nock's HTTP interceptors on; a later test file in this worker would then
// miss its mocks. Restore them when this file is done.
afterAll(() => nock.restore());

const del = (extra: Record<string, unknown>) => ({ resource: 'voicemail', operation: 'delete', ...extra });

describe('Voicemail → Delete', () => {
	it('deletes the voicemail and confirms it', async () => {
		api().delete('/voice_mails/812').query({}).reply(204);
		const { items, error } = await runNode({ parameters: del({ voicemailId: '812' }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { deleted: true, id: 812 }, pairedItem: { item: 0 } }]);
	});

	it('one delete per input item', async () => {
		api().delete('/voice_mails/1').reply(204);
		api().delete('/voice_mails/2').reply(200, {});
		const { items, error } = await runNode({
			items: [{ id: 1 }, { id: 2 }],
			parameters: del({ voicemailId: '={{ $json.id }}' }),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { deleted: true, id: 1 }, pairedItem: { item: 0 } },
			{ json: { deleted: true, id: 2 }, pairedItem: { item: 1 } },
		]);
	});

	it('refuses a bad ID before any request', async () => {
		const { error } = await runNode({ parameters: del({ voicemailId: '-5' }) });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(`"-5" is not a valid ID in 'Voicemail ID'`);
		expect(net.unmatched()).toEqual([]);
	});

	it('a 404 says to check the ID', async () => {
		api().delete('/voice_mails/812').reply(404, { error: 'not_found' });
		const { error } = await runNode({ parameters: del({ voicemailId: '812' }) });
		expect(error?.message).toBe('Not found in Relatel: check the ID');
	});

	it('a DELETE that got 502 is not sent again', async () => {
		api().delete('/voice_mails/812').once().reply(502, {});
		const { error } = await runNode({ parameters: del({ voicemailId: '812' }) });
		expect(error?.httpCode).toBe('502');
		expect(net.unmatched()).toEqual([]);
	});
});

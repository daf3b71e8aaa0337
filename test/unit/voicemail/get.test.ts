import nock from 'nock';

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';
import { makeVoicemail, simpleVoicemail } from './fixtures';

const net = useNock();
// useNock() leaves nock's HTTP interceptors on; a later test file in this worker would then
// miss its mocks. Restore them when this file is done.
afterAll(() => nock.restore());

const get = (extra: Record<string, unknown>) => ({ resource: 'voicemail', operation: 'get', ...extra });

describe('Voicemail → Get', () => {
	it('gets the voicemail by ID and simplifies it', async () => {
		api().get('/voice_mails/812').query({}).reply(200, makeVoicemail());
		const { items, error } = await runNode({ parameters: get({ voicemailId: '812' }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: simpleVoicemail(), pairedItem: { item: 0 } }]);
	});

	it('Simplify off: the voicemail as Relatel sent it; a voice_mail wrapper is taken off', async () => {
		api().get('/voice_mails/813').reply(200, { voice_mail: makeVoicemail({ id: 813, from_contact: null }) });
		const { items, error } = await runNode({ parameters: get({ voicemailId: '={{ 813 }}', simplify: false }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: makeVoicemail({ id: 813, from_contact: null }), pairedItem: { item: 0 } }]);
	});

	it.each([
		['abc', `"abc" is not a valid ID in 'Voicemail ID'`],
		['0', `"0" is not a valid ID in 'Voicemail ID'`],
		['12.5', `"12.5" is not a valid ID in 'Voicemail ID'`],
		['={{ "" }}', `'Voicemail ID' is empty`],
	])('refuses %j before any request', async (voicemailId, message) => {
		const { error } = await runNode({ parameters: get({ voicemailId }) });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(message);
		expect(error?.context?.itemIndex).toBe(0);
		expect(net.unmatched()).toEqual([]);
	});

	it('a 404 says to check the ID', async () => {
		api().get('/voice_mails/999').reply(404, { error: 'not_found', message: 'Voicemail not found' });
		const { error } = await runNode({ parameters: get({ voicemailId: '999' }) });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('Not found in Relatel: check the ID');
		expect(error?.httpCode).toBe('404');
	});

	it('GETs are retried after a 503', async () => {
		api().get('/voice_mails/812').reply(503, {});
		api().get('/voice_mails/812').reply(200, makeVoicemail());
		const { items, error } = await runNode({ parameters: get({ voicemailId: '812' }) });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual(simpleVoicemail());
	});
});

import nock from 'nock';

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';

const net = useNock();
// useNock() leaves nock's HTTP interceptors on; a later test file in this worker would then
// miss its mocks. Restore them when this file is done.
afterAll(() => nock.restore());

const BYTES = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(7), Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(32, 9)]);

const download = (extra: Record<string, unknown>) => ({ resource: 'voicemail', operation: 'downloadAudio', ...extra });

describe('Voicemail → Download Audio', () => {
	it('downloads the MP3 with the token into the binary field', async () => {
		api().get('/voice_mails/812/sound').query({}).reply(200, BYTES, { 'content-type': 'audio/mpeg' });

		const { items, error } = await runNode({ parameters: download({ voicemailId: '812' }) });

		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({ id: 812 });
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(Object.keys(items[0].binary ?? {})).toEqual(['data']);
		const file = items[0].binary!.data;
		expect(file.mimeType).toBe('audio/mpeg');
		expect(file.fileName).toBe('voicemail-812.mp3');
		expect(file.fileExtension).toBe('mp3');
		expect(Buffer.from(file.data, 'base64')).toEqual(BYTES);
	});

	it('puts the file in the field asked for', async () => {
		api().get('/voice_mails/9/sound').reply(200, BYTES, { 'content-type': 'application/octet-stream' });
		const { items, error } = await runNode({ parameters: download({ voicemailId: '9', binaryPropertyName: 'voicemail' }) });
		expect(error).toBeUndefined();
		expect(Object.keys(items[0].binary ?? {})).toEqual(['voicemail']);
		expect(items[0].binary!.voicemail.mimeType).toBe('audio/mpeg');
		expect(items[0].binary!.voicemail.fileName).toBe('voicemail-9.mp3');
		expect(Buffer.from(items[0].binary!.voicemail.data, 'base64')).toEqual(BYTES);
	});

	it('refuses a bad ID before any request', async () => {
		const { error } = await runNode({ parameters: download({ voicemailId: 'latest' }) });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(`"latest" is not a valid ID in 'Voicemail ID'`);
		expect(net.unmatched()).toEqual([]);
	});

	it('a 404 says to check the ID', async () => {
		api().get('/voice_mails/812/sound').reply(404, { error: 'not_found' });
		const { error } = await runNode({ parameters: download({ voicemailId: '812' }) });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('Not found in Relatel: check the ID');
	});
});

import nock from 'nock';

import { api, useNock } from '../../helpers/api';
import { BASE_URL, runNode } from '../../helpers/harness';
import { makeCall, simpleCall, UUID } from './fixtures';

const net = useNock();
// useNock() leaves nock's HTTP interceptors on; a later test file in this worker would then
// miss its mocks. Restore them when this file is done.
afterAll(() => nock.restore());

const FILE_HOST = 'https://files.relatel-cdn.test';
const BYTES = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(7), Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(64, 7)]);

const download = (extra: Record<string, unknown> = {}) => ({
	resource: 'call',
	operation: 'downloadRecording',
	callId: UUID,
	...extra,
});

function recording(extra: Record<string, unknown> = {}, sound: Record<string, unknown> = {}) {
	return {
		id: 301,
		started_at: '2026-11-20T09:00:12Z',
		duration: 168,
		expire_at: '2027-02-18T09:00:00Z',
		expired: false,
		sound: { formats: ['audio/mpeg'], url: `${FILE_HOST}/recordings/301.mp3?signature=sig-301`, ...sound },
		accepted: true,
		...extra,
	};
}

/** The file host: answers only when no Authorization header came along. */
function fileHost() {
	return nock(FILE_HOST, { badheaders: ['authorization'] });
}

describe('Call → Download Recording', () => {
	it('gets the call, then fetches its recording from the file host without the token', async () => {
		api().get(`/calls/${UUID}`).reply(200, { call: makeCall({ recording: recording() }) });
		fileHost()
			.get('/recordings/301.mp3')
			.query({ signature: 'sig-301' })
			.reply(200, BYTES, { 'content-type': 'audio/mpeg' });

		const { items, error } = await runNode({ parameters: download() });

		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({
			...simpleCall({ has_recording: true }),
			recording_id: 301,
			recording_duration: 168,
		});
		const file = items[0].binary?.data;
		expect(file?.mimeType).toBe('audio/mpeg');
		expect(file?.fileName).toBe(`call-${UUID}.mp3`);
		expect(file?.fileExtension).toBe('mp3');
		expect(Buffer.from(file!.data, 'base64')).toEqual(BYTES);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('a recording on the API host is fetched with the token; wav from the content-type, custom field', async () => {
		api()
			.get(`/calls/${UUID}`)
			.reply(200, { call: makeCall({ recording: recording({}, { url: `${BASE_URL}/recordings/301/sound`, formats: ['audio/mpeg'] }) }) });
		api().get('/recordings/301/sound').reply(200, BYTES, { 'content-type': 'audio/wav; charset=binary' });

		const { items, error } = await runNode({ parameters: download({ binaryPropertyName: 'recording' }) });

		expect(error).toBeUndefined();
		expect(Object.keys(items[0].binary ?? {})).toEqual(['recording']);
		expect(items[0].binary?.recording.mimeType).toBe('audio/wav');
		expect(items[0].binary?.recording.fileName).toBe(`call-${UUID}.wav`);
		expect(Buffer.from(items[0].binary!.recording.data, 'base64')).toEqual(BYTES);
	});

	it('without a useful content-type the mime type comes from sound.formats, else audio/mpeg', async () => {
		api().get(`/calls/${UUID}`).reply(200, { call: makeCall({ recording: recording({}, { formats: ['audio/ogg'] }) }) });
		fileHost().get('/recordings/301.mp3').query(true).reply(200, BYTES, { 'content-type': 'application/octet-stream' });
		let { items } = await runNode({ parameters: download() });
		expect([items[0].binary?.data.mimeType, items[0].binary?.data.fileName]).toEqual(['audio/ogg', `call-${UUID}.ogg`]);

		api().get(`/calls/${UUID}`).reply(200, { call: makeCall({ recording: recording({}, { formats: [] }) }) });
		fileHost().get('/recordings/301.mp3').query(true).reply(200, BYTES);
		({ items } = await runNode({ parameters: download() }));
		expect([items[0].binary?.data.mimeType, items[0].binary?.data.fileName]).toEqual(['audio/mpeg', `call-${UUID}.mp3`]);
	});

	it('a call without a recording: a clear error, no download', async () => {
		api().get(`/calls/${UUID}`).reply(200, { call: makeCall({ recording: null }) });
		const { error } = await runNode({ parameters: download() });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe('This call has no recording');
		expect(error?.context?.itemIndex).toBe(0);
		expect(net.unmatched()).toEqual([]);
	});

	it('an expired recording: the error names when it expired', async () => {
		api()
			.get(`/calls/${UUID}`)
			.reply(200, { call: makeCall({ recording: recording({ expired: true, expire_at: '2026-11-01T00:00:00Z' }) }) });
		const { error } = await runNode({ parameters: download() });
		expect(error?.message).toBe('The recording of this call expired on 2026-11-01T00:00:00Z');
		expect(error?.description).toContain('expire_at');
		expect(net.unmatched()).toEqual([]);
	});

	it('refuses a bad Call ID before any request', async () => {
		const { error } = await runNode({ parameters: download({ callId: 'not-a-uuid' }) });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(`"not-a-uuid" is not a valid ID in 'Call ID'`);
		expect(net.unmatched()).toEqual([]);
	});

	it('a file host that fails for good is retried, then reported in plain words', async () => {
		api().get(`/calls/${UUID}`).reply(200, { call: makeCall({ recording: recording() }) });
		fileHost().get('/recordings/301.mp3').query(true).times(4).reply(503, 'Service Unavailable');
		const { error } = await runNode({ parameters: download() });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('Relatel had a problem on its side (HTTP 503)');
		expect(error?.description).toContain('n8n tried 4 times');
	});
});

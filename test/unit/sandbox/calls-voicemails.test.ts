import type { IDataObject, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { callMatchesEndpoint } from '../../../nodes/Relatel/helpers/callMatch';
import { defaultCredentials, runNode } from '../../helpers/harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSandbox } = require('../../sandbox/server');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { calls: seededCalls } = require('../../sandbox/routes/call');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { voicemails: seededVoicemails } = require('../../sandbox/routes/voicemail');

interface Sandbox {
	baseUrl: string;
	origin: string;
	state: {
		accessToken: string;
		tokenLeaks?: number;
		db: { calls: IDataObject[]; voice_mails: IDataObject[] };
		requests: Array<{ method: string; path: string; query: IDataObject; authorization?: string }>;
		fileRequests: Array<{ method: string; path: string; authorization?: string; host?: string }>;
		faults: IDataObject[];
	};
	close: () => Promise<void>;
}

/** The Relatel node against the local Relatel (test/sandbox), over real HTTP on loopback. */
describe('Sandbox: calls and voicemails', () => {
	let sandbox: Sandbox;
	const run = async (parameters: INodeParameters) =>
		await runNode({ parameters, credentials: defaultCredentials(sandbox.baseUrl, sandbox.state.accessToken) });

	beforeAll(async () => {
		nock.cleanAll();
		nock.enableNetConnect(/127\.0\.0\.1|localhost/);
		sandbox = await startSandbox();
		// The sandbox builds its calls and voicemails on first use; build them now so each
		// test can read them, whichever runs first.
		seededCalls(sandbox.state);
		seededVoicemails(sandbox.state);
	});

	afterAll(async () => {
		await sandbox?.close();
		nock.restore();
	});

	beforeEach(() => {
		sandbox.state.requests.length = 0;
		sandbox.state.fileRequests.length = 0;
	});

	const allCalls = async () => {
		const { items, error } = await run({ resource: 'call', operation: 'getAll', returnAll: true, simplify: false });
		expect(error).toBeUndefined();
		return items.map((item) => item.json);
	};

	it('Return All brings every seeded call exactly once, though threes share a started_at across pages', async () => {
		const calls = await allCalls();
		const seeded = sandbox.state.db.calls;
		expect(seeded).toHaveLength(240);
		const uuids = calls.map((call) => call.call_uuid);
		expect(new Set(uuids).size).toBe(uuids.length);
		expect([...uuids].sort()).toEqual(seeded.map((call) => call.call_uuid).sort());
		// Newest first.
		const started = calls.map((call) => Date.parse(String(call.started_at)));
		expect(started).toEqual([...started].sort((a, b) => b - a));
		// The pages really met inside a group of calls with one started_at: each later page
		// started at a timestamp that three calls share, and the previous page held only part of them.
		const pages = sandbox.state.requests.filter((r) => r.path === '/api/v2/calls');
		expect(pages.length).toBeGreaterThanOrEqual(3);
		expect(pages.every((r) => r.query.limit === '100' && r.query.endpoint === undefined)).toBe(true);
		const cursors = pages.slice(1).map((r) => r.query.started_at_lt_or_eq);
		for (const cursor of cursors) {
			expect(seeded.filter((call) => call.started_at === cursor)).toHaveLength(3);
		}
		expect(calls.slice(0, 100).filter((call) => call.started_at === cursors[0]).length).toBeLessThan(3);
	});

	it('Get Many with an employee endpoint finds calls where the employee is only in path[]', async () => {
		const { items, error } = await run({
			resource: 'call',
			operation: 'getAll',
			returnAll: true,
			filters: { endpoint: { __rl: true, mode: 'id', value: 'Employee#2' } },
			simplify: false,
		});
		expect(error).toBeUndefined();
		const calls = items.map((item) => item.json);
		const expected = sandbox.state.db.calls.filter((call) => callMatchesEndpoint(call, 'Employee#2'));
		expect(calls.map((call) => call.call_uuid).sort()).toEqual(expected.map((call) => call.call_uuid).sort());
		const onlyInPath = calls.filter(
			(call) =>
				call.endpoint !== 'Employee#2' &&
				(call.path as IDataObject[]).some((node) => node.endpoint === 'Employee#2'),
		);
		expect(onlyInPath.length).toBeGreaterThan(0);
		expect(onlyInPath.every((call) => String(call.endpoint).startsWith('Reception#'))).toBe(true);
		// The endpoint was never sent: Relatel's own filter is not trusted.
		expect(sandbox.state.requests.every((r) => r.query.endpoint === undefined)).toBe(true);
	});

	it('Download Recording gets the file from the file host, and the token never goes there', async () => {
		const withRecording = sandbox.state.db.calls.find((call) => call.recording);
		expect(withRecording).toBeDefined();
		const recording = withRecording!.recording as IDataObject;
		expect(new URL(String((recording.sound as IDataObject).url)).origin).not.toBe(sandbox.origin);

		const { items, error } = await run({
			resource: 'call',
			operation: 'downloadRecording',
			callId: String(withRecording!.call_uuid),
		});

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			call_uuid: withRecording!.call_uuid,
			has_recording: true,
			recording_id: recording.id,
			recording_duration: recording.duration,
		});
		const file = items[0].binary!.data;
		expect(file.mimeType).toBe('audio/mpeg');
		expect(file.fileName).toBe(`call-${withRecording!.call_uuid}.mp3`);
		const bytes = Buffer.from(file.data, 'base64');
		expect(bytes.subarray(0, 3).toString()).toBe('ID3');
		expect(bytes).toHaveLength(414);
		expect(sandbox.state.fileRequests).toHaveLength(1);
		expect(sandbox.state.fileRequests[0].authorization).toBeUndefined();
		expect(sandbox.state.tokenLeaks ?? 0).toBe(0);
	});

	it('Mark as heard, then Get shows it heard', async () => {
		const unheard = sandbox.state.db.voice_mails.find((v) => v.heard === false);
		expect(unheard).toBeDefined();
		const id = String(unheard!.id);

		const marked = await run({ resource: 'voicemail', operation: 'update', voicemailId: id, heard: true });
		expect(marked.error).toBeUndefined();
		expect(marked.items[0].json).toMatchObject({ id: Number(id), heard: true });

		const got = await run({ resource: 'voicemail', operation: 'get', voicemailId: id });
		expect(got.error).toBeUndefined();
		expect(got.items[0].json).toMatchObject({ id: Number(id), heard: true });

		const unmarked = await run({ resource: 'voicemail', operation: 'update', voicemailId: id, heard: false });
		expect(unmarked.items[0].json).toMatchObject({ id: Number(id), heard: false });
	});

	it('Get Many voicemails: Unheard and Created After are applied, every voicemail once', async () => {
		const all = await run({ resource: 'voicemail', operation: 'getAll', returnAll: true });
		expect(all.error).toBeUndefined();
		const seeded = sandbox.state.db.voice_mails;
		expect(all.items.map((i) => i.json.id).sort()).toEqual(seeded.map((v) => v.id).sort());

		const after = String(seeded[20].created_at);
		const { items, error } = await run({
			resource: 'voicemail',
			operation: 'getAll',
			returnAll: true,
			filters: { heard: 'unheard', createdAfter: after },
		});
		expect(error).toBeUndefined();
		const expected = seeded.filter((v) => !v.heard && Date.parse(String(v.created_at)) >= Date.parse(after));
		expect(items.map((i) => i.json.id).sort()).toEqual(expected.map((v) => v.id).sort());
		expect(sandbox.state.requests.every((r) => r.query.created_at_gt_or_eq === undefined)).toBe(true);
	});

	it('Download Audio of a voicemail', async () => {
		const id = String(sandbox.state.db.voice_mails[0].id);
		const { items, error } = await run({ resource: 'voicemail', operation: 'downloadAudio', voicemailId: id });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ id: Number(id) });
		expect(items[0].binary!.data.fileName).toBe(`voicemail-${id}.mp3`);
		expect(Buffer.from(items[0].binary!.data.data, 'base64').subarray(0, 3).toString()).toBe('ID3');
	});

	it('Delete, then Get gives the 404 error', async () => {
		const id = String(sandbox.state.db.voice_mails[5].id);
		const deleted = await run({ resource: 'voicemail', operation: 'delete', voicemailId: id });
		expect(deleted.error).toBeUndefined();
		expect(deleted.items[0].json).toEqual({ deleted: true, id: Number(id) });

		const { error } = await run({ resource: 'voicemail', operation: 'get', voicemailId: id });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('Not found in Relatel: check the ID');
		expect(error?.httpCode).toBe('404');
	});

	it('a Get Many page that fails with 503 once is asked again, and nothing is lost', async () => {
		const fault: IDataObject = { method: 'GET', path: '^/calls$', status: 503, times: 1 };
		sandbox.state.faults.push(fault);
		const calls = await allCalls();
		expect(fault.fired).toBe(1);
		expect(calls).toHaveLength(sandbox.state.db.calls.length);
		sandbox.state.faults.length = 0;
	});

	it('Dial places the call in Relatel', async () => {
		const { items, error } = await run({
			resource: 'call',
			operation: 'dial',
			toNumber: '+45 71 99 99 99',
			restrictTo: 'mobile',
			additionalFields: { cloakReceptionId: { __rl: true, mode: 'id', value: '21' } },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			message: 'Call initiated successfully',
			to_number: '4571999999',
			restrict_to: 'mobile',
			cloak_reception_id: '21',
		});
		const dials = sandbox.state.requests.filter((r) => r.path === '/api/v2/switch/dial');
		expect(dials).toHaveLength(1);
	});
});

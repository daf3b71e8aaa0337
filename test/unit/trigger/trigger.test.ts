import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { MAX_SEEN } from '../../../nodes/RelatelTrigger/cursor';
import { defaultCredentials } from '../../helpers/harness';
import { createTrigger, emitted, logLines, type TriggerHarness } from '../../helpers/poll';
import { advanceClock, sandboxEvents, useTriggerSandbox, type Sandbox, type SandboxRequest } from '../../helpers/triggerSandbox';

const MINUTE = 60_000;
let sandbox: Sandbox;
useTriggerSandbox((started) => (sandbox = started));

const trigger = (parameters: INodeParameters) =>
	createTrigger({
		parameters,
		baseUrl: sandbox.baseUrl,
		token: sandbox.state.accessToken,
	});
const now = () => sandbox.state.now();
const iso = (ms: number) => sandbox.state.iso(ms);
const listRequests = (path: string) => sandbox.state.requests.filter((r) => r.method === 'GET' && r.path === `/api/v2${path}`);
const ids = (items: IDataObject[], key = 'id') => items.map((item) => String(item[key]));

function call(body: IDataObject) {
	return sandboxEvents.call(sandbox.state, {
		ended: false,
		started_at: iso(now()),
		...body,
	});
}

function endCall(created: IDataObject, body: IDataObject = {}) {
	return sandboxEvents.callEnd(sandbox.state, {
		call_uuid: created.call_uuid,
		at: iso(now()),
		...body,
	});
}

function order(id: number, state: string): IDataObject {
	const created = {
		id,
		type: 'Order::ActivateM2m',
		state,
		pending_tasks: state === 'pending',
		icc_id: null,
		number: null,
		subscription_id: null,
		created_at: iso(now()),
		updated_at: iso(now()),
	};
	sandbox.state.db.m2m_orders.push(created);
	return created;
}

async function activate(t: TriggerHarness) {
	expect(emitted(await t.poll())).toEqual([]);
}

describe('Relatel Trigger: first poll', () => {
	it.each([
		['callStarted', () => call({})],
		[
			'callEnded',
			() =>
				endCall(call({ started_at: iso(now() - 30_000) }), {
					answered: true,
					talk: 10,
				}),
		],
		['missedCall', () => endCall(call({ started_at: iso(now() - 30_000) }))],
		['newVoicemail', () => sandboxEvents.voicemail(sandbox.state, {})],
		['newSms', () => sandboxEvents.sms(sandbox.state, {})],
		['newChat', () => sandboxEvents.chat?.(sandbox.state, {})],
		['newSmiley', () => sandboxEvents.smiley?.(sandbox.state, {})],
		['m2mOrderStateChanged', () => order(9001, 'pending')],
	])('%s: emits nothing, even for an event a second before activation, and saves its position', async (event, make) => {
		make();
		const t = trigger({ event });
		expect(await t.poll()).toBeNull();
		expect(t.staticData()).toMatchObject({ version: 1, event });
		// …and the next poll does not bring that history back either.
		advanceClock(MINUTE);
		expect(await t.poll()).toBeNull();
	});
});

describe('Relatel Trigger: Fetch Test Event (manual mode)', () => {
	it('returns the most recent matching event and leaves the saved state untouched', async () => {
		const t = trigger({ event: 'missedCall' });
		await activate(t);
		const saved = t.staticData();

		advanceClock(MINUTE);
		const missed = endCall(call({ started_at: iso(now() - 50_000), direction: 'incoming' }));
		advanceClock(1000);
		endCall(call({ started_at: iso(now() - 20_000), direction: 'incoming' }), {
			answered: true,
			talk: 5,
		});

		const result = emitted(await t.poll('manual'));
		expect(ids(result, 'call_uuid')).toEqual([missed.call_uuid]);
		expect(result[0]).toMatchObject({ direction: 'incoming', answered: false });
		expect(t.staticData()).toEqual(saved);

		// The event is still new for the active workflow.
		expect(ids(emitted(await t.poll()), 'call_uuid')).toEqual([missed.call_uuid]);
	});

	it('works before the workflow was ever activated, without creating state', async () => {
		const t = trigger({ event: 'newVoicemail', simplify: false });
		const result = emitted(await t.poll('manual'));
		const newest = sandbox.state.db.voice_mails.reduce((a, b) =>
			Date.parse(String(b.created_at)) > Date.parse(String(a.created_at)) ? b : a,
		);
		expect(result).toHaveLength(1);
		expect(result[0].id).toBe(newest.id);
		expect(t.staticData()).toEqual({});
	});

	it('returns null when no event matches', async () => {
		const t = trigger({
			event: 'callEnded',
			endpoint: { __rl: true, mode: 'id', value: 'Employee#999' },
		});
		expect(await t.poll('manual')).toBeNull();
		expect(t.staticData()).toEqual({});
	});

	it('M2M: the newest order with the state n8n remembers for it', async () => {
		const t = trigger({ event: 'm2mOrderStateChanged' });
		order(9001, 'pending');
		await activate(t);
		const saved = t.staticData();
		sandboxEvents.m2mOrderState?.(sandbox.state, {
			id: 9001,
			state: 'completed',
		});
		expect(emitted(await t.poll('manual'))).toEqual([
			expect.objectContaining({
				id: 9001,
				state: 'completed',
				previous_state: 'pending',
			}),
		]);
		expect(t.staticData()).toEqual(saved);
	});

	it('throws errors to the user', async () => {
		const t = trigger({ event: 'callEnded' });
		await activate(t);
		sandbox.state.faults.push({ path: '^/calls$', status: 500, times: 1 });
		await expect(t.poll('manual')).rejects.toThrow('Relatel had a problem on its side (HTTP 500)');
	});
});

describe('Relatel Trigger: calls', () => {
	it('Call Ended fires once for a call that started before the watermark and ends after it', async () => {
		const t = trigger({ event: 'callEnded' });
		const long = call({
			started_at: iso(now() - 60 * MINUTE),
			direction: 'outgoing',
		});
		await activate(t);

		advanceClock(MINUTE);
		expect(await t.poll()).toBeNull(); // still ongoing
		advanceClock(MINUTE);
		endCall(long, { answered: true, talk: 3000 });
		const result = emitted(await t.poll());
		expect(ids(result, 'call_uuid')).toEqual([long.call_uuid]);
		expect(result[0]).toMatchObject({
			started_at: long.started_at,
			ended_at: iso(now()),
			answered: true,
			talk_duration: 3000,
		});
		// The query keys on the end time, not on the start.
		const query = listRequests('/calls').at(-1)?.query ?? {};
		expect(query.ended_at_gt_or_eq).toBeDefined();
		expect(query.started_at_gt_or_eq).toBeUndefined();

		for (let i = 0; i < 3; i++) {
			advanceClock(MINUTE);
			expect(await t.poll()).toBeNull();
		}
	});

	it('endpoint filter: an employee found only in path[] or nodes[], decided here, not by the API', async () => {
		const viaPath = trigger({
			event: 'callEnded',
			endpoint: { __rl: true, mode: 'id', value: 'Employee#3' },
		});
		const viaNodes = trigger({
			event: 'callEnded',
			endpoint: { __rl: true, mode: 'list', value: 'Employee#4' },
		});
		await activate(viaPath);
		await activate(viaNodes);
		advanceClock(MINUTE);
		// Reception#21 → Support (11) → Jane (1): neither 3 nor 4 takes part.
		const other = call({
			direction: 'incoming',
			employee: 1,
			group: 11,
			started_at: iso(now() - 40_000),
		});
		// Reception#22 → Sales (12) → Mette (3); Søren (4) rang too, so he is in nodes[] only.
		const sales = call({
			direction: 'incoming',
			employee: 3,
			group: 12,
			reception: 22,
			started_at: iso(now() - 30_000),
		});
		endCall(other, { answered: true, talk: 5 });
		endCall(sales, { answered: true, talk: 5 });
		const endpoints = (list: unknown) => (list as IDataObject[]).map((n) => n.endpoint);
		expect(sales.endpoint).toBe('Reception#22');
		expect(endpoints(sales.path)).toContain('Employee#3');
		expect(endpoints(sales.path)).not.toContain('Employee#4');
		expect(endpoints(sales.nodes)).toContain('Employee#4');

		expect(ids(emitted(await viaPath.poll()), 'call_uuid')).toEqual([sales.call_uuid]);
		expect(ids(emitted(await viaNodes.poll()), 'call_uuid')).toEqual([sales.call_uuid]);
		for (const request of listRequests('/calls')) expect(request.query.endpoint).toBeUndefined();
	});

	it('Call Started fires when the call starts; direction and answered filters', async () => {
		const started = trigger({
			event: 'callStarted',
			callDirection: 'outgoing',
		});
		const answered = trigger({
			event: 'callEnded',
			callAnswered: 'answered',
			simplify: false,
		});
		const missed = trigger({ event: 'missedCall' });
		for (const t of [started, answered, missed]) await activate(t);
		advanceClock(MINUTE);
		const out = call({
			direction: 'outgoing',
			started_at: iso(now() - 20_000),
		});
		const inMissed = call({
			direction: 'incoming',
			started_at: iso(now() - 10_000),
		});
		expect(ids(emitted(await started.poll()), 'call_uuid')).toEqual([out.call_uuid]);
		expect(listRequests('/calls').at(-1)?.query.direction).toBe('outgoing');

		advanceClock(MINUTE);
		endCall(out, { answered: true, talk: 30 });
		endCall(inMissed);
		const answeredCalls = emitted(await answered.poll());
		expect(ids(answeredCalls, 'call_uuid')).toEqual([out.call_uuid]);
		expect(answeredCalls[0].path).toBeDefined(); // Simplify off: the API object
		expect(ids(emitted(await missed.poll()), 'call_uuid')).toEqual([inMissed.call_uuid]);
		expect(await started.poll()).toBeNull();
	});

	it('many calls sharing one timestamp across a page boundary: each once, oldest first', async () => {
		const t = trigger({ event: 'callStarted' });
		await activate(t);
		advanceClock(MINUTE);
		const at = now() - 10_000;
		const older = Array.from({ length: 60 }, () => call({ started_at: iso(at - 1000) }));
		const same = Array.from({ length: 90 }, () => call({ started_at: iso(at) }));
		const before = listRequests('/calls').length;

		const result = emitted(await t.poll());
		expect(result).toHaveLength(150);
		expect(new Set(ids(result, 'call_uuid'))).toEqual(new Set([...older, ...same].map((c) => String(c.call_uuid))));
		expect(result.slice(0, 60).every((c) => c.started_at === iso(at - 1000))).toBe(true);
		// Page 1: 90 at `at` + 10 older; page 2 from `at - 1 s`: those 10 again + 50 new, a short page.
		const pages = listRequests('/calls').slice(before);
		expect(pages.map((p) => p.query.started_at_lt_or_eq)).toEqual([undefined, iso(at - 1000)]);
		expect(pages.every((p) => p.query.limit === '100')).toBe(true);

		advanceClock(MINUTE);
		expect(await t.poll()).toBeNull();
	});

	it('more records in one second than a page holds: warns once, emits the reachable 100 once, still reads everything older', async () => {
		const t = trigger({ event: 'callStarted' });
		await activate(t);
		advanceClock(MINUTE);
		const at = now() - 10_000;
		const older = Array.from({ length: 20 }, () => call({ started_at: iso(at - 5000) }));
		const burst = Array.from({ length: 130 }, () => call({ started_at: iso(at) }));
		const lines = logLines.length;
		const burstWarnings = () =>
			logLines
				.slice(lines)
				.filter((l) => l.level === 'warn' && l.message.includes(`a whole page of 100 records shares the time ${iso(at)}`));

		const result = emitted(await t.poll());
		// Relatel's inclusive cursor cannot get past one page of a single second: 100 of 130.
		const reached = result.filter((c) => c.started_at === iso(at));
		expect(reached).toHaveLength(100);
		expect(
			result
				.filter((c) => c.started_at === iso(at - 5000))
				.map((c) => c.call_uuid)
				.sort(),
		).toEqual(older.map((c) => c.call_uuid).sort());
		expect(burstWarnings()).toHaveLength(1);
		expect(burstWarnings()[0].message).toContain('beyond these 100 are not emitted');

		// The next polls still meet that second inside the overlap: no repeat, no second warning.
		for (let i = 0; i < 3; i++) {
			advanceClock(MINUTE);
			expect(await t.poll()).toBeNull();
		}
		expect(burstWarnings()).toHaveLength(1);
		const unreachable = burst.length - new Set(reached.map((c) => c.call_uuid)).size;
		// eslint-disable-next-line no-console
		console.log(
			`130 calls in one second: ${reached.length} emitted once, ${unreachable} unreachable through Relatel's paging (documented), 1 warning`,
		);

		// Once it has left the window, a new burst is warned about again.
		advanceClock(10 * MINUTE);
		await t.poll();
		const later = now() - 5000;
		Array.from({ length: 120 }, () => call({ started_at: iso(later) }));
		advanceClock(MINUTE);
		expect(emitted(await t.poll())).toHaveLength(100);
		expect(
			logLines.slice(lines).filter((l) => l.level === 'warn' && l.message.includes('a whole page of 100 records')),
		).toHaveLength(2);
	});
});

describe('Relatel Trigger: voicemails, SMS, smileys, chats', () => {
	it('New Voicemail attaches the audio as binary', async () => {
		const t = trigger({
			event: 'newVoicemail',
			attachAudio: true,
			binaryPropertyName: 'audio',
		});
		await activate(t);
		advanceClock(MINUTE);
		const voicemail = sandboxEvents.voicemail(sandbox.state, {
			from_number: '4561000009',
			duration: 17,
		});
		const result = await t.poll();
		expect(result?.[0]).toHaveLength(1);
		const [item] = result![0];
		expect(item.json).toMatchObject({
			id: voicemail.id,
			from_number: '4561000009',
			duration: 17,
		});
		expect(item.binary?.audio).toMatchObject({
			mimeType: 'audio/mpeg',
			fileName: `voicemail-${voicemail.id}.mp3`,
		});
		expect(Buffer.from(item.binary!.audio.data, 'base64').subarray(0, 3).toString()).toBe('ID3');
		expect(sandbox.state.requests.some((r) => r.path === `/api/v2/voice_mails/${voicemail.id}/sound`)).toBe(true);
	});

	it('New Voicemail reads back past the window without a lower-bound filter', async () => {
		const t = trigger({ event: 'newVoicemail' });
		await activate(t);
		advanceClock(MINUTE);
		const created = Array.from({ length: 130 }, (_, i) =>
			sandboxEvents.voicemail(sandbox.state, {
				created_at: iso(now() - 50_000 + i * 100),
			}),
		);
		const result = emitted(await t.poll());
		expect(ids(result)).toEqual(created.map((v) => String(v.id)));
		for (const request of listRequests('/voice_mails')) expect(request.query.created_at_gt_or_eq).toBeUndefined();
	});

	it('New SMS: incoming, outgoing or both', async () => {
		const incoming = trigger({ event: 'newSms' });
		const outgoing = trigger({ event: 'newSms', smsDirection: 'outgoing' });
		const reception = trigger({
			event: 'newSms',
			smsDirection: 'both',
			endpoint: { __rl: true, mode: 'id', value: 'Reception#22' },
		});
		for (const t of [incoming, outgoing, reception]) await activate(t);
		advanceClock(MINUTE);
		const received = sandboxEvents.sms(sandbox.state, {
			body: 'Hej',
			endpoint: 'Reception#22',
		});
		const response = await fetch(`${sandbox.baseUrl}/messages`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${sandbox.state.accessToken}`,
				'content-type': 'application/json',
			},
			body: JSON.stringify({
				message: { body: 'Tak' },
				to_numbers: ['4561000001'],
			}),
		});
		expect(response.status).toBe(200);
		const sent = sandbox.state.db.messages.at(-1) as IDataObject;
		expect(sent.direction).toBe('outgoing');

		expect(emitted(await incoming.poll())).toEqual([
			expect.objectContaining({
				id: received.id,
				direction: 'incoming',
				body: 'Hej',
			}),
		]);
		expect(ids(emitted(await outgoing.poll()))).toEqual([String(sent.id)]);
		expect(ids(emitted(await reception.poll()))).toEqual([String(received.id)]);
	});

	it('New Smiley: positive only, with a comment (asked of Relatel and checked here)', async () => {
		if (!sandboxEvents.smiley) throw new Error('the sandbox has no smiley events');
		const t = trigger({
			event: 'newSmiley',
			smileyRating: 'positive',
			onlyWithComment: true,
		});
		await activate(t);
		advanceClock(MINUTE);
		const make = (rating: number, comment: string | null) => sandboxEvents.smiley!(sandbox.state, { rating, comment });
		make(0, 'Lang ventetid');
		make(1, null);
		const wanted = make(1, 'Super service');
		expect(emitted(await t.poll())).toEqual([
			expect.objectContaining({
				id: wanted.id,
				rating: 1,
				comment: 'Super service',
			}),
		]);
		expect(listRequests('/smileys').at(-1)?.query).toMatchObject({
			rating: '1',
			commented: 'true',
			limit: '100',
		});
	});

	it('New Chat: warns once when the unpaged list holds only chats from inside the window (it may have been cut short)', async () => {
		if (!sandboxEvents.chat) throw new Error('the sandbox has no chat events');
		const t = trigger({ event: 'newChat' });
		await activate(t);
		const lines = logLines.length;
		const warnings = () => logLines.slice(lines).filter((l) => l.level === 'warn' && l.message.includes("Relatel's list held"));
		// As if Relatel served only the newest chats: none older than the window is listed.
		sandbox.state.db.chats.length = 0;
		advanceClock(MINUTE);
		const chats = Array.from({ length: 12 }, (_, i) =>
			sandboxEvents.chat!(sandbox.state, {
				started_at: iso(now() - 50_000 + i * 1000),
			}),
		);
		expect(ids(emitted(await t.poll()), 'uuid')).toEqual(chats.map((c) => c.uuid));
		expect(warnings()).toHaveLength(1);
		expect(warnings()[0].message).toContain('held 12 records, all inside the window');
		advanceClock(MINUTE);
		sandboxEvents.chat(sandbox.state, {});
		await t.poll();
		expect(warnings()).toHaveLength(1); // still so: not warned again
		// Once the list reaches back past the window again, the condition is over.
		sandboxEvents.chat(sandbox.state, { started_at: iso(now() - 60 * MINUTE) });
		advanceClock(MINUTE);
		expect(await t.poll()).toBeNull();
		expect(t.staticData().notices).toBeUndefined();
	});

	it('New Chat: the chats started since the last poll', async () => {
		if (!sandboxEvents.chat) throw new Error('the sandbox has no chat events');
		const t = trigger({ event: 'newChat' });
		await activate(t);
		advanceClock(MINUTE);
		const a = sandboxEvents.chat(sandbox.state, {
			started_at: iso(now() - 5000),
			from_name: 'Peter Holm',
		});
		const b = sandboxEvents.chat(sandbox.state, {});
		expect(ids(emitted(await t.poll()), 'uuid')).toEqual([a.uuid, b.uuid]);
		advanceClock(MINUTE);
		expect(await t.poll()).toBeNull();
	});
});

describe('Relatel Trigger: M2M Order State Changed', () => {
	it('fires once per change, with the previous state; the first poll only records', async () => {
		if (!sandboxEvents.m2mOrderState) throw new Error('the sandbox has no m2mOrderState event');
		const any = trigger({ event: 'm2mOrderStateChanged' });
		const completed = trigger({
			event: 'm2mOrderStateChanged',
			orderStates: 'completed, failed',
		});
		order(9001, 'pending');
		await activate(any);
		await activate(completed);

		advanceClock(MINUTE);
		sandboxEvents.m2mOrderState(sandbox.state, {
			id: 9001,
			state: 'processing',
		});
		order(9002, 'pending');
		expect(emitted(await any.poll()).map((o) => [o.id, o.previous_state, o.state])).toEqual([
			[9001, 'pending', 'processing'],
			[9002, null, 'pending'],
		]);
		expect(await completed.poll()).toBeNull();

		advanceClock(MINUTE);
		sandboxEvents.m2mOrderState(sandbox.state, {
			id: 9001,
			state: 'completed',
		});
		expect(emitted(await any.poll()).map((o) => [o.id, o.previous_state, o.state])).toEqual([[9001, 'processing', 'completed']]);
		expect(emitted(await completed.poll())).toEqual([
			expect.objectContaining({
				id: 9001,
				type: 'Order::ActivateM2m',
				state: 'completed',
				previous_state: 'processing',
			}),
		]);

		for (let i = 0; i < 3; i++) {
			advanceClock(MINUTE);
			expect(await any.poll()).toBeNull();
			expect(await completed.poll()).toBeNull();
		}
	});
});

describe('Relatel Trigger: failures', () => {
	it('before the first successful poll an error is thrown (the workflow cannot be activated)', async () => {
		sandbox.state.tokens.delete(sandbox.state.accessToken);
		const t = trigger({ event: 'callEnded' });
		await expect(t.poll()).rejects.toThrow('The Relatel token was revoked or is invalid');
		expect(t.staticData()).toEqual({});
	});

	it('after it: logs without the token, keeps the state, returns null, and the next poll loses nothing', async () => {
		const t = trigger({ event: 'newSms', smsDirection: 'both' });
		await activate(t);
		advanceClock(MINUTE);
		const first = sandboxEvents.sms(sandbox.state, { body: 'en' });
		const saved = t.staticData();

		const lines = logLines.length;
		sandbox.state.tokens.delete(sandbox.state.accessToken);
		expect(await t.poll()).toBeNull();
		// The position is unchanged; only the failure is counted.
		expect(t.staticData()).toEqual({
			...saved,
			failures: { count: 1, since: new Date().toISOString() },
		});
		const warning = logLines.slice(lines).find((l) => l.level === 'warn');
		expect(warning?.message).toContain('The Relatel token was revoked or is invalid');
		expect(warning?.message).not.toContain(sandbox.state.accessToken);
		expect(warning?.meta).toBeUndefined();

		// A new token is saved in the credential: everything since the failure arrives once.
		advanceClock(MINUTE);
		const second = sandboxEvents.sms(sandbox.state, { body: 'to' });
		sandbox.state.tokens.add('new-token');
		t.setCredentials(defaultCredentials(sandbox.baseUrl, 'new-token'));
		expect(ids(emitted(await t.poll()))).toEqual([String(first.id), String(second.id)]);
		expect(sandbox.state.requests.at(-1)?.authorization).toBe('Bearer new-token');
		expect(t.staticData().failures).toBeUndefined();
	});

	it('a 500 on the second page: the first page is emitted, the rest follows at the next poll; the failure is counted', async () => {
		const t = trigger({ event: 'callStarted' });
		await activate(t);
		advanceClock(MINUTE);
		const calls = Array.from({ length: 150 }, (_, i) => call({ started_at: iso(now() - 50_000 + i * 200) }));
		sandbox.state.onRequest = (request: SandboxRequest) => {
			if (request.query.started_at_lt_or_eq) sandbox.state.faults.push({ path: '^/calls$', status: 500, times: 1 });
		};
		const lines = logLines.length;
		// The newest page, oldest first.
		const first = ids(emitted(await t.poll()), 'call_uuid');
		expect(first).toEqual(calls.slice(50).map((c) => String(c.call_uuid)));
		expect(t.staticData()).toMatchObject({ backlog: expect.any(Object), failures: { count: 1 } });
		const warnings = logLines.slice(lines).filter((l) => l.level === 'warn');
		expect(warnings.map((l) => l.message)).toEqual([
			expect.stringContaining('or a request failed part-way through'),
			expect.stringContaining('a request failed part-way through this poll. It emitted the 100 events it read before that'),
		]);
		expect(warnings[1].message).toContain('Relatel had a problem on its side (HTTP 500)');
		sandbox.state.onRequest = undefined;

		advanceClock(MINUTE);
		const rest = ids(emitted(await t.poll()), 'call_uuid');
		expect(rest).toEqual(calls.slice(0, 50).map((c) => String(c.call_uuid)));
		expect(t.staticData().backlog).toBeUndefined();
		expect(t.staticData().failures).toBeUndefined();
		advanceClock(MINUTE);
		expect(await t.poll()).toBeNull();
	});

	it('a poll reads the credential once, however many pages and downloads it makes; the next poll reads it again', async () => {
		const t = trigger({ event: 'newVoicemail', attachAudio: true });
		await activate(t);
		advanceClock(MINUTE);
		for (let i = 0; i < 130; i++) sandboxEvents.voicemail(sandbox.state, { created_at: iso(now() - 50_000 + i * 100) });
		const requests = sandbox.state.requests.length;
		const reads = t.credentialReads();
		const items = (await t.poll())![0];
		expect(items).toHaveLength(130);
		expect(items.every((item) => item.binary?.data)).toBe(true);
		// Two pages of voicemails and 130 downloads.
		expect(sandbox.state.requests.length - requests).toBe(132);
		expect(t.credentialReads() - reads).toBe(1);
		advanceClock(MINUTE);
		expect(await t.poll()).toBeNull();
		expect(t.credentialReads() - reads).toBe(2);
	});

	it('changing the event starts over from now instead of reusing the other event’s position', async () => {
		const t = trigger({ event: 'newSms' });
		await activate(t);
		t.node.parameters.event = 'newVoicemail';
		advanceClock(MINUTE);
		sandboxEvents.voicemail(sandbox.state, { created_at: iso(now() - 1000) });
		expect(await t.poll()).toBeNull();
		expect(t.staticData()).toMatchObject({ event: 'newVoicemail' });
	});
});

describe('Relatel Trigger: state stays small', () => {
	it('thousands of events: ids kept stay under the cap, nothing lost or repeated, one warning', async () => {
		const t = trigger({ event: 'callStarted' });
		await activate(t);
		const lines = logLines.length;
		const created: string[] = [];
		const seen: string[] = [];
		let largest = 0;
		for (let poll = 0; poll < 20; poll++) {
			advanceClock(MINUTE);
			// 300 calls a minute, two or three per second: 600 inside the two-minute overlap.
			for (let i = 0; i < 300; i++) created.push(String(call({ started_at: iso(now() - 60_000 + i * 200) }).call_uuid));
			seen.push(...ids(emitted(await t.poll()), 'call_uuid'));
			const state = t.staticData();
			expect(((state.cursor as IDataObject).seen as string[]).length).toBeLessThanOrEqual(MAX_SEEN);
			largest = Math.max(largest, JSON.stringify(state).length);
		}
		// eslint-disable-next-line no-console
		console.log(
			`6000 calls in 20 polls: ${seen.length} emitted, ${created.length - new Set(seen).size} lost, ${seen.length - new Set(seen).size} duplicated, largest state ${largest} bytes`,
		);
		expect(seen).toEqual(created);
		expect(largest).toBeLessThan(25_000);
		// 1 500 calls in the five-minute look-back, more than the 500 ids kept: the window is
		// shortened at every poll, and that is warned about once.
		const warnings = logLines.slice(lines).filter((l) => l.level === 'warn');
		expect(warnings.map((l) => l.message)).toEqual([
			expect.stringContaining(`more than ${MAX_SEEN} events fall inside the 5-minute look-back window`),
		]);
	});
});

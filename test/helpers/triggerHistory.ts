/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * The Relatel Trigger's long simulated histories against the sandbox, for
 * test/unit/trigger/history-*.test.ts: hundreds of polls, events arriving between and during
 * polls, bursts sharing one timestamp across page boundaries, events that become visible
 * late, recordings that appear on calls after Call Ended fired, M2M orders changing state,
 * 429/500 in the middle of paging (the poll emits what it read and goes on from there next
 * time), a revoked token that is later replaced (long enough for
 * the trigger to report its failures to n8n), and Relatel's clock off from n8n's. Every
 * event must come out exactly once, in order.
 */
import type { IDataObject } from 'n8n-workflow';

import { MAX_SEEN } from '../../nodes/RelatelTrigger/cursor';
import { defaultCredentials } from './harness';
import { createTrigger, emitted, logLines, type TriggerHarness } from './poll';
import {
	advanceClock,
	attachRecording,
	createOrder,
	fakeDateOnly,
	sandboxEvents,
	startSandbox,
	type Sandbox,
	type SandboxRequest,
} from './triggerSandbox';

const { deliverSms } = require('../sandbox/routes/message') as {
	deliverSms(state: unknown, message: IDataObject, numbers: string[]): unknown;
};

const POLL_INTERVAL_MS = 60_000;

/** mulberry32: the same history on every run. */
function prng(seed: number) {
	let s = seed | 0;
	return () => {
		s = (s + 0x6d2b79f5) | 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface Watched {
	name: string;
	trigger: TriggerHarness;
	/** The id of an emitted (output) item. */
	idOf(json: IDataObject): string;
	/** The key time of an emitted item; undefined: the event has no order to check (M2M). */
	timeOf?(json: IDataObject): number;
	/** Ids the trigger must emit, from the sandbox's records at the end. */
	expected(): Set<string>;
	/** The key under which a late-visible event was marked. */
	lateKey(id: string): string;
	emitted: string[];
	orderErrors: string[];
	maxSeen: number;
	maxStateBytes: number;
}

interface Tracking {
	/** Ids created by the simulation, per collection. */
	created: Record<string, Set<string>>;
	/** Ids whose key time was set in the past when they appeared (late-visible). */
	late: Set<string>;
	/** Ended calls that got their recording on a later poll, after Call Ended emitted them. */
	recordedLate: Set<string>;
	/** M2M order changes, as `<id>><new state>` (a new order: `<id>>pending`). */
	orderChanges: Set<string>;
}

function endpointsOf(call: IDataObject): unknown[] {
	const nodes = [...((call.path as IDataObject[]) ?? []), ...((call.nodes as IDataObject[]) ?? [])];
	return [call.endpoint, ...nodes.map((node) => node.endpoint)];
}

/** The Call Ended emissions of the calls whose recording appeared late, as a row of its own. */
function lateRecordings(watched: Watched[], recordedLate: Set<string>): Watched {
	const ended = watched.find((w) => w.name === 'Call Ended') as Watched;
	return {
		...ended,
		name: 'Call Ended, late recording',
		expected: () => recordedLate,
		emitted: ended.emitted.filter((id) => recordedLate.has(id)),
	};
}

function report(label: string, watched: Watched[]) {
	const rows = watched.map((w) => {
		const expected = w.expected();
		const counts = new Map<string, number>();
		for (const id of w.emitted) counts.set(id, (counts.get(id) ?? 0) + 1);
		const lost = [...expected].filter((id) => !counts.has(id));
		const duplicated = [...counts.values()].reduce((sum, n) => sum + (n - 1), 0);
		const unexpected = [...counts.keys()].filter((id) => !expected.has(id));
		return {
			event: w.name,
			expected: expected.size,
			emitted: w.emitted.length,
			lost: lost.length,
			duplicated,
			unexpected: unexpected.length,
			outOfOrder: w.orderErrors.length,
			maxSeenIds: w.maxSeen,
			maxStateBytes: w.maxStateBytes,
		};
	});
	// eslint-disable-next-line no-console
	console.log(
		`${label}\n` +
			rows
				.map(
					(r) =>
						`  ${r.event.padEnd(22)} expected ${String(r.expected).padStart(5)}  emitted ${String(r.emitted).padStart(5)}  lost ${r.lost}  duplicated ${r.duplicated}  unexpected ${r.unexpected}  out of order ${r.outOfOrder}  max ids kept ${r.maxSeenIds}  max state ${r.maxStateBytes} B`,
				)
				.join('\n'),
	);
	return rows;
}

export async function runHistory(options: { seed: number; polls: number; skewMs: number }) {
	const random = prng(options.seed);
	const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
	fakeDateOnly('2026-11-10T08:00:00Z');
	const sandbox: Sandbox = await startSandbox({ now: () => Date.now() + options.skewMs });
	const { state } = sandbox;
	const relatelNow = () => state.now();
	const tracking: Tracking = {
		created: { calls: new Set(), voice_mails: new Set(), messages: new Set(), chats: new Set(), smileys: new Set() },
		late: new Set(),
		recordedLate: new Set(),
		orderChanges: new Set(),
	};
	const ongoing: IDataObject[] = [];
	let token = state.accessToken;

	// ---- event makers (Relatel's clock; `lateMs` puts the key time in the past) ----
	const lateBy = () => (random() < 0.25 ? Math.floor(random() * 60_000) : 0);
	/**
	 * Relatel's inclusive cursors cannot page past more records in one second than a page
	 * holds (100; 25 for /messages): the history stays within that, as the API allows.
	 */
	const roomAt = (list: IDataObject[], field: string, at: number, perSecond: number) => {
		const second = (ms: number) => state.iso(ms);
		let t = at;
		while (list.filter((r) => r[field] === second(t)).length >= perSecond) t -= 1000;
		return t;
	};
	const markLate = (id: string, keyMs: number) => {
		// Anything stamped before the current second may appear after a later event was emitted.
		if (keyMs < Date.parse(state.iso(relatelNow()))) tracking.late.add(id);
	};
	const startCall = (at = relatelNow() - lateBy()) => {
		const employee = pick([1, 2, 3, 4]);
		const call = sandboxEvents.call(state, {
			direction: random() < 0.75 ? 'incoming' : 'outgoing',
			started_at: state.iso(roomAt(state.db.calls, 'started_at', at, 99)),
			ended: false,
			employee,
			group: employee <= 2 ? 11 : 12,
			reception: pick([21, 22]),
		});
		tracking.created.calls.add(String(call.call_uuid));
		markLate(String(call.call_uuid), Date.parse(String(call.started_at)));
		ongoing.push(call);
		return call;
	};
	const endCall = () => {
		// Only calls that started at least a second ago, so no call ends in the future.
		const endable = ongoing.filter((c) => Date.parse(String(c.started_at)) <= relatelNow() - 1000);
		if (endable.length === 0) return;
		const call = endable[Math.floor(random() * endable.length)];
		ongoing.splice(ongoing.indexOf(call), 1);
		const started = Date.parse(String(call.started_at));
		const at = Math.max(started + 1000, relatelNow() - lateBy());
		const answered = random() < 0.6;
		sandboxEvents.callEnd(state, { call_uuid: call.call_uuid, answered, talk: answered ? 1 : 0, at: state.iso(at) });
		if (Date.parse(String(call.ended_at)) < Date.parse(state.iso(relatelNow()))) tracking.late.add(`${call.call_uuid}:end`);
	};
	const voicemail = (at = relatelNow() - lateBy()) => {
		const v = sandboxEvents.voicemail(state, { created_at: state.iso(roomAt(state.db.voice_mails, 'created_at', at, 99)), endpoint: pick(['Employee#1', 'Reception#21']) });
		tracking.created.voice_mails.add(String(v.id));
		markLate(String(v.id), Date.parse(String(v.created_at)));
	};
	const sms = (at = relatelNow() - lateBy()) => {
		if (random() < 0.3 && roomAt(state.db.messages, 'created_at', relatelNow(), 24) === relatelNow()) {
			// An SMS sent from Relatel: outgoing, stamped now.
			const before = new Set(state.db.messages.map((m) => String(m.id)));
			deliverSms(state, { body: 'Tak for opkaldet' }, ['4561000001']);
			for (const m of state.db.messages) if (!before.has(String(m.id))) tracking.created.messages.add(String(m.id));
			return;
		}
		const m = sandboxEvents.sms(state, { created_at: state.iso(roomAt(state.db.messages, 'created_at', at, 24)), body: 'Hej' });
		tracking.created.messages.add(String(m.id));
		markLate(String(m.id), Date.parse(String(m.created_at)));
	};
	const chat = (at = relatelNow() - lateBy()) => {
		if (!sandboxEvents.chat) return;
		const c = sandboxEvents.chat(state, { started_at: state.iso(at) });
		tracking.created.chats.add(String(c.uuid));
		markLate(String(c.uuid), Date.parse(String(c.started_at)));
	};
	const smiley = (at = relatelNow() - lateBy()) => {
		if (!sandboxEvents.smiley) return;
		const s = sandboxEvents.smiley(state, { rated_at: state.iso(roomAt(state.db.smileys, 'rated_at', at, 99)) });
		tracking.created.smileys.add(String(s.id));
		markLate(String(s.id), Date.parse(String(s.rated_at)));
	};

	/** A recording appears on an answered call that Call Ended already emitted (still inside the overlap). */
	const recordLate = () => {
		const emittedEnded = new Set(watched.find((w) => w.name === 'Call Ended')?.emitted ?? []);
		const candidates = simCalls().filter(
			(c) => c.answered_at && !c.recording && emittedEnded.has(String(c.call_uuid)) && Date.parse(String(c.ended_at)) > relatelNow() - 3 * 60_000,
		);
		if (candidates.length === 0) return;
		const call = pick(candidates);
		attachRecording(state, call);
		tracking.recordedLate.add(String(call.call_uuid));
	};
	/**
	 * M2M orders: new ones, and one change at a time per order between two polls of the M2M
	 * trigger (it compares states: two changes between polls would show as one).
	 */
	const ordersChangedSincePoll = new Set<string>();
	const NEXT_STATE: Record<string, string[]> = { pending: ['processing'], processing: ['completed', 'failed'] };
	const orderEvent = () => {
		const open = state.db.m2m_orders.filter((o) => NEXT_STATE[String(o.state)] && !ordersChangedSincePoll.has(String(o.id)));
		if (open.length === 0 || random() < 0.3) {
			const order = createOrder(state);
			ordersChangedSincePoll.add(String(order.id));
			tracking.orderChanges.add(`${order.id}>pending`);
			return;
		}
		const order = pick(open);
		const next = pick(NEXT_STATE[String(order.state)]);
		sandboxEvents.m2mOrderState?.(state, { id: order.id, state: next });
		ordersChangedSincePoll.add(String(order.id));
		tracking.orderChanges.add(`${order.id}>${next}`);
	};

	// ---- the triggers, each its own workflow ----
	const make = (parameters: IDataObject) =>
		createTrigger({ parameters: { authentication: 'accessToken', ...parameters } as never, baseUrl: sandbox.baseUrl, token });
	const simCalls = () => state.db.calls.filter((c) => tracking.created.calls.has(String(c.call_uuid)));
	const watch = (
		name: string,
		parameters: IDataObject,
		idOf: (json: IDataObject) => string,
		timeField: string,
		expected: () => Set<string>,
		lateKey: (id: string) => string = (key) => key,
	): Watched => ({
		name,
		lateKey,
		trigger: make(parameters),
		idOf,
		timeOf: timeField ? (json) => Date.parse(String(json[timeField])) : undefined,
		expected,
		emitted: [],
		orderErrors: [],
		maxSeen: 0,
		maxStateBytes: 0,
	});
	const uuid = (json: IDataObject) => String(json.call_uuid);
	const end = (key: string) => `${key}:end`;
	const id = (json: IDataObject) => String(json.id);
	const watched: Watched[] = [
		watch('Call Started', { event: 'callStarted' }, uuid, 'started_at', () => new Set(simCalls().map((c) => String(c.call_uuid)))),
		watch('Call Ended', { event: 'callEnded' }, uuid, 'ended_at', () => new Set(simCalls().filter((c) => c.ended_at).map((c) => String(c.call_uuid))), end),
		watch('Missed Call', { event: 'missedCall' }, uuid, 'ended_at', () =>
			new Set(simCalls().filter((c) => c.direction === 'incoming' && c.ended_at && !c.answered_at).map((c) => String(c.call_uuid))),
			end,
		),
		watch(
			'Call Ended, Employee#3',
			{ event: 'callEnded', endpoint: { __rl: true, mode: 'id', value: 'Employee#3' } },
			uuid,
			'ended_at',
			() => new Set(simCalls().filter((c) => c.ended_at && endpointsOf(c).includes('Employee#3')).map((c) => String(c.call_uuid))),
			end,
		),
		watch('New Voicemail', { event: 'newVoicemail' }, id, 'created_at', () => tracking.created.voice_mails),
		watch('New SMS (both)', { event: 'newSms', smsDirection: 'both' }, id, 'created_at', () => tracking.created.messages),
		watch('New SMS (incoming)', { event: 'newSms', smsDirection: 'incoming' }, id, 'created_at', () =>
			new Set(state.db.messages.filter((m) => tracking.created.messages.has(String(m.id)) && m.direction === 'incoming').map((m) => String(m.id))),
		),
	];
	if (sandboxEvents.chat) {
		watched.push(watch('New Chat', { event: 'newChat' }, (json) => String(json.uuid), 'started_at', () => tracking.created.chats));
	}
	if (sandboxEvents.smiley) {
		watched.push(watch('New Smiley', { event: 'newSmiley' }, id, 'rated_at', () => tracking.created.smileys));
	}
	watched.push(
		watch('M2M Order State Changed', { event: 'm2mOrderStateChanged' }, (json) => `${json.id}>${json.state}`, '', () => tracking.orderChanges),
	);

	// ---- events and faults during polls ----
	let pollInFlight: Watched | undefined;
	state.onRequest = (request: SandboxRequest) => {
		if (!pollInFlight || request.method !== 'GET') return;
		const paging = Object.keys(request.query).some((key) => key.endsWith('_lt_or_eq'));
		// New events land while the trigger is paging (orders not while the M2M trigger reads them).
		const makers = pollInFlight.name.startsWith('M2M') ? [] : [orderEvent];
		if (random() < 0.15) pick([startCall, endCall, voicemail, sms, chat, smiley, recordLate, ...makers])();
		// Relatel fails in the middle of paging: a 500, or a 429 that outlasts the retries.
		if (paging && random() < 0.04) {
			const path = `^${request.path.replace('/api/v2', '')}$`;
			state.faults.push(random() < 0.5 ? { path, status: 500, times: 1 } : { path, status: 429, retryAfter: 0, times: 4 });
		}
		// A 429 that one retry gets past: invisible to the trigger.
		else if (random() < 0.03) {
			state.faults.push({ path: `^${request.path.replace('/api/v2', '')}$`, status: 429, retryAfter: 0, times: 1 });
		}
	};

	/** The saved position: the static data without the count of failed polls. */
	const position = (data: IDataObject) => ({ ...data, failures: undefined });
	const pollAll = async (label: string) => {
		for (const w of watched) {
			pollInFlight = w;
			const before = w.trigger.staticData();
			const logged = logLines.length;
			let result;
			let thrown: Error | undefined;
			try {
				result = await w.trigger.poll();
			} catch (error) {
				thrown = error as Error; // reported to n8n as a failed execution
			} finally {
				pollInFlight = undefined;
			}
			const items = emitted(result ?? null);
			const lines = logLines.slice(logged);
			const failed =
				thrown !== undefined || lines.some((line) => line.level === 'warn' && line.message.includes('this poll failed'));
			// A request failed after the poll had read a page: it emitted that part and saved where it stopped.
			if (lines.some((line) => line.message.includes('a request failed part-way through this poll'))) partial++;
			if (failed) {
				// A failed poll emits nothing and leaves the saved position exactly as it was.
				expect(items).toEqual([]);
				expect(position(w.trigger.staticData())).toEqual(position(before));
				failures++;
				if (thrown) {
					surfaced++;
					expect(`${thrown.message} ${(thrown as { description?: string }).description}`).not.toContain(token);
				}
			} else if (w.name.startsWith('M2M')) {
				ordersChangedSincePoll.clear();
			}
			const timeOf = w.timeOf;
			for (let i = 1; timeOf && i < items.length; i++) {
				if (timeOf(items[i]) < timeOf(items[i - 1])) w.orderErrors.push(`${label}: ${w.idOf(items[i])} within a poll`);
			}
			// A backlog (left by a poll that failed part-way) arrives newest part first: its
			// events are older than those of the poll that left it.
			const fromBacklog = before.backlog !== undefined;
			for (const json of items) {
				const key = w.idOf(json);
				const late = tracking.late.has(w.lateKey(key));
				if (fromBacklog && timeOf) lastOnTime.set(w.name, Math.max(lastOnTime.get(w.name) ?? -Infinity, timeOf(json)));
				else if (!late && timeOf) {
					const last = lastOnTime.get(w.name) ?? -Infinity;
					if (timeOf(json) < last) {
						w.orderErrors.push(`${label}: ${key} (${new Date(timeOf(json)).toISOString()}) after an event of ${new Date(last).toISOString()}`);
					}
					lastOnTime.set(w.name, Math.max(last, timeOf(json)));
				}
				w.emitted.push(key);
			}
			const data = w.trigger.staticData();
			const seen = ((data.cursor as IDataObject | undefined)?.seen as string[] | undefined) ?? [];
			w.maxSeen = Math.max(w.maxSeen, seen.length);
			w.maxStateBytes = Math.max(w.maxStateBytes, JSON.stringify(data).length);
		}
	};
	let failures = 0;
	let surfaced = 0;
	let partial = 0;
	const lastOnTime = new Map<string, number>();

	try {
		// Activation: the first poll records "now" and emits nothing, even with events just before it.
		startCall(relatelNow() - 30_000);
		voicemail(relatelNow() - 20_000);
		sms(relatelNow() - 10_000);
		for (const w of watched) {
			expect(emitted(await w.trigger.poll())).toEqual([]);
			expect(w.trigger.staticData()).toMatchObject({ version: 1 });
		}
		// Those three were before activation: not expected.
		for (const set of Object.values(tracking.created)) set.clear();
		ongoing.length = 0;
		ordersChangedSincePoll.clear();

		for (let tick = 1; tick <= options.polls; tick++) {
			advanceClock(POLL_INTERVAL_MS);
			// Ordinary traffic between polls.
			const n = Math.floor(random() * 4);
			for (let i = 0; i < n; i++) startCall();
			for (let i = 0; i < Math.floor(random() * 4); i++) endCall();
			if (random() < 0.5) voicemail();
			if (random() < 0.6) sms();
			if (random() < 0.3) chat();
			if (random() < 0.3) smiley();
			if (random() < 0.7) orderEvent();
			if (random() < 0.4) orderEvent();
			// Recordings that appear after Call Ended fired for their call.
			if (random() < 0.4) recordLate();

			// Bursts that share one timestamp across a page boundary.
			if (tick % 37 === 0) {
				const t = relatelNow() - 5000;
				for (let i = 0; i < 40; i++) startCall(t - 1000);
				for (let i = 0; i < 99; i++) startCall(t); // 99 at one second: spans pages of 100
				for (let i = 0; i < 60; i++) endCall();
			}
			if (tick % 41 === 0) {
				const t = relatelNow() - 3000;
				for (let i = 0; i < 30; i++) voicemail(t - 1000);
				for (let i = 0; i < 90; i++) voicemail(t);
				for (let i = 0; i < 24; i++) sms(t); // /messages pages hold 25
				for (let i = 0; i < 30; i++) sms(t - 2000);
				for (let i = 0; i < 30; i++) chat(t);
				for (let i = 0; i < 60; i++) smiley(t);
			}
			// Events that show up well after their time (still inside the overlap window).
			if (tick % 13 === 0) {
				voicemail(relatelNow() - 100_000);
				sms(relatelNow() - 100_000);
				chat(relatelNow() - 100_000);
			}
			// Plain faults before a poll.
			if (tick % 29 === 0) state.faults.push({ path: '^/calls$', status: 500, times: 2 });
			if (tick % 23 === 0) state.faults.push({ path: '^/m2m/orders$', status: 500, times: 3 });
			if (tick % 31 === 0) state.faults.push({ path: '^/voice_mails$', status: 429, retryAfter: 0, times: 8 });
			// The token is revoked for 6 polls, then a new one is saved in the credential: from the
			// fifth failed poll in a row on, the trigger reports each failure to n8n.
			if (tick === Math.floor(options.polls / 2)) state.tokens.delete(token);
			if (tick === Math.floor(options.polls / 2) + 6) {
				token = 'a-new-token';
				state.tokens.add(token);
				for (const w of watched) w.trigger.setCredentials(defaultCredentials(sandbox.baseUrl, token));
			}
			await pollAll(`poll ${tick}`);
		}

		// Drain: every call ends, nothing else arrives, faults stop.
		state.onRequest = undefined;
		state.faults.length = 0;
		advanceClock(2000);
		while (ongoing.length > 0) endCall();
		for (let i = 0; i < 4; i++) {
			advanceClock(POLL_INTERVAL_MS);
			await pollAll(`drain ${i}`);
		}

		const rows = report(
			`Relatel Trigger, ${options.polls} polls, Relatel's clock ${options.skewMs >= 0 ? '+' : ''}${options.skewMs / 1000} s, ${failures} failed polls retried (${surfaced} reported to n8n), ${partial} failed part-way (emitted what they read, went on from there)`,
			[...watched, lateRecordings(watched, tracking.recordedLate)],
		);
		// The warnings never carry the token.
		for (const line of logLines) {
			expect(line.message).not.toContain(sandbox.state.accessToken);
			expect(line.message).not.toContain('a-new-token');
		}
		return { rows, failures, surfaced, partial, watched };
	} finally {
		state.onRequest = undefined;
		await sandbox.close();
		jest.useRealTimers();
	}
}

/** Runs one history and asserts: nothing lost, nothing repeated, in order, state bounded. */
export async function expectFlawlessHistory(options: { seed: number; polls: number; skewMs: number }) {
	const { rows, failures, surfaced, partial, watched } = await runHistory(options);
	for (const w of watched) expect({ event: w.name, outOfOrder: w.orderErrors }).toEqual({ event: w.name, outOfOrder: [] });
	expect(failures).toBeGreaterThan(10); // the faults and the revoked token really happened
	expect(partial).toBeGreaterThan(3); // and some hit in the middle of paging
	expect(surfaced).toBeGreaterThanOrEqual(watched.length); // the revoked token outlasted the quiet failures
	for (const row of rows) {
		expect(row.expected).toBeGreaterThan(row.event.includes('late recording') ? 30 : 100);
		expect({ event: row.event, lost: row.lost, duplicated: row.duplicated, unexpected: row.unexpected }).toEqual({
			event: row.event,
			lost: 0,
			duplicated: 0,
			unexpected: 0,
		});
		expect(row.maxSeenIds).toBeLessThanOrEqual(MAX_SEEN);
	}
}

import type { IDataObject } from 'n8n-workflow';

import { MAX_SEEN } from '../../../nodes/RelatelTrigger/cursor';
import { createTrigger, emitted, logLines } from '../../helpers/poll';
import { advanceClock, sandboxEvents, useTriggerSandbox, type Sandbox, type SandboxState } from '../../helpers/triggerSandbox';

/**
 * A backlog bigger than one poll can read within its time budget (Relatel slow, or many
 * events at once): each poll emits what it read, the rest follows over the next polls.
 * Every list page "takes" 2 s of the fake clock and the budget allows about four pages,
 * so 1 200 records take several polls; new and late events keep arriving meanwhile.
 */

const MINUTE = 60_000;
let sandbox: Sandbox;
useTriggerSandbox((started) => (sandbox = started));

interface Case {
	event: string;
	parameters: IDataObject;
	path: string;
	key: string;
	time: string;
	count: number;
	/** A record whose key time is `at` (ms); returns its id, or undefined when it is not an event. */
	make(state: SandboxState, at: number, n: number): string | undefined;
}

const iso = (ms: number) => sandbox.state.iso(ms);

const cases: Case[] = [
	{
		event: 'Call Started',
		parameters: { event: 'callStarted' },
		path: '/calls',
		key: 'call_uuid',
		time: 'started_at',
		count: 1200,
		make: (state, at) => String(sandboxEvents.call(state, { started_at: iso(at), ended: false }).call_uuid),
	},
	{
		// Keyed on ended_at but paged by started_at: the long calls end out of start order.
		event: 'Call Ended',
		parameters: { event: 'callEnded' },
		path: '/calls',
		key: 'call_uuid',
		time: 'ended_at',
		count: 1200,
		make: (state, at, n) => {
			const talk = (n * 37) % 170;
			return String(
				sandboxEvents.call(state, {
					started_at: iso(at - (talk + 1) * 1000),
					answered: true,
					wait: 1,
					talk,
				}).call_uuid,
			);
		},
	},
	{
		// A filter: two calls in three are answered and never match, but are read all the same.
		event: 'Missed Call',
		parameters: { event: 'missedCall' },
		path: '/calls',
		key: 'call_uuid',
		time: 'ended_at',
		count: 1200,
		make: (state, at, n) => {
			const missed = n % 3 === 0;
			const talk = missed ? 0 : (n * 37) % 170;
			const call = sandboxEvents.call(state, {
				direction: 'incoming',
				started_at: iso(at - (talk + 1) * 1000),
				answered: !missed,
				wait: 1,
				talk,
			});
			return missed ? String(call.call_uuid) : undefined;
		},
	},
	{
		event: 'New Voicemail',
		parameters: { event: 'newVoicemail' },
		path: '/voice_mails',
		key: 'id',
		time: 'created_at',
		count: 1200,
		make: (state, at) => String(sandboxEvents.voicemail(state, { created_at: iso(at) }).id),
	},
	{
		// /messages serves 25 a page: 300 SMS take as many polls as 1 200 calls.
		event: 'New SMS',
		parameters: { event: 'newSms', smsDirection: 'both' },
		path: '/messages',
		key: 'id',
		time: 'created_at',
		count: 300,
		make: (state, at) => String(sandboxEvents.sms(state, { created_at: iso(at), body: 'Hej' }).id),
	},
	{
		// Few match (one in six is incoming), so the cursor's cap on ids never shortens the window.
		event: 'New SMS, incoming only',
		parameters: { event: 'newSms', smsDirection: 'incoming' },
		path: '/messages',
		key: 'id',
		time: 'created_at',
		count: 300,
		make: (state, at, n) => {
			const message = sandboxEvents.sms(state, {
				created_at: iso(at),
				body: 'Hej',
			});
			if (n % 6 === 0) return String(message.id);
			message.direction = 'outgoing';
			return undefined;
		},
	},
	{
		event: 'New Smiley',
		parameters: { event: 'newSmiley' },
		path: '/smileys',
		key: 'id',
		time: 'rated_at',
		count: 1200,
		make: (state, at) => String(sandboxEvents.smiley?.(state, { rated_at: iso(at) }).id),
	},
];

const runs = cases.flatMap((c) => [
	{ ...c, traffic: 'ongoing' },
	// Nothing new arrives: the backlog alone must still be worked off (no poll may stall).
	{ ...c, traffic: 'none' },
]);

it.each(runs)(
	'$event, traffic $traffic: a backlog bigger than one poll is worked through over several polls, 0 lost / 0 duplicated',
	async (c) => {
		const t = createTrigger({
			parameters: c.parameters as never,
			baseUrl: sandbox.baseUrl,
			token: sandbox.state.accessToken,
			budgetMs: 10_000,
		});
		const { state } = sandbox;
		expect(emitted(await t.poll())).toEqual([]);
		const expected = new Set<string>();
		let n = 0;
		const make = (at: number) => {
			const id = c.make(state, at, n++);
			if (id) expected.add(id);
		};

		// Five minutes of heavy traffic since activation, a few records per second.
		advanceClock(5 * MINUTE);
		const from = state.now() - 5 * MINUTE + 1000;
		for (let i = 0; i < c.count; i++) make(from + Math.floor((i * (5 * MINUTE - 2000)) / c.count));
		const initial = new Set(expected);

		// Each list page takes 2 s; every third page a new event arrives.
		let pages = 0;
		state.onRequest = (request) => {
			if (request.method !== 'GET' || request.path !== `/api/v2${c.path}`) return;
			advanceClock(2000);
			if (++pages % 3 === 0 && c.traffic === 'ongoing') make(state.now() - 1000);
		};

		const lines = logLines.length;
		const seen: string[] = [];
		let pollsWithBacklog = 0;
		let largestState = 0;
		const perPoll: number[] = [];
		for (let poll = 0; poll < 30; poll++) {
			const items = emitted(await t.poll());
			perPoll.push(items.length);
			const times = items.map((item) => Date.parse(String(item[c.time])));
			expect(times).toEqual([...times].sort((a, b) => a - b)); // oldest first within a poll
			seen.push(...items.map((item) => String(item[c.key])));
			const backlog = t.staticData().backlog;
			largestState = Math.max(largestState, JSON.stringify(t.staticData()).length);
			if (backlog) pollsWithBacklog++;
			// Done once the backlog is gone and all of it came out, while Relatel is still slow.
			else if (pollsWithBacklog > 0 && [...initial].every((id) => seen.includes(id))) break;
			advanceClock(MINUTE);
			if (c.traffic === 'ongoing') {
				// Between polls: a new event, and one Relatel shows 100 s late.
				make(state.now() - 1000);
				make(state.now() - 100_000);
			}
		}
		const slowPolls = perPoll.length;
		const leftBehind = [...initial].filter((id) => !seen.includes(id)).length;
		state.onRequest = undefined;
		for (let i = 0; i < 2; i++) {
			advanceClock(MINUTE);
			seen.push(...emitted(await t.poll()).map((item) => String(item[c.key])));
		}

		const counts = new Map<string, number>();
		for (const id of seen) counts.set(id, (counts.get(id) ?? 0) + 1);
		const lost = [...expected].filter((id) => !counts.has(id)).length;
		const duplicated = [...counts.values()].reduce((sum, k) => sum + k - 1, 0);
		const unexpected = [...counts.keys()].filter((id) => !expected.has(id)).length;
		// eslint-disable-next-line no-console
		console.log(
			`${c.event}, traffic ${c.traffic}: backlog of ${c.count} worked through in ${slowPolls} polls (emitted per poll: ${perPoll.join(', ')}); expected ${expected.size}, emitted ${seen.length}, lost ${lost}, duplicated ${duplicated}, unexpected ${unexpected}, largest state ${largestState} B`,
		);
		expect({ lost, duplicated, unexpected, leftBehind }).toEqual({
			lost: 0,
			duplicated: 0,
			unexpected: 0,
			leftBehind: 0,
		});
		expect(pollsWithBacklog).toBeGreaterThanOrEqual(2);
		expect(largestState).toBeLessThan(25_000);
		expect(t.staticData().backlog).toBeUndefined();
		// The condition is warned about once, not at every poll it lasts.
		const warnings = logLines
			.slice(lines)
			.filter((l) => l.level === 'warn' && l.message.includes('more new events than one poll can read'));
		expect(warnings).toHaveLength(1);
		expect(logLines.slice(lines).filter((l) => l.message.includes('this poll failed'))).toEqual([]);
	},
);

/**
 * Sustained overload: 600 events a minute, more than the slow pages let a poll read. The
 * trigger falls behind for as long as that lasts, but its saved state must stay bounded
 * (it once grew by the ids of every cut window), and once the load eases everything comes
 * out once.
 */
const overloadCases = cases.filter((c) => ['Call Started', 'Call Ended', 'New Voicemail'].includes(c.event));

it.each(overloadCases)(
	'$event: under sustained overload the saved state stays bounded, 0 lost / 0 duplicated',
	async (c) => {
		const t = createTrigger({
			parameters: c.parameters as never,
			baseUrl: sandbox.baseUrl,
			token: sandbox.state.accessToken,
			budgetMs: 10_000,
		});
		const { state } = sandbox;
		expect(emitted(await t.poll())).toEqual([]);
		const expected = new Set<string>();
		let n = 0;
		const make = (at: number) => {
			const id = c.make(state, at, n++);
			if (id) expected.add(id);
		};
		state.onRequest = (request) => {
			if (request.method === 'GET' && request.path === `/api/v2${c.path}`) advanceClock(2000);
		};

		const seen: string[] = [];
		const idsKept: number[] = [];
		let largestState = 0;
		for (let poll = 0; poll < 20; poll++) {
			advanceClock(MINUTE);
			const now = state.now();
			for (let i = 0; i < 600; i++) make(now - MINUTE + 100 * i);
			seen.push(...emitted(await t.poll()).map((item) => String(item[c.key])));
			const data = t.staticData();
			const cursor = data.cursor as IDataObject;
			const backlog = data.backlog as IDataObject | undefined;
			idsKept.push((cursor.seen as string[]).length + ((backlog?.skip as string[] | undefined)?.length ?? 0));
			largestState = Math.max(largestState, JSON.stringify(data).length);
		}
		// The load eases (and Relatel is fast again): the trigger catches up.
		state.onRequest = undefined;
		for (let poll = 0; poll < 10 && (poll < 2 || t.staticData().backlog); poll++) {
			advanceClock(MINUTE);
			seen.push(...emitted(await t.poll()).map((item) => String(item[c.key])));
		}

		const counts = new Map<string, number>();
		for (const id of seen) counts.set(id, (counts.get(id) ?? 0) + 1);
		const lost = [...expected].filter((id) => !counts.has(id)).length;
		const duplicated = [...counts.values()].reduce((sum, k) => sum + k - 1, 0);
		const unexpected = [...counts.keys()].filter((id) => !expected.has(id)).length;
		// eslint-disable-next-line no-console
		console.log(
			`${c.event}, 600 events a minute for 20 polls: ids kept per poll ${idsKept.join(', ')}; expected ${expected.size}, emitted ${seen.length}, lost ${lost}, duplicated ${duplicated}, unexpected ${unexpected}, largest state ${largestState} B`,
		);
		expect({ lost, duplicated, unexpected }).toEqual({ lost: 0, duplicated: 0, unexpected: 0 });
		expect(t.staticData().backlog).toBeUndefined();
		// The cursor's ids plus the backlog's: at most about twice MAX_SEEN (500), whatever the load.
		expect(Math.max(...idsKept)).toBeLessThanOrEqual(2 * MAX_SEEN + 100);
		expect(largestState).toBeLessThan(45_000);
	},
	60_000,
);

/**
 * Calls that end while slow polls page through a backlog and their windows: Call Ended and
 * Missed Call key on the end time but page by the start, so a call still running when its
 * page was read, or a long call that started long ago, ends in a part of the list a poll
 * has already passed (or has not reached yet).
 */
const endingCases = cases.filter((c) => c.event === 'Call Ended' || c.event === 'Missed Call');

it.each(endingCases)('$event: calls that end while slow polls page, 0 lost / 0 duplicated', async (c) => {
	const t = createTrigger({
		parameters: c.parameters as never,
		baseUrl: sandbox.baseUrl,
		token: sandbox.state.accessToken,
		budgetMs: 10_000,
	});
	const { state } = sandbox;
	const missedOnly = c.event === 'Missed Call';
	expect(emitted(await t.poll())).toEqual([]);
	const expected = new Set<string>();
	let n = 0;
	const running: IDataObject[] = [];
	const start = (at: number) =>
		running.push(sandboxEvents.call(state, { direction: 'incoming', started_at: iso(at), ended: false }));
	// Alternately the call that started last and the one that started first.
	const end = () => {
		if (running.length === 0) return;
		running.sort((a, b) => Date.parse(String(a.started_at)) - Date.parse(String(b.started_at)));
		const call = (n++ % 2 === 0 ? running.pop() : running.shift()) as IDataObject;
		const answered = n % 3 !== 0;
		sandboxEvents.callEnd(state, { call_uuid: call.call_uuid, answered, talk: answered ? 1 : 0 });
		if (!missedOnly || !answered) expected.add(String(call.call_uuid));
	};

	advanceClock(5 * MINUTE);
	const from = state.now() - 5 * MINUTE + 1000;
	for (let i = 0; i < c.count; i++) {
		const id = c.make(state, from + Math.floor((i * (5 * MINUTE - 2000)) / c.count), i);
		if (id) expected.add(id);
	}
	const initial = new Set(expected);
	// Long calls that started up to an hour ago, and short ones just now.
	for (let i = 0; i < 40; i++) start(state.now() - ((i * 97) % 60) * MINUTE - 5000);
	for (let i = 0; i < 10; i++) start(state.now() - i * 1000);

	// Each page takes 2 s; meanwhile a call ends and another starts.
	state.onRequest = (request) => {
		if (request.method !== 'GET' || request.path !== `/api/v2${c.path}`) return;
		advanceClock(2000);
		end();
		start(state.now() - 1000);
	};
	const seen: string[] = [];
	let pollsWithBacklog = 0;
	for (let poll = 0; poll < 30; poll++) {
		seen.push(...emitted(await t.poll()).map((item) => String(item[c.key])));
		if (t.staticData().backlog) pollsWithBacklog++;
		else if (pollsWithBacklog > 0 && [...initial].every((id) => seen.includes(id))) break;
		advanceClock(MINUTE);
		for (let i = 0; i < 3; i++) start(state.now() - i * 5000);
		end();
		end();
	}
	// Everything still running ends; Relatel is fast again.
	state.onRequest = undefined;
	advanceClock(2000);
	while (running.length > 0) end();
	for (let i = 0; i < 3; i++) {
		advanceClock(MINUTE);
		seen.push(...emitted(await t.poll()).map((item) => String(item[c.key])));
	}

	const counts = new Map<string, number>();
	for (const id of seen) counts.set(id, (counts.get(id) ?? 0) + 1);
	const lost = [...expected].filter((id) => !counts.has(id)).length;
	const duplicated = [...counts.values()].reduce((sum, k) => sum + k - 1, 0);
	const unexpected = [...counts.keys()].filter((id) => !expected.has(id)).length;
	// eslint-disable-next-line no-console
	console.log(
		`${c.event}, calls ending during slow polls: ${pollsWithBacklog} polls with a backlog; expected ${expected.size}, emitted ${seen.length}, lost ${lost}, duplicated ${duplicated}, unexpected ${unexpected}`,
	);
	expect(pollsWithBacklog).toBeGreaterThanOrEqual(2);
	expect({ lost, duplicated, unexpected }).toEqual({ lost: 0, duplicated: 0, unexpected: 0 });
});

/**
 * Relatel refuses every third page with a 429 and a Retry-After too long to wait for: each
 * poll emits what it read before that, and the next one goes on from there, so the backlog
 * is still worked off (it once was read again from the same place at every poll, for ever).
 */
const refusedCases = cases.filter((c) => ['Call Started', 'Call Ended', 'New SMS'].includes(c.event));

it.each(refusedCases)('$event: a 429 in the middle of every poll does not stop the backlog, 0 lost / 0 duplicated', async (c) => {
	const t = createTrigger({
		parameters: c.parameters as never,
		baseUrl: sandbox.baseUrl,
		token: sandbox.state.accessToken,
		budgetMs: 10_000,
	});
	const { state } = sandbox;
	expect(emitted(await t.poll())).toEqual([]);
	const expected = new Set<string>();
	advanceClock(5 * MINUTE);
	const from = state.now() - 5 * MINUTE + 1000;
	for (let i = 0; i < c.count; i++) {
		const id = c.make(state, from + Math.floor((i * (5 * MINUTE - 2000)) / c.count), i);
		if (id) expected.add(id);
	}
	let pages = 0;
	state.onRequest = (request) => {
		if (request.method !== 'GET' || request.path !== `/api/v2${c.path}`) return;
		if (++pages % 3 === 0) state.faults.push({ path: `^${c.path}$`, status: 429, retryAfter: 120, times: 1 });
	};

	const lines = logLines.length;
	const seen: string[] = [];
	const failureCounts: number[] = [];
	let polls = 0;
	// While Relatel keeps refusing every third page.
	for (; polls < 30 && ![...expected].every((id) => seen.includes(id)); polls++) {
		seen.push(...emitted(await t.poll()).map((item) => String(item[c.key])));
		failureCounts.push(Number((t.staticData().failures as IDataObject | undefined)?.count ?? 0));
		advanceClock(MINUTE);
	}
	state.onRequest = undefined;
	for (let i = 0; i < 2; i++) {
		seen.push(...emitted(await t.poll()).map((item) => String(item[c.key])));
		advanceClock(MINUTE);
	}

	const counts = new Map<string, number>();
	for (const id of seen) counts.set(id, (counts.get(id) ?? 0) + 1);
	const lost = [...expected].filter((id) => !counts.has(id)).length;
	const duplicated = [...counts.values()].reduce((sum, k) => sum + k - 1, 0);
	// eslint-disable-next-line no-console
	console.log(
		`${c.event}, a 429 at every third page: ${c.count} records worked through in ${polls} polls (failures counted: ${failureCounts.join(', ')}); expected ${expected.size}, emitted ${seen.length}, lost ${lost}, duplicated ${duplicated}`,
	);
	expect({ lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
	expect(polls).toBeLessThan(30);
	expect(t.staticData().backlog).toBeUndefined();
	// Each such poll is a failed poll for the count (logged as an error from the fifth on),
	// but it is never thrown: that would throw away what it read.
	expect(failureCounts.slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
	const logged = logLines.slice(lines).filter((l) => l.message.includes('a request failed part-way through this poll'));
	expect(logged.slice(0, 5).map((l) => l.level)).toEqual(['warn', 'warn', 'warn', 'warn', 'error']);
	expect(logged[0].message).toContain('Relatel rate limited the request');
	expect(t.staticData().failures).toBeUndefined();
});

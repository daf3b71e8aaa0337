import type { IDataObject } from 'n8n-workflow';

import { createTrigger, emitted } from '../../helpers/poll';
import { advanceClock, sandboxEvents, useTriggerSandbox, type Sandbox } from '../../helpers/triggerSandbox';

/**
 * Call Ended and Missed Call are keyed on `ended_at` but Relatel pages calls by `started_at`.
 * A poll that runs out of time while calls end meanwhile: a call that started recently is
 * still running when the first page is read, ends while older pages are read, and a later
 * page brings a long call that ended even later. Neither may be lost when the poll cuts
 * its window, on the first poll (activation) or on a later one.
 */

const MINUTE = 60_000;
let sandbox: Sandbox;
useTriggerSandbox((started) => (sandbox = started));

const iso = (ms: number) => sandbox.state.iso(ms);

interface Case {
	event: string;
	/** Extra fields of the calls that must fire (Missed Call: incoming, not answered). */
	answered: boolean;
}

const cases: Case[] = [
	{ event: 'callEnded', answered: true },
	{ event: 'missedCall', answered: false },
];

/**
 * 600 calls that ended inside [from, to] (matching the event: answered for Call Ended,
 * missed for Missed Call), each started up to 100 s before it ended; returns the start
 * time of a call on the third page of the calls that ended from `from` on (newest start
 * first, 100 a page).
 */
function endedCalls(from: number, to: number, answered: boolean): number {
	const { state } = sandbox;
	for (let i = 0; i < 600; i++) {
		const ended = from + Math.floor((i * (to - from)) / 600);
		const talk = answered ? 1 + ((i * 37) % 100) : 0;
		const wait = answered ? 1 : 1 + ((i * 37) % 100);
		sandboxEvents.call(state, {
			direction: 'incoming',
			started_at: iso(ended - (talk + wait) * 1000),
			answered,
			wait,
			talk,
		});
	}
	return thirdPageStart(from);
}

function thirdPageStart(endedFrom: number): number {
	const starts = sandbox.state.db.calls
		.filter((c) => c.ended_at && Date.parse(String(c.ended_at)) >= endedFrom)
		.map((c) => Date.parse(String(c.started_at)))
		.sort((a, b) => b - a);
	return starts[230];
}

/**
 * The slow poll: each page of /calls takes 2 s (the budget allows three). The recent call
 * ends while the second page is requested, the long one while the third is: the long one
 * started where the third page reads it, just after it ended.
 */
function slowPaging(recent: IDataObject, long: IDataObject, answered: boolean) {
	let pages = 0;
	sandbox.state.onRequest = (request) => {
		if (request.method !== 'GET' || request.path !== '/api/v2/calls') return;
		advanceClock(2000);
		pages++;
		const talk = answered ? 1 : 0;
		if (pages === 2) sandboxEvents.callEnd(sandbox.state, { call_uuid: recent.call_uuid, answered, talk });
		if (pages === 3) sandboxEvents.callEnd(sandbox.state, { call_uuid: long.call_uuid, answered, talk });
	};
	return () => pages;
}

function running(startedAt: number): IDataObject {
	return sandboxEvents.call(sandbox.state, { direction: 'incoming', started_at: iso(startedAt), ended: false });
}

function tally(expected: string[], seen: string[]) {
	const counts = new Map<string, number>();
	for (const id of seen) counts.set(id, (counts.get(id) ?? 0) + 1);
	return {
		lost: expected.filter((id) => !counts.has(id)),
		duplicated: [...counts.values()].reduce((sum, n) => sum + n - 1, 0),
		unexpected: [...counts.keys()].filter((id) => !expected.includes(id)),
	};
}

describe.each(cases)('$event: calls that end while a slow poll pages', ({ event, answered }) => {
	const trigger = () =>
		createTrigger({ parameters: { event }, baseUrl: sandbox.baseUrl, token: sandbox.state.accessToken, budgetMs: 10_000 });
	const ids = (items: IDataObject[]) => items.map((call) => String(call.call_uuid));

	it('on the first poll (activation): the call it could not read fires once, later', async () => {
		const now = sandbox.state.now();
		const thirdPage = endedCalls(now - 4 * MINUTE, now - 10_000, answered);
		const recent = running(now - 5000);
		const long = running(thirdPage);
		const pages = slowPaging(recent, long, answered);
		const t = trigger();

		expect(emitted(await t.poll())).toEqual([]);
		expect(pages()).toBeGreaterThanOrEqual(3);
		expect(Date.parse(String(long.ended_at))).toBeGreaterThan(Date.parse(String(recent.ended_at)));

		sandbox.state.onRequest = undefined;
		const seen: string[] = [];
		for (let i = 0; i < 3; i++) {
			advanceClock(MINUTE);
			seen.push(...ids(emitted(await t.poll())));
		}
		// The long call was read by the activation poll: like everything it reads, it is the
		// starting point. The recent one ended after its page was read: it is new.
		expect(seen).toEqual([String(recent.call_uuid)]);
	});

	it('on a later poll, after more events than the trigger keeps ids for: every call fires once', async () => {
		const t = trigger();
		expect(emitted(await t.poll())).toEqual([]);
		advanceClock(MINUTE);
		// 600 calls end within a minute: the next poll emits them and, to keep at most 500
		// ids, looks back less far than usual.
		const now = sandbox.state.now();
		endedCalls(now - 55_000, now - 1000, answered);
		const burst = ids(sandbox.state.db.calls.filter((c) => c.ended_at && Date.parse(String(c.ended_at)) >= now - 55_000));
		const seen = ids(emitted(await t.poll()));
		expect(seen).toHaveLength(600);

		advanceClock(MINUTE);
		const since = Date.parse(String((t.staticData().cursor as IDataObject).since));
		const recent = running(sandbox.state.now() - 5000);
		const long = running(thirdPageStart(since));
		const pages = slowPaging(recent, long, answered);
		seen.push(...ids(emitted(await t.poll())));
		expect(pages()).toBeGreaterThanOrEqual(3);
		expect(t.staticData().backlog).toBeDefined();
		expect(Date.parse(String(long.ended_at))).toBeGreaterThan(Date.parse(String(recent.ended_at)));

		sandbox.state.onRequest = undefined;
		for (let i = 0; i < 4; i++) {
			advanceClock(MINUTE);
			seen.push(...ids(emitted(await t.poll())));
		}
		const expected = [...burst, String(recent.call_uuid), String(long.call_uuid)];
		const { lost, duplicated, unexpected } = tally(expected, seen);
		// eslint-disable-next-line no-console
		console.log(
			`${event}, calls ending during a slow poll: expected ${expected.length}, emitted ${seen.length}, lost ${lost.length}, duplicated ${duplicated}, unexpected ${unexpected.length}`,
		);
		expect({ lost, duplicated, unexpected }).toEqual({ lost: [], duplicated: 0, unexpected: [] });
	});
});

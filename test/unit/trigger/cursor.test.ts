import {
	backlogItems,
	continueBacklog,
	cutWindow,
	forgetPassed,
	loadBacklog,
	saveBacklog,
	sinceAfterCut,
} from '../../../nodes/RelatelTrigger/backlog';
import {
	advance,
	freshItems,
	initialCursor,
	loadCursor,
	MAX_SEEN,
	OVERLAP_MS,
	saveCursor,
	type Cursor,
} from '../../../nodes/RelatelTrigger/cursor';
import { diffOrders } from '../../../nodes/RelatelTrigger/orderStates';

const T = Date.parse('2026-11-10T10:00:00Z');
const at = (seconds: number) => T + seconds * 1000;
const item = (id: string | number, seconds: number) => ({
	id: String(id),
	time: at(seconds),
});

describe('cursor: which items are new', () => {
	it('starts one overlap window before the first poll, with nothing seen', () => {
		expect(initialCursor(T)).toEqual({ since: T - OVERLAP_MS, seen: [] });
	});

	it('emits unseen items at or after since, oldest first, each id once', () => {
		const cursor: Cursor = { since: at(0), seen: ['2'] };
		const items = [item(5, 30), item(4, 10), item(2, 10), item(3, 0), item(1, -1), item(4, 10)];
		expect(freshItems(cursor, items).map((i) => i.id)).toEqual(['3', '4', '5']);
	});

	it('orders equal times by numeric id, and keeps the given order for other ids', () => {
		const cursor: Cursor = { since: at(0), seen: [] };
		expect(freshItems(cursor, [item(12, 5), item(3, 5), item(7, 1)]).map((i) => i.id)).toEqual(['7', '3', '12']);
		expect(freshItems(cursor, [item('b', 5), item('a', 5)]).map((i) => i.id)).toEqual(['b', 'a']);
	});
});

describe('cursor: where the next poll starts', () => {
	it('trails the newest event by the overlap, and remembers the ids inside that window', () => {
		const cursor: Cursor = { since: at(-1000), seen: [] };
		const matched = [item('old', -250), item('a', 50), item('b', 100)];
		const next = advance(cursor, matched, [at(-250), at(50), at(100), at(110)], at(200)).cursor;
		// newest fetched (matching or not) is 110 s; pollStart 200 s is later, so Relatel's time wins
		expect(next.since).toBe(at(110) - OVERLAP_MS);
		expect(next.seen.sort()).toEqual(['a', 'b']);
	});

	it("never runs ahead of n8n's clock when Relatel's clock is ahead", () => {
		const next = advance({ since: at(0), seen: [] }, [item('x', 500)], [at(500)], at(300)).cursor;
		expect(next.since).toBe(at(300) - OVERLAP_MS);
		expect(next.seen).toEqual(['x']);
	});

	it('stays put when nothing was fetched, and never moves back', () => {
		const cursor: Cursor = { since: at(1000), seen: ['keep'] };
		expect(advance(cursor, [], [], at(5000))).toEqual({
			cursor: { since: at(1000), seen: [] },
		});
		expect(advance(cursor, [item('z', 900)], [at(900)], at(5000)).cursor.since).toBe(at(1000));
	});

	it('keeps at most MAX_SEEN ids by moving since past the oldest ones', () => {
		const matched = Array.from({ length: MAX_SEEN + 250 }, (_, i) => item(i, Math.floor(i / 10)));
		const { cursor: next, cut } = advance(
			{ since: at(-1000), seen: [] },
			matched,
			matched.map((m) => m.time),
			at(100),
			{
				overlapMs: 10 * 60_000,
			},
		);
		// It says so (the poll logs a warning once).
		expect(cut).toBe(next.since - 1);
		expect(next.seen.length).toBeLessThanOrEqual(MAX_SEEN);
		// Nothing at or before `since` can come back, nothing after it is forgotten.
		const remembered = new Set(next.seen);
		for (const m of matched) expect(remembered.has(m.id)).toBe(m.time >= next.since);
		// And no id it forgot can be emitted again.
		expect(freshItems(next, matched)).toEqual([]);
	});

	it('lets go of a whole second that does not fit', () => {
		const matched = Array.from({ length: 30 }, (_, i) => item(i, 0));
		const next = advance({ since: at(-10), seen: [] }, matched, [at(0)], at(1), { maxSeen: 20 });
		expect(next).toEqual({
			cursor: { since: at(0) + 1, seen: [] },
			cut: at(0),
		});
		expect(freshItems(next.cursor, matched)).toEqual([]);
	});

	it('round-trips through static data as plain JSON', () => {
		const cursor: Cursor = { since: at(3), seen: ['a', 'b'] };
		const saved = JSON.parse(JSON.stringify(saveCursor(cursor)));
		expect(saved).toEqual({
			since: '2026-11-10T10:00:03.000Z',
			seen: ['a', 'b'],
		});
		expect(loadCursor(saved)).toEqual(cursor);
		expect(loadCursor({ since: 'yesterday', seen: [] })).toBeUndefined();
		expect(loadCursor(undefined)).toBeUndefined();
	});
});

describe('M2M order states', () => {
	const order = (id: number, state: string) => ({
		id,
		type: 'Order::ActivateM2m',
		state,
	});

	it('records on the first poll, then reports each change once, and new orders from null', () => {
		const first = diffOrders(undefined, [order(1, 'pending'), order(2, 'completed')]);
		expect(first.changes).toEqual([]);
		expect(first.memory).toEqual({
			states: { '1': 'pending', '2': 'completed' },
		});

		const second = diffOrders(first.memory, [order(1, 'completed'), order(2, 'completed'), order(3, 'pending')]);
		expect(second.changes.map((c) => [c.order.id, c.previousState, c.order.state])).toEqual([
			[1, 'pending', 'completed'],
			[3, null, 'pending'],
		]);
		expect(diffOrders(second.memory, [order(1, 'completed'), order(2, 'completed'), order(3, 'pending')]).changes).toEqual([]);
	});

	it('stays bounded: beyond the cap the lowest ids are let go and ignored, not reported as new', () => {
		const orders = Array.from({ length: 30 }, (_, i) => order(i + 1, 'completed'));
		const first = diffOrders(undefined, orders, 10);
		expect(Object.keys(first.memory.states)).toHaveLength(10);
		expect(first.memory.floor).toBe('21');
		const again = diffOrders(first.memory, orders, 10);
		expect(again.changes).toEqual([]);
		const changed = diffOrders(again.memory, [...orders.slice(0, 29), order(30, 'failed'), order(31, 'pending')], 10);
		expect(changed.changes.map((c) => c.order.id)).toEqual([30, 31]);
		expect(Object.keys(changed.memory.states)).toHaveLength(10);
	});
});

describe('backlog: the part of a window a poll could not read in time', () => {
	const stop = { before: '2026-11-10T10:00:10Z', ids: ['b1', 'b2'] };

	it('the window starts above everything unread: past `before` in a list ordered by event time', () => {
		expect(sinceAfterCut(true, stop, at(-300), at(-240), at(60))).toBe(at(10) + 1);
		// …or where it would have gone anyway, if that is higher.
		expect(sinceAfterCut(true, stop, at(-300), at(100), at(400))).toBe(at(100));
	});

	it("ended calls (start order): the usual overlap while it moves forward, else the first page's newest end time", () => {
		expect(sinceAfterCut(false, stop, at(-300), at(-240), at(30))).toBe(at(-240));
		// Not after the newest end time read: a call that ended after the first page was read has at least that end time.
		expect(sinceAfterCut(false, stop, at(-300), at(-300), at(30))).toBe(at(30));
		// Never back; without a first page to go by, where it was.
		expect(sinceAfterCut(false, stop, at(-300), at(-300), at(-400))).toBe(at(-300));
		expect(sinceAfterCut(false, stop, at(-300), at(-300), undefined)).toBe(at(-300));
	});

	it('advance never moves since past the ceiling (the time Relatel had reached when the read began)', () => {
		const cursor: Cursor = { since: at(-300), seen: [] };
		const matched = [item('a', 10), item('b', 400), item('c', 500)];
		const times = matched.map((m) => m.time);
		expect(advance(cursor, matched, times, at(900), { ceiling: at(100) }).cursor).toEqual({
			since: at(100),
			seen: ['c', 'b'],
		});
		// The id cap cannot push it past the ceiling either: more ids are kept then.
		const many = Array.from({ length: 30 }, (_, i) => item(i, 200 + i));
		const manyTimes = many.map((m) => m.time);
		const capped = advance(cursor, many, manyTimes, at(230), { maxSeen: 10, ceiling: at(210) });
		expect(capped.cursor.since).toBe(at(210));
		expect(capped.cursor.seen).toHaveLength(20);
		expect(capped.cut).toBe(at(210) - 1);
		expect(advance(cursor, many, manyTimes, at(230), { maxSeen: 10 }).cursor.seen).toHaveLength(10);
	});

	it('cutting a window: the old ids not read yet go into the backlog, and for ended calls into the window too', () => {
		const before: Cursor = { since: at(-300), seen: ['old1', 'old2', 'read'] };
		const next: Cursor = { since: at(11), seen: ['new1'] };
		const read = new Set(['read', 'new1', 'b1', 'b2']);
		// Ordered by event time: the unread ones are at or below `before`, below the new since.
		expect(cutWindow(before, next, stop, read, true).cursor).toEqual({ since: at(11), seen: ['new1'] });
		const { cursor, backlog } = cutWindow(before, next, stop, read, false);
		expect(cursor).toEqual({ since: at(11), seen: ['new1', 'old1', 'old2'] });
		expect(backlog).toEqual({
			floor: at(-300),
			before: stop.before,
			skip: ['old1', 'old2', 'b1', 'b2'],
		});

		// The backlog emits what is below the window's since, not skipped, oldest first, once.
		const items = [
			item('b1', 10),
			item('x', 5),
			item('old1', -200),
			item('y', -250),
			item('x', 5),
			item('z', 20),
			item('w', -400),
		];
		expect(backlogItems(backlog, cursor.since, items).map((i) => i.id)).toEqual(['y', 'x']);

		// Paging on: ids read now cannot come again; the new boundary's can.
		const on = continueBacklog(
			backlog,
			{ before: '2026-11-10T09:58:00Z', ids: ['c1'] },
			new Set(['old1', 'b1', 'b2', 'y', 'c1']),
		);
		expect(on).toEqual({
			floor: at(-300),
			before: '2026-11-10T09:58:00Z',
			skip: ['old2', 'c1'],
		});

		// The window forgets the ids the backlog read below its since; those above it stay.
		expect(forgetPassed(cursor, [item('old1', -200), item('new1', 12), item('y', -250)])).toEqual({
			since: at(11),
			seen: ['new1', 'old2'],
		});
	});

	it('round-trips through static data as plain JSON', () => {
		const backlog = { floor: at(-300), before: stop.before, skip: ['a'] };
		const saved = JSON.parse(JSON.stringify(saveBacklog(backlog)));
		expect(saved).toEqual({
			floor: '2026-11-10T09:55:00.000Z',
			before: stop.before,
			skip: ['a'],
		});
		expect(loadBacklog(saved)).toEqual(backlog);
		expect(loadBacklog({ floor: 'x', before: stop.before, skip: [] })).toBeUndefined();
		expect(loadBacklog({ floor: saved.floor, before: 'later', skip: [] })).toBeUndefined();
		expect(loadBacklog(undefined)).toBeUndefined();
	});
});

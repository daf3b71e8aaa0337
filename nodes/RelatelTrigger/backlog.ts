/**
 * The backlog: the older part of a window that a poll could not page through within its
 * time budget (or before a request failed). Pure functions, no I/O.
 *
 * Relatel pages newest first, so a poll that stops early has read the newest part of its
 * window, down to `before`. It emits that part, and the window's `since` moves up past
 * everything it did not read (`sinceAfterCut`): the unread rest, from the old `since`
 * (`floor`) up, is the backlog. The next polls page on through it from `before`, before
 * reading the window again, so a backlog of any size is worked through a budget at a
 * time, newest part first, and the window never has to read the same backlog again.
 *
 * Who emits what, so nothing comes twice: the backlog emits the items with an event time
 * from `floor` up to (not including) the cursor's `since`; everything at or after `since`
 * belongs to the window. The cursor's `since` does not move while a backlog is open. `skip`
 * holds the ids at or below `before` that were emitted already: the cursor's ids from
 * before the cut that paging has not passed, and the boundary records at `before` itself.
 *
 * The price: while a backlog is open, an event that Relatel lists late, with a time below
 * the window's new `since`, is caught only if paging has not passed it yet.
 *
 * State: one backlog is open at a time (a new one only starts from a window read, which
 * happens once it is done). `skip` holds at most the cursor's ids from before the cut plus
 * one page. The cursor keeps at most MAX_SEEN ids (bar the rare excess CursorLimits.ceiling
 * allows): for ended calls these include the ids from before the cut that paging has not
 * passed (they may have ended above `since`; the window keeps correspondingly fewer ids of
 * its own), each dropped as soon as the backlog reads it with a time below `since`
 * (`forgetPassed`).
 */
import type { Cursor, Keyed } from './cursor';
import { freshItems } from './cursor';
import type { FetchStop } from './fetch';

export interface Backlog {
	/** Epoch ms: the lowest event time of the backlog (the cursor's `since` when it was cut). */
	floor: number;
	/** The paging cursor's value where reading goes on (inclusive). */
	before: string;
	/** Ids at or below `before` that were emitted already. */
	skip: string[];
}

function unique(ids: string[]): string[] {
	return [...new Set(ids)];
}

/**
 * The window's `since` after a read that stopped at `stop`, given `advanced`, the `since`
 * the cursor would move to anyway. The window must not keep unread items it would only
 * fail to reach again, or the next polls could stall; nor may it pass an item it has not read:
 * - In a list ordered by the event time the unread items are at or before `before`, so
 *   the window starts above it; the backlog takes the rest. Anything newer that appears
 *   meanwhile is newer than `before`.
 * - Ended calls come in start order: an unread call may have ended at any time, and a call
 *   read as still running may end while older pages are read. The window keeps its usual
 *   overlap (unread calls in it are read by its next read) as long as that moves `since`
 *   forward; `advanced` never passes `firstPageNewest`, the newest end time on the read's
 *   first page (CursorLimits.ceiling): a call that ends after the first page was read has at
 *   least that end time (Relatel's clock had reached it), so the window reads it next time.
 *   When the overlap would not move `since`, the window starts at `firstPageNewest`: every
 *   call that ended before it was read now or is in the backlog. Without it, the window
 *   stays where it was.
 */
export function sinceAfterCut(
	orderedByEventTime: boolean,
	stop: FetchStop,
	cursorSince: number,
	advanced: number,
	firstPageNewest: number | undefined,
): number {
	if (orderedByEventTime) return Math.max(advanced, Date.parse(stop.before) + 1);
	if (advanced > cursorSince) return advanced;
	return Math.max(cursorSince, firstPageNewest ?? cursorSince);
}

/**
 * A window read that stopped at `stop`: the backlog it leaves, and the cursor to save.
 * `cursor` is the cursor before the poll, `next` the one advanced over what was read
 * (from `sinceAfterCut`). The ids of `cursor` that the read did not reach go into the
 * backlog's `skip`: it must not emit them again. In a list ordered by the event time they
 * are at or below `before`, below `next.since`: the window never reads them again. An
 * unread ended call may have ended at or after `next.since`, so for ended calls they stay
 * in the cursor too, until the backlog reads them (`forgetPassed`).
 */
export function cutWindow(
	cursor: Cursor,
	next: Cursor,
	stop: FetchStop,
	readIds: Set<string>,
	orderedByEventTime: boolean,
): { cursor: Cursor; backlog: Backlog } {
	// An id read in this poll sits above `before` (or is a boundary id): it cannot come again.
	const unread = cursor.seen.filter((id) => !readIds.has(id));
	return {
		cursor: { since: next.since, seen: orderedByEventTime ? next.seen : unique([...next.seen, ...unread]) },
		backlog: { floor: cursor.since, before: stop.before, skip: unique([...unread, ...stop.ids]) },
	};
}

/**
 * The cursor without the ids the backlog just read with a time below `since`: the window
 * never reads those again, so it need not remember them.
 */
export function forgetPassed(cursor: Cursor, read: Keyed[]): Cursor {
	const passed = new Set(read.filter((item) => item.time < cursor.since).map((item) => item.id));
	if (passed.size === 0) return cursor;
	return { since: cursor.since, seen: cursor.seen.filter((id) => !passed.has(id)) };
}

/** The backlog after paging on through it stopped again at `stop`. */
export function continueBacklog(backlog: Backlog, stop: FetchStop, readIds: Set<string>): Backlog {
	return {
		floor: backlog.floor,
		before: stop.before,
		skip: unique([...backlog.skip.filter((id) => !readIds.has(id)), ...stop.ids]),
	};
}

/** The backlog's items to emit: from `floor` to before `cursorSince`, not skipped, each once, oldest first. */
export function backlogItems<T extends Keyed>(backlog: Backlog, cursorSince: number, items: T[]): T[] {
	return freshItems(
		{ since: backlog.floor, seen: backlog.skip },
		items.filter((item) => item.time < cursorSince),
	);
}

/** The backlog as saved in static data (plain JSON), and back. */
export interface SavedBacklog {
	floor: string;
	before: string;
	skip: string[];
}

export function saveBacklog(backlog: Backlog): SavedBacklog {
	return { floor: new Date(backlog.floor).toISOString(), before: backlog.before, skip: [...backlog.skip] };
}

export function loadBacklog(saved: unknown): Backlog | undefined {
	if (!saved || typeof saved !== 'object') return undefined;
	const { floor, before, skip } = saved as Partial<SavedBacklog>;
	const ms = typeof floor === 'string' ? Date.parse(floor) : NaN;
	if (!Number.isFinite(ms) || typeof before !== 'string' || !Number.isFinite(Date.parse(before))) return undefined;
	if (!Array.isArray(skip)) return undefined;
	return { floor: ms, before, skip: skip.map(String) };
}

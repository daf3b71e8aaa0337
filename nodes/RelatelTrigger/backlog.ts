/**
 * The backlog: the older part of a window that a poll could not page through within its
 * time budget. Pure functions, no I/O.
 *
 * Relatel pages newest first, so a poll that runs out of time has read the newest part of
 * its window, down to `before`. It emits that part, and the window's `since` moves up past
 * everything it did not read (`sinceAfterCut`): the unread rest, from the old `since`
 * (`floor`) up, is the backlog. The next polls page on through it from `before`, before
 * reading the window again, so a backlog of any size is worked through a budget at a
 * time, newest part first, and the window never has to read the same backlog again.
 *
 * Who emits what, so nothing comes twice: the backlog emits the items with an event time
 * from `floor` up to (not including) the cursor's `since`; everything at or after `since`
 * belongs to the window. The cursor does not move while a backlog is open. `skip` holds
 * the ids at or below `before` that were emitted already: the cursor's ids from before
 * the cut that paging has not passed, and the boundary records at `before` itself.
 *
 * The price: while a backlog is open, an event that Relatel lists late, with a time below
 * the window's new `since`, is caught only if paging has not passed it yet.
 *
 * State: `skip` holds at most the cursor's ids plus one page, and one backlog is open at
 * a time (a new one only starts from a window read, which happens once it is done).
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
 * The window's lowest `since` after a read that stopped at `stop`, given `advanced`, the
 * `since` the cursor would move to anyway. The window must not keep unread items it
 * would only fail to reach again, or the next polls could stall:
 * - In a list ordered by the event time the unread items are at or before `before`, so
 *   the window starts above it; the backlog takes the rest.
 * - Ended calls come in start order: an unread call may have ended at any time. The
 *   window keeps its usual overlap (unread calls in it are read by its next read) as long
 *   as that moves `since` forward; when it would not, the window starts after the newest
 *   event read, so the next read is small. A call ending meanwhile is newer than that.
 */
export function sinceAfterCut(
	orderedByEventTime: boolean,
	stop: FetchStop,
	fetchedTimes: number[],
	cursorSince: number,
	advanced: number,
): number {
	if (orderedByEventTime) return Math.max(advanced, Date.parse(stop.before) + 1);
	if (advanced > cursorSince) return advanced;
	return fetchedTimes.reduce((a, b) => Math.max(a, b), cursorSince) + 1;
}

/**
 * A window read that stopped at `stop`: the backlog it leaves, and the cursor to save.
 * `cursor` is the cursor before the poll, `next` the one advanced over what was read
 * (from at least `sinceAfterCut`).
 * The ids of `cursor` that the read did not reach go into both: the backlog must not emit
 * them again, and neither must the window once it reads them (they may be newer than
 * `next.since`; ids older than `since` in `seen` are harmless and dropped by the next advance).
 */
export function cutWindow(
	cursor: Cursor,
	next: Cursor,
	stop: FetchStop,
	readIds: Set<string>,
): { cursor: Cursor; backlog: Backlog } {
	// An id read in this poll sits above `before` (or is a boundary id): it cannot come again.
	const unread = cursor.seen.filter((id) => !readIds.has(id));
	return {
		cursor: { since: next.since, seen: unique([...next.seen, ...unread]) },
		backlog: { floor: cursor.since, before: stop.before, skip: unique([...unread, ...stop.ids]) },
	};
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

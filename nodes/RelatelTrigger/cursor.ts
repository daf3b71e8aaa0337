/**
 * Where a list event stands between polls: pure functions, no I/O.
 *
 * The cursor is `since` (the lowest event time the next poll asks for) and `seen` (the ids
 * already emitted with an event time at or after `since`). Relatel's date filters are
 * inclusive and many events share one second, so a time alone cannot tell what was
 * emitted: the ids can. `since` trails the newest event time by an overlap window so
 * that events Relatel shows a little late, and a clock that differs between n8n and
 * Relatel, are still caught; the ids make the overlap free of duplicates.
 */

/**
 * How far behind the newest event the next poll starts looking again: an event Relatel
 * lists up to this long after its own timestamp is still caught. Measured on Relatel's
 * clock (see `advance`), so n8n's clock may be behind Relatel's by any amount, or ahead by
 * up to this much (which only matters before the first event is seen).
 */
export const OVERLAP_MS = 5 * 60_000;
/** Most ids the cursor keeps, whatever the traffic. */
export const MAX_SEEN = 500;

export interface Cursor {
	/** Epoch ms: events before this are never emitted again. */
	since: number;
	/** Ids emitted (or recorded on the first poll) with an event time at or after `since`. */
	seen: string[];
}

export interface Keyed {
	id: string;
	/** The event's time in epoch ms (its key time: started_at, ended_at, created_at...). */
	time: number;
}

export interface CursorLimits {
	overlapMs?: number;
	maxSeen?: number;
	/**
	 * The highest `since` may go (epoch ms; it never moves back, though): for a list not
	 * ordered by its event time (ended calls), the time Relatel had reached when the read
	 * began. A call that ends after its page was read has at least that end time, so the
	 * next poll must still ask for it. Above MAX_SEEN ids may be kept then.
	 */
	ceiling?: number;
}

/** The cursor of a first poll: look back one overlap window, nothing seen yet. */
export function initialCursor(pollStart: number, limits: CursorLimits = {}): Cursor {
	return { since: pollStart - (limits.overlapMs ?? OVERLAP_MS), seen: [] };
}

function byTimeThenId(a: Keyed, b: Keyed): number {
	if (a.time !== b.time) return a.time - b.time;
	const na = Number(a.id);
	const nb = Number(b.id);
	if (a.id !== '' && b.id !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
	return 0;
}

/** Oldest first; equal times by numeric id when ids are numbers, else in the given order. */
export function oldestFirst<T extends Keyed>(items: T[]): T[] {
	return items
		.map((item, index) => ({ item, index }))
		.sort((a, b) => byTimeThenId(a.item, b.item) || a.index - b.index)
		.map(({ item }) => item);
}

/**
 * The items to emit now: at or after `since`, not emitted before, each id once, oldest
 * first. `items` are the matching items of this poll's window, in any order.
 */
export function freshItems<T extends Keyed>(cursor: Cursor, items: T[]): T[] {
	const seen = new Set(cursor.seen);
	const fresh: T[] = [];
	for (const item of items) {
		if (!Number.isFinite(item.time) || item.time < cursor.since || seen.has(item.id)) continue;
		seen.add(item.id);
		fresh.push(item);
	}
	return oldestFirst(fresh);
}

export interface Advanced {
	cursor: Cursor;
	/**
	 * Set when more than `maxSeen` ids fell inside the window: `since` was moved past this
	 * time, so for now the overlap is shorter than OVERLAP_MS.
	 */
	cut?: number;
}

/**
 * The cursor after a successful poll.
 *
 * - `matched`: every matching item of the window (emitted now, emitted before, or recorded
 *   on a first poll). Their ids are what the next poll must not emit again.
 * - `fetchedTimes`: the event times of everything Relatel returned, matching or not: the
 *   newest of them is Relatel's own clock, so `since` never runs ahead of Relatel's time
 *   even when n8n's clock is ahead. With nothing fetched, `since` stays where it was.
 * - `pollStart`: n8n's clock before the first request: `since` never runs ahead of it either.
 *
 * `since` never moves back, nor past `limits.ceiling`. If more than `maxSeen` ids fall inside
 * the window, `since` moves forward past the oldest ones instead of forgetting ids (which
 * would emit them again): the overlap shrinks for that poll, the state stays small.
 */
export function advance(
	cursor: Cursor,
	matched: Keyed[],
	fetchedTimes: number[],
	pollStart: number,
	limits: CursorLimits = {},
): Advanced {
	const overlap = limits.overlapMs ?? OVERLAP_MS;
	const maxSeen = limits.maxSeen ?? MAX_SEEN;
	const ceiling = limits.ceiling === undefined ? Infinity : Math.max(cursor.since, limits.ceiling);
	let since = cursor.since;
	const times = fetchedTimes.filter((time) => Number.isFinite(time));
	if (times.length > 0) {
		const newest = times.reduce((a, b) => Math.max(a, b));
		since = Math.min(ceiling, Math.max(since, Math.min(pollStart, newest) - overlap));
	}

	const unique = new Map<string, number>();
	for (const item of matched) {
		if (!Number.isFinite(item.time) || item.time < since) continue;
		unique.set(item.id, Math.max(item.time, unique.get(item.id) ?? -Infinity));
	}
	let kept = [...unique].map(([id, time]) => ({ id, time })).sort((a, b) => b.time - a.time);
	if (kept.length <= maxSeen) return { cursor: { since, seen: kept.map((item) => item.id) } };
	// Everything at or before the newest time that does not fit is left behind for good.
	const next = Math.min(kept[maxSeen].time + 1, ceiling);
	if (next <= since) return { cursor: { since, seen: kept.map((item) => item.id) } };
	kept = kept.filter((item) => item.time >= next);
	return { cursor: { since: next, seen: kept.map((item) => item.id) }, cut: next - 1 };
}

/** The cursor as saved in static data (plain JSON), and back. */
export interface SavedCursor {
	since: string;
	seen: string[];
}

export function saveCursor(cursor: Cursor): SavedCursor {
	return { since: new Date(cursor.since).toISOString(), seen: [...cursor.seen] };
}

export function loadCursor(saved: unknown): Cursor | undefined {
	if (!saved || typeof saved !== 'object') return undefined;
	const { since, seen } = saved as Partial<SavedCursor>;
	const ms = typeof since === 'string' ? Date.parse(since) : NaN;
	if (!Number.isFinite(ms) || !Array.isArray(seen)) return undefined;
	return { since: ms, seen: seen.map(String) };
}

import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { isDeadlineError } from '../Relatel/transport/request';
import {
	backlogItems,
	continueBacklog,
	cutWindow,
	forgetPassed,
	loadBacklog,
	saveBacklog,
	sinceAfterCut,
	type Backlog,
} from './backlog';
import {
	advance,
	freshItems,
	initialCursor,
	loadCursor,
	MAX_SEEN,
	OVERLAP_MS,
	saveCursor,
	type Cursor,
	type CursorLimits,
} from './cursor';
import { asNodeError } from './errors';
import type { ListEvent, PreparedListEvent } from './events/types';
import { fetchNewestFirst, type FetchResult } from './fetch';
import type { Notice } from './notices';
import { STATE_VERSION, type SavedState } from './state';

/**
 * One poll of a list event (calls, voicemails, SMS, smileys, chats): first the backlog
 * an earlier poll left (backlog.ts), then, once that is done, the window since the
 * cursor (cursor.ts). Nothing is written here: the caller saves the returned state.
 *
 * A request that fails once the poll has read a page does not throw away what was read:
 * the read stops there as at its deadline, the poll emits what it read and saves where it
 * stopped, and the failure is returned (`error`) for the caller to count. A failure before
 * any page was read is thrown: nothing was read, nothing changes.
 */

export interface Deadlines {
	/** No further page is requested after this (epoch ms). */
	fetch: number;
	/** The output (voicemail audio) stops downloading after this. */
	output: number;
}

export interface PollResult {
	items: INodeExecutionData[];
	state: SavedState;
	notices: Notice[];
	/** A request that failed after the poll had read something; what was read is in `items` and `state`. */
	error?: unknown;
}

export interface Entry {
	item: IDataObject;
	id: string;
	time: number;
}

/** The items that are events (they have a key time), with their id and time. */
export function keyed(event: ListEvent, items: IDataObject[]): Entry[] {
	const result: Entry[] = [];
	for (const item of items) {
		const time = event.source.timeOf(item);
		if (time !== undefined) result.push({ item, id: event.source.idOf(item), time });
	}
	return result;
}

const iso = (ms: number) => new Date(ms).toISOString();

function readNotices(ctx: IPollFunctions, label: string, read: FetchResult, since: number): Notice[] {
	const notices: Notice[] = [];
	for (const burst of read.bursts) {
		const message = `${label}: a whole page of ${burst.size} records shares the time ${burst.at}. Relatel's paging cannot reach the records of one second beyond one page, so events of that second beyond these ${burst.size} are not emitted.`;
		// With an undocumented page size (SMS) a short last page looks the same: only a hint then.
		if (burst.certain) notices.push({ key: `burst:${burst.at}`, message });
		else ctx.logger.debug(message);
	}
	if (read.maybeTruncated) {
		const { size, oldest } = read.maybeTruncated;
		notices.push({
			key: 'unpagedListFull',
			message: `${label}: Relatel's list held ${size} records, all inside the window this poll reads (from ${iso(since)}; the oldest is from ${iso(oldest)}). Relatel does not page this list, so if it was cut short, records between those two times were not seen.`,
		});
	}
	return notices;
}

export async function pollList(
	this: IPollFunctions,
	name: string,
	event: ListEvent,
	saved: SavedState | undefined,
	pollStart: number,
	deadlines: Deadlines,
): Promise<PollResult> {
	const label = `Relatel Trigger "${this.getNode().name}" (${name})`;
	const prepared: PreparedListEvent = event.prepare(this);
	const matching = (items: IDataObject[]) => keyed(event, items).filter(({ item }) => prepared.matches(item));
	const previous = loadCursor(saved?.cursor);
	let cursor: Cursor = previous ?? initialCursor(pollStart);
	let backlog: Backlog | undefined = previous ? loadBacklog(saved?.backlog) : undefined;
	const notices: Notice[] = [];
	const emit: Entry[] = [];
	const { orderedByEventTime } = event.source;
	let error: unknown;
	let readBacklog = false;

	if (backlog) {
		const read = await fetchNewestFirst.call(this, event.source, {
			qs: prepared.qs,
			since: backlog.floor,
			before: backlog.before,
			deadline: deadlines.fetch,
		});
		notices.push(...readNotices(this, label, read, backlog.floor));
		emit.push(...backlogItems(backlog, cursor.since, matching(read.items)));
		cursor = forgetPassed(cursor, keyed(event, read.items));
		backlog = read.stop ? continueBacklog(backlog, read.stop, read.readIds) : undefined;
		error = read.error;
		readBacklog = true;
	}

	// The window is read only once no backlog is left, and not after the budget is spent.
	if (!backlog && Date.now() <= deadlines.fetch) {
		let read: FetchResult | undefined;
		try {
			read = await fetchNewestFirst.call(this, event.source, {
				qs: prepared.qs,
				since: cursor.since,
				deadline: deadlines.fetch,
			});
		} catch (failure) {
			// The backlog was read: that is kept, and the window is read next time.
			if (!readBacklog) throw asNodeError(this.getNode(), failure);
			if (!isDeadlineError(failure)) error = failure;
		}
		if (read) {
			notices.push(...readNotices(this, label, read, cursor.since));
			const fetchedTimes = keyed(event, read.items).map(({ time }) => time);
			const matched = matching(read.items);
			// Ended calls: `since` never passes the time Relatel had reached when the read began.
			const limits: CursorLimits = orderedByEventTime ? {} : { ceiling: read.firstPageNewest };
			if (previous && read.stop && !orderedByEventTime) {
				// The cursor's ids the read did not reach stay in it (cutWindow): room for fewer new ones.
				const unread = cursor.seen.filter((id) => !read.readIds.has(id)).length;
				limits.maxSeen = Math.max(0, MAX_SEEN - unread);
			}
			// The first poll only records where "now" is: no flood of history. If it could not
			// read its whole window, what it did not reach is history too: no backlog then.
			if (previous) emit.push(...freshItems(cursor, matched));
			let advanced = advance(cursor, matched, fetchedTimes, pollStart, limits);
			if (read.stop) {
				// (On the first poll, as if `since` had not moved: all the unread part is skipped.)
				const from = previous ? cursor.since : advanced.cursor.since;
				const above = sinceAfterCut(orderedByEventTime, read.stop, from, advanced.cursor.since, read.firstPageNewest);
				if (above > advanced.cursor.since) {
					advanced = advance({ ...cursor, since: above }, matched, fetchedTimes, pollStart, limits);
				}
			}
			if (advanced.cut !== undefined) {
				notices.push({
					key: 'seenFull',
					message: `${label}: more than ${MAX_SEEN} events fall inside the ${OVERLAP_MS / 60_000}-minute look-back window. To keep its state small the trigger looks back only to ${iso(advanced.cut + 1)} for now, so an event Relatel lists late with a time before that is not emitted.`,
				});
			}
			if (previous && read.stop) {
				({ cursor, backlog } = cutWindow(cursor, advanced.cursor, read.stop, read.readIds, orderedByEventTime));
			} else cursor = advanced.cursor;
			error = read.error;
		}
	}

	if (backlog) {
		notices.push({
			key: 'backlog',
			message: `${label}: Relatel has more new events than one poll can read within its time budget (or a request failed part-way through). Each poll emits what it could read, newest part first; the older part (from ${iso(backlog.floor)}) follows over the next polls, before anything newer. Nothing is lost or repeated.`,
		});
	}
	const items = emit.length > 0 ? await prepared.output(emit.map(({ item }) => item), deadlines.output) : [];
	const state: SavedState = { version: STATE_VERSION, event: name, cursor: saveCursor(cursor) as SavedState['cursor'] };
	if (backlog) state.backlog = saveBacklog(backlog) as SavedState['backlog'];
	return error === undefined ? { items, state, notices } : { items, state, notices, error };
}

import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { backlogItems, continueBacklog, cutWindow, loadBacklog, saveBacklog, sinceAfterCut, type Backlog } from './backlog';
import { advance, freshItems, initialCursor, loadCursor, MAX_SEEN, OVERLAP_MS, saveCursor, type Cursor } from './cursor';
import type { ListEvent, PreparedListEvent } from './events/types';
import { fetchNewestFirst, type FetchResult } from './fetch';
import type { Notice } from './notices';
import { STATE_VERSION, type SavedState } from './state';

/**
 * One poll of a list event (calls, voicemails, SMS, smileys, chats): first the backlog
 * an earlier poll left (backlog.ts), then, once that is done, the window since the
 * cursor (cursor.ts). Nothing is written here: the caller saves the returned state.
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

	if (backlog) {
		const read = await fetchNewestFirst.call(this, event.source, {
			qs: prepared.qs,
			since: backlog.floor,
			before: backlog.before,
			deadline: deadlines.fetch,
		});
		notices.push(...readNotices(this, label, read, backlog.floor));
		emit.push(...backlogItems(backlog, cursor.since, matching(read.items)));
		backlog = read.stop ? continueBacklog(backlog, read.stop, read.readIds) : undefined;
	}

	// The window is read only once no backlog is left, and not after the budget is spent.
	if (!backlog && Date.now() <= deadlines.fetch) {
		const read = await fetchNewestFirst.call(this, event.source, {
			qs: prepared.qs,
			since: cursor.since,
			deadline: deadlines.fetch,
		});
		notices.push(...readNotices(this, label, read, cursor.since));
		const fetchedTimes = keyed(event, read.items).map(({ time }) => time);
		const matched = matching(read.items);
		// The first poll only records where "now" is: no flood of history. If it could not
		// read its whole window, what it did not reach is history too: no backlog then.
		if (previous) emit.push(...freshItems(cursor, matched));
		let advanced = advance(cursor, matched, fetchedTimes, pollStart);
		if (read.stop) {
			// (On the first poll, as if `since` had not moved: all the unread part is skipped.)
			const from = previous ? cursor.since : advanced.cursor.since;
			const above = sinceAfterCut(event.source.orderedByEventTime, read.stop, fetchedTimes, from, advanced.cursor.since);
			if (above > advanced.cursor.since) advanced = advance({ ...cursor, since: above }, matched, fetchedTimes, pollStart);
		}
		if (advanced.cut !== undefined) {
			notices.push({
				key: 'seenFull',
				message: `${label}: more than ${MAX_SEEN} events fall inside the ${OVERLAP_MS / 60_000}-minute look-back window. To keep its state small the trigger looks back only to ${iso(advanced.cut + 1)} for now, so an event Relatel lists late with a time before that is not emitted.`,
			});
		}
		if (previous && read.stop) ({ cursor, backlog } = cutWindow(cursor, advanced.cursor, read.stop, read.readIds));
		else cursor = advanced.cursor;
	}

	if (backlog) {
		notices.push({
			key: 'backlog',
			message: `${label}: Relatel has more new events than one poll can read within its time budget. Each poll emits what it could read, newest part first; the older part (from ${iso(backlog.floor)}) follows over the next polls, before anything newer. Nothing is lost or repeated.`,
		});
	}
	const items = emit.length > 0 ? await prepared.output(emit.map(({ item }) => item), deadlines.output) : [];
	const state: SavedState = { version: STATE_VERSION, event: name, cursor: saveCursor(cursor) as SavedState['cursor'] };
	if (backlog) state.backlog = saveBacklog(backlog) as SavedState['backlog'];
	return { items, state, notices };
}

import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { listFrom, PAGE_SIZE } from '../Relatel/transport/pagination';
import { relatelApiRequest } from '../Relatel/transport/request';
import type { RouteKey } from '../Relatel/transport/routes';

/** How a list event's records are read from Relatel. */
export interface ListSource {
	route: RouteKey;
	/** Where the list sits in the response, e.g. `calls`. */
	rootKey: string;
	idOf(item: IDataObject): string;
	/** The event's time (epoch ms): the field the trigger keys on. Undefined: not an event yet. */
	timeOf(item: IDataObject): number | undefined;
	/** The query parameter for "event time at or after"; without it the window is cut here. */
	sinceParam?: string;
	/**
	 * Newest-first paging: `cursorParam` asks for items whose `orderField` is at or before a
	 * value (inclusive: the boundary item comes again). Without it, one request is all there is.
	 */
	paging?: {
		cursorParam: string;
		orderField: string;
		/** Relatel documents `limit` for this list, so a page shorter than asked is the last. */
		honoursLimit: boolean;
	};
	/** The list is ordered by the event time itself, so an item older than `since` ends it. */
	orderedByEventTime: boolean;
}

export interface FetchOptions {
	/** Server-side filters from the node's parameters. */
	qs: IDataObject;
	/** Lowest event time wanted (epoch ms); undefined: no lower bound (manual mode). */
	since?: number;
	/** Epoch ms after which no further page is requested: the poll gives up and retries later. */
	deadline: number;
	/** Stop paging once this returns true for the items so far (manual mode: a match was found). */
	enough?: (items: IDataObject[]) => boolean;
	/** Most pages to read (manual mode looks back a bounded distance). */
	maxPages?: number;
}

const MAX_PAGES = 10_000;

/** ISO 8601 floored to the second: an inclusive lower bound that misses no millisecond. */
export function isoFloorSecond(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function orderTime(item: IDataObject, field: string): number {
	return Date.parse(String(item[field] ?? ''));
}

/**
 * Reads a Relatel list newest first, back to `since`: every distinct item of the window,
 * in the order Relatel gave them. Pages overlap by their boundary item (inclusive cursors),
 * so progress is measured in new ids. When a whole page shares one timestamp (more events
 * in one second than a page holds), the cursor steps one millisecond back rather than
 * stopping, so the older part of the window is still read; the events of that second
 * beyond the page size cannot be reached through Relatel's API, and a warning says so.
 */
export async function fetchNewestFirst(
	this: IPollFunctions,
	source: ListSource,
	options: FetchOptions,
): Promise<IDataObject[]> {
	const { since, deadline } = options;
	const qs: IDataObject = { ...options.qs };
	if (source.paging) qs.limit = PAGE_SIZE;
	if (since !== undefined && source.sinceParam) qs[source.sinceParam] = isoFloorSecond(since);

	const ids = new Set<string>();
	const results: IDataObject[] = [];
	let longestPage = 0;
	const maxPages = options.maxPages ?? MAX_PAGES;

	for (let page = 0; page < maxPages; page++) {
		if (page > 0 && Date.now() > deadline) {
			throw new NodeOperationError(this.getNode(), 'Relatel has more new events than one poll can read in time', {
				description:
					'The poll stopped before reaching the last event it had already seen, and emitted nothing. The next poll starts again from the same point.',
			});
		}
		const items = listFrom(await relatelApiRequest.call(this, source.route, { qs }), source.rootKey);
		longestPage = Math.max(longestPage, items.length);
		let fresh = 0;
		let pastEnd = false;
		for (const item of items) {
			const id = source.idOf(item);
			if (ids.has(id)) continue;
			ids.add(id);
			fresh++;
			const time = source.timeOf(item);
			if (since !== undefined && source.orderedByEventTime && time !== undefined && time < since) {
				pastEnd = true;
				break;
			}
			results.push(item);
		}
		if (pastEnd || !source.paging || items.length === 0) break;
		if (options.enough?.(results)) break;

		const { cursorParam, orderField, honoursLimit } = source.paging;
		const last = items[items.length - 1];
		const full = honoursLimit ? items.length >= PAGE_SIZE : items.length > 1 && items.length >= longestPage;
		if (fresh === 0) {
			const boundary = orderTime(last, orderField);
			const oneTimestamp = items.every((item) => orderTime(item, orderField) === boundary);
			if (!full || !oneTimestamp || !Number.isFinite(boundary)) break;
			const note = `Relatel Trigger "${this.getNode().name}": a whole page of ${items.length} records shares the time ${String(last[orderField])}; the records of that second beyond one page cannot be reached through Relatel's paging`;
			// With an undocumented page size a short last page looks the same: only a hint then.
			if (honoursLimit) this.logger.warn(note);
			else this.logger.debug(note);
			qs[cursorParam] = new Date(boundary - 1).toISOString();
			continue;
		}
		if (honoursLimit && items.length < PAGE_SIZE) break;
		const cursor = last[orderField];
		if (cursor === undefined || cursor === null || cursor === '') break;
		qs[cursorParam] = cursor as string;
	}
	return results;
}

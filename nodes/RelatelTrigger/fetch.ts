import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { listFrom, PAGE_SIZE } from '../Relatel/transport/pagination';
import { isDeadlineError, relatelApiRequest } from '../Relatel/transport/request';
import type { RouteKey } from '../Relatel/transport/routes';
import { asNodeError } from './errors';

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
	/**
	 * A list Relatel serves in one unpaged response whose length it does not document
	 * (chats): when every record in it is inside the window, and there are at least
	 * this many, the list may have been cut short and the poll says so.
	 */
	unpagedWarnAt?: number;
}

export interface FetchOptions {
	/** Server-side filters from the node's parameters. */
	qs: IDataObject;
	/** Lowest event time wanted (epoch ms); undefined: no lower bound (manual mode). */
	since?: number;
	/** Start paging here (the cursor parameter's value) instead of at the newest record. */
	before?: string;
	/**
	 * Epoch ms after which no further page is requested: the read stops where it is (`stop`).
	 * A request still running then is cut short (relatelRequest's deadline).
	 */
	deadline: number;
	/** Stop paging once this returns true for the items so far (manual mode: a match was found). */
	enough?: (items: IDataObject[]) => boolean;
	/** Most pages to read (manual mode looks back a bounded distance). */
	maxPages?: number;
}

/** Where a read stopped because its time ran out: the rest is older than this. */
export interface FetchStop {
	/** The cursor parameter's value for the next page (inclusive). */
	before: string;
	/** Ids already read whose order time is `before` itself: the next page may repeat them. */
	ids: string[];
}

/** A second holding more records than one page: the ones beyond the page were not reachable. */
export interface Burst {
	/** The shared timestamp, as Relatel gave it. */
	at: string;
	size: number;
	/** False for a list with an undocumented page size (SMS): a short last page looks the same. */
	certain: boolean;
}

export interface FetchResult {
	/** Every distinct item read inside the window, in Relatel's order. */
	items: IDataObject[];
	/** Every id Relatel returned, inside the window or not. */
	readIds: Set<string>;
	/**
	 * Set when the read stopped before it reached `since`: its deadline passed, or a request
	 * after the first page failed (`error`).
	 */
	stop?: FetchStop;
	/** Why a request after the first page failed (the read stopped there, `stop`); not set for the deadline. */
	error?: unknown;
	/**
	 * The newest event time on the first page: Relatel's clock had reached it when the read
	 * began, so an item that becomes an event after that (a call ending) has at least this time.
	 */
	firstPageNewest?: number;
	bursts: Burst[];
	/** An unpaged list that may have been cut short (see ListSource.unpagedWarnAt). */
	maybeTruncated?: { size: number; oldest: number };
}

const MAX_PAGES = 10_000;

/** ISO 8601 floored to the second: an inclusive lower bound that misses no millisecond. */
export function isoFloorSecond(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function orderTime(item: IDataObject, field: string): number {
	return Date.parse(String(item[field] ?? ''));
}

function stopAt(source: ListSource, before: string, items: IDataObject[]): FetchStop {
	const field = (source.paging as NonNullable<ListSource['paging']>).orderField;
	const limit = Date.parse(before);
	// Everything read is at or after `before` (newest first); only those at it can come again.
	return { before, ids: items.filter((item) => orderTime(item, field) <= limit).map((item) => source.idOf(item)) };
}

function newestTime(source: ListSource, items: IDataObject[]): number | undefined {
	let newest: number | undefined;
	for (const item of items) {
		const time = source.timeOf(item);
		if (time !== undefined && (newest === undefined || time > newest)) newest = time;
	}
	return newest;
}

function unpagedCheck(source: ListSource, items: IDataObject[], since: number | undefined) {
	if (!source.unpagedWarnAt || since === undefined || items.length < source.unpagedWarnAt) return undefined;
	const times = items.map((item) => source.timeOf(item)).filter((time): time is number => time !== undefined);
	if (times.length < items.length || times.some((time) => time < since)) return undefined;
	return { size: items.length, oldest: Math.min(...times) };
}

/**
 * Reads a Relatel list newest first, back to `since`: every distinct item of the window,
 * in the order Relatel gave them. Pages overlap by their boundary item (inclusive cursors),
 * so progress is measured in new ids. When a whole page shares one timestamp (more events
 * in one second than a page holds), the cursor steps one millisecond back rather than
 * stopping, so the older part of the window is still read; the records of that second
 * beyond the page cannot be reached through Relatel's API, and `bursts` says so.
 *
 * When the deadline passes, the read stops before the next page and says where (`stop`):
 * the caller emits what was read and continues from there on the next poll. A request that
 * fails after the first page (or that the deadline cuts short) stops the read the same way;
 * on the first page it is thrown, as nothing was read.
 */
export async function fetchNewestFirst(
	this: IPollFunctions,
	source: ListSource,
	options: FetchOptions,
): Promise<FetchResult> {
	const { since, deadline } = options;
	const qs: IDataObject = { ...options.qs };
	if (source.paging) qs.limit = PAGE_SIZE;
	if (since !== undefined && source.sinceParam) qs[source.sinceParam] = isoFloorSecond(since);
	if (source.paging && options.before !== undefined) qs[source.paging.cursorParam] = options.before;

	const readIds = new Set<string>();
	const results: IDataObject[] = [];
	const bursts: Burst[] = [];
	let longestPage = 0;
	let firstPageNewest: number | undefined;
	const maxPages = options.maxPages ?? MAX_PAGES;

	// The read stops before the page the cursor points at now.
	const stopHere = (paging: NonNullable<ListSource['paging']>, error?: unknown): FetchResult => {
		const stop = stopAt(source, String(qs[paging.cursorParam]), results);
		return { items: results, readIds, bursts, firstPageNewest, stop, error };
	};

	for (let page = 0; page < maxPages; page++) {
		if (page > 0 && Date.now() > deadline && source.paging) return stopHere(source.paging);
		let items: IDataObject[];
		try {
			items = listFrom(await relatelApiRequest.call(this, source.route, { qs, deadline }), source.rootKey);
		} catch (error) {
			// After the first page the read stops where it is, as at its deadline; the caller
			// emits what was read (a failure is still reported: `error`).
			if (page === 0 || !source.paging) throw asNodeError(this.getNode(), error);
			return stopHere(source.paging, isDeadlineError(error) ? undefined : error);
		}
		if (page === 0) firstPageNewest = newestTime(source, items);
		longestPage = Math.max(longestPage, items.length);
		let fresh = 0;
		let pastEnd = false;
		for (const item of items) {
			const id = source.idOf(item);
			if (readIds.has(id)) continue;
			readIds.add(id);
			fresh++;
			const time = source.timeOf(item);
			if (since !== undefined && source.orderedByEventTime && time !== undefined && time < since) {
				pastEnd = true;
				break;
			}
			results.push(item);
		}
		if (!source.paging) {
			return { items: results, readIds, bursts, firstPageNewest, maybeTruncated: unpagedCheck(source, items, since) };
		}
		if (pastEnd || items.length === 0) break;
		if (options.enough?.(results)) break;

		const { cursorParam, orderField, honoursLimit } = source.paging;
		const last = items[items.length - 1];
		const full = honoursLimit ? items.length >= PAGE_SIZE : items.length > 1 && items.length >= longestPage;
		if (fresh === 0) {
			const boundary = orderTime(last, orderField);
			const oneTimestamp = items.every((item) => orderTime(item, orderField) === boundary);
			if (!full || !oneTimestamp || !Number.isFinite(boundary)) break;
			bursts.push({ at: String(last[orderField]), size: items.length, certain: honoursLimit });
			qs[cursorParam] = new Date(boundary - 1).toISOString();
			continue;
		}
		if (honoursLimit && items.length < PAGE_SIZE) break;
		const cursor = last[orderField];
		if (cursor === undefined || cursor === null || cursor === '') break;
		qs[cursorParam] = cursor as string;
	}
	return { items: results, readIds, bursts, firstPageNewest };
}

import type { IDataObject } from 'n8n-workflow';

import { relatelApiRequest, type RelatelContext } from './request';
import type { RouteKey } from './routes';

export const PAGE_SIZE = 100;
/** A hard stop in case an API ignores its cursor and keeps bringing new ids. */
const MAX_PAGES = 10_000;

export interface PaginateOptions {
	route: RouteKey;
	pathParams?: Record<string, string | number>;
	qs?: IDataObject;
	/** Where the list sits in the response, e.g. `calls`. */
	rootKey: string;
	/** What makes an item unique, e.g. `call_uuid`. */
	idOf: (item: IDataObject) => string;
	/** The query parameter that asks for the next page, e.g. `started_at_lt_or_eq`. */
	cursorParam: string;
	/** The value of cursorParam for the page after `last`, e.g. its `started_at`. */
	nextCursor: (last: IDataObject) => string | number | undefined;
	/** 0 or undefined: everything (Return All). */
	limit?: number;
	itemIndex?: number;
	/** Keep only items that pass (a filter the API cannot do). */
	keep?: (item: IDataObject) => boolean;
	/** Stop paging once an item passes this (e.g. older than the lower date bound). */
	isPastEnd?: (item: IDataObject) => boolean;
	/**
	 * The API documents `limit` for this list, so a page shorter than asked is the last
	 * one (saves a request). Default true; false for lists whose page size is unknown.
	 */
	honoursLimit?: boolean;
	/**
	 * For time cursors: the cursor just past `cursor` (see `justBefore`). Used when a whole
	 * page shares one time, so the cursor cannot move: paging goes on past that time, and a
	 * warning says records of that time may be missing (Relatel has no finer cursor).
	 */
	stepPast?: (cursor: string | number) => string | number | undefined;
}

/**
 * The instant 1 ms before an ISO time. Also right when Relatel shows whole seconds but keeps
 * finer times: 09:00:00 becomes 08:59:59.999, which still takes in all of 08:59:59.
 */
export function justBefore(cursor: string | number): string | undefined {
	const time = Date.parse(String(cursor));
	if (Number.isNaN(time)) return undefined;
	return new Date(time - 1).toISOString();
}

/** Says, in the log and above the node's output, that records of one time may be missing. */
function warnStuckPage(ctx: RelatelContext, route: RouteKey, cursor: string | number, pageSize: number) {
	const message = `More than ${pageSize} records of this list share the time ${cursor}; Relatel's paging cannot reach past the first ${pageSize} of them, so some records of that time may be missing from the output. Narrow the time range to get them all.`;
	ctx.logger?.warn(`Relatel ${route}: ${message}`);
	if ('addExecutionHints' in ctx) ctx.addExecutionHints({ message, type: 'warning', location: 'outputPane' });
}

/** The list in a response: under rootKey, or the response itself when it is a bare array. */
export function listFrom(body: unknown, rootKey: string): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	const list = (body as IDataObject | undefined)?.[rootKey];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/**
 * Pages through a cursor-ordered list (newest first for calls, SMS, voicemails, smileys;
 * lowest id first for contacts). Relatel's cursors are inclusive, so the boundary item
 * comes again on the next page: items are de-duplicated by id, and paging stops when a
 * page brings no new id, when a page is shorter than asked, or when `limit` items are
 * collected. A full page of one time (more records of that time than a page holds) goes on
 * past that time with a warning, with `stepPast`; without it, paging stops there.
 */
export async function paginate(this: RelatelContext, options: PaginateOptions): Promise<IDataObject[]> {
	const { limit, keep, isPastEnd, idOf } = options;
	const wanted = limit && limit > 0 ? limit : Infinity;
	const pageSize = keep || wanted === Infinity ? PAGE_SIZE : Math.min(PAGE_SIZE, wanted);
	const seen = new Set<string>();
	const results: IDataObject[] = [];
	const qs: IDataObject = { ...options.qs, limit: pageSize };
	// For a list of unknown page size: the longest page seen so far stands in for it.
	let longestPage = 0;

	for (let page = 0; page < MAX_PAGES; page++) {
		const body = await relatelApiRequest.call(this, options.route, {
			pathParams: options.pathParams,
			qs,
			itemIndex: options.itemIndex,
		});
		const items = listFrom(body, options.rootKey);
		let fresh = 0;
		for (const item of items) {
			const id = idOf(item);
			if (seen.has(id)) continue;
			seen.add(id);
			fresh++;
			if (isPastEnd?.(item)) return results;
			if (keep && !keep(item)) continue;
			results.push(item);
			if (results.length >= wanted) return results;
		}
		if (options.honoursLimit !== false && items.length < pageSize) return results;
		let cursor = options.nextCursor(items[items.length - 1]);
		if (cursor === undefined || cursor === null || cursor === '') return results;
		// A full page of one time: the inclusive cursor would bring the same page again. (For a
		// list of unknown page size, only a page as long as the longest one before, that came
		// again, shows it was full.)
		const oneTime = items.length > 1 && options.nextCursor(items[0]) === cursor;
		const full =
			options.honoursLimit !== false || (cursor === qs[options.cursorParam] && items.length >= longestPage);
		longestPage = Math.max(longestPage, items.length);
		const past = oneTime && full ? options.stepPast?.(cursor) : undefined;
		if (past !== undefined) {
			warnStuckPage(this, options.route, cursor, items.length);
			cursor = past;
		} else if (fresh === 0) {
			return results;
		}
		qs[options.cursorParam] = cursor;
	}
	return results;
}

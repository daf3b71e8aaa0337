import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { asNodeError } from './errors';
import type { TriggerEvent } from './events/types';
import { fetchNewestFirst } from './fetch';
import { keyed, type Entry } from './listPoll';
import { loadOrderMemory } from './orderStates';
import { listOrders } from './ordersPoll';
import type { SavedState } from './state';

/** Manual mode looks back at most this many pages for a matching event. */
const MANUAL_MAX_PAGES = 10;

/** "Fetch Test Event": the most recent matching event, whatever the saved state says (never written). */
export async function latestEvent(
	this: IPollFunctions,
	event: TriggerEvent,
	saved: SavedState | undefined,
	deadline: number,
): Promise<INodeExecutionData[]> {
	if (event.kind === 'state') {
		const prepared = event.prepare(this);
		const memory = loadOrderMemory(saved?.orders);
		const orders = (await listOrders(this, deadline)).filter((order) => prepared.matches(order));
		const newest = orders.reduce<IDataObject | undefined>(
			(best, order) => (best === undefined || Number(order.id) > Number(best.id) ? order : best),
			undefined,
		);
		if (!newest) return [];
		return await prepared.output([{ ...newest, previous_state: memory?.states[String(newest.id)] ?? null }]);
	}
	const prepared = event.prepare(this);
	const matching = (list: IDataObject[]) => keyed(event, list).filter(({ item }) => prepared.matches(item));
	const { items, error } = await fetchNewestFirst.call(this, event.source, {
		qs: prepared.qs,
		deadline,
		maxPages: MANUAL_MAX_PAGES,
		enough: (list) => matching(list).length > 0,
	});
	// The user sees a failure, also one after the first page.
	if (error !== undefined) throw asNodeError(this.getNode(), error);
	// The newest by event time (ended calls come in start order); ties: Relatel's order.
	const newest = matching(items).reduce<Entry | undefined>(
		(best, entry) => (best === undefined || entry.time > best.time ? entry : best),
		undefined,
	);
	return newest ? await prepared.output([newest.item]) : [];
}

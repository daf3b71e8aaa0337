import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { listFrom } from '../Relatel/transport/pagination';
import { relatelApiRequest } from '../Relatel/transport/request';
import type { StateEvent } from './events/types';
import type { PollResult } from './listPoll';
import { diffOrders, loadOrderMemory } from './orderStates';
import { STATE_VERSION, type SavedState } from './state';

/**
 * GET /m2m/orders: Relatel documents no paging for it, so one request is the whole list.
 * `deadline` (epoch ms): the request is over by then (a poll's time budget).
 */
export async function listOrders(ctx: IPollFunctions, deadline?: number): Promise<IDataObject[]> {
	return listFrom(await relatelApiRequest.call(ctx, 'm2mOrder.getAll', { deadline }), 'orders');
}

/** One poll of M2M Order State Changed: the orders compared with the states remembered. */
export async function pollOrders(
	this: IPollFunctions,
	name: string,
	event: StateEvent,
	saved: SavedState | undefined,
	deadline: number,
): Promise<PollResult> {
	const prepared = event.prepare(this);
	const memory = loadOrderMemory(saved?.orders);
	const diff = diffOrders(memory, await listOrders(this, deadline));
	const changes = diff.changes
		.filter(({ order }) => prepared.matches(order))
		.map(({ order, previousState }) => ({ ...order, previous_state: previousState }));
	const items = changes.length > 0 ? await prepared.output(changes) : [];
	return {
		items,
		state: { version: STATE_VERSION, event: name, orders: diff.memory as SavedState['orders'] },
		notices: [],
	};
}

/**
 * M2M orders have no timestamps: the trigger remembers each order's last state and
 * reports the differences. Pure functions, no I/O.
 */
import type { IDataObject } from 'n8n-workflow';

/** Most orders remembered; beyond it the lowest ids are let go (and ignored from then on). */
export const MAX_ORDERS = 2000;

export interface OrderMemory {
	/** Order id → its last known state. */
	states: Record<string, string>;
	/** Orders with a lower id than this are not followed (only set once MAX_ORDERS was exceeded). */
	floor?: string;
}

export interface OrderChange {
	order: IDataObject;
	/** null: an order n8n had not seen before (created since the last poll). */
	previousState: string | null;
}

function compareIds(a: string, b: string): number {
	const na = Number(a);
	const nb = Number(b);
	if (a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
	return a.localeCompare(b);
}

function stateOf(order: IDataObject): string {
	return String(order.state ?? '');
}

/**
 * Compares the orders Relatel lists now with what was remembered. Without a memory (first
 * poll) nothing is a change: the states are only recorded. A new order (not seen before)
 * is a change from `null`. Orders Relatel no longer lists are forgotten.
 */
export function diffOrders(
	memory: OrderMemory | undefined,
	orders: IDataObject[],
	maxOrders = MAX_ORDERS,
): { changes: OrderChange[]; memory: OrderMemory } {
	const floor = memory?.floor;
	const current = new Map<string, IDataObject>();
	for (const order of orders) {
		if (order?.id === undefined || order.id === null) continue;
		const id = String(order.id);
		if (floor !== undefined && compareIds(id, floor) < 0) continue;
		current.set(id, order);
	}

	const changes: OrderChange[] = [];
	if (memory) {
		for (const [id, order] of current) {
			const previous = memory.states[id];
			if (previous === undefined) changes.push({ order, previousState: null });
			else if (previous !== stateOf(order)) changes.push({ order, previousState: previous });
		}
	}
	changes.sort((a, b) => compareIds(String(a.order.id), String(b.order.id)));

	let ids = [...current.keys()].sort(compareIds);
	let nextFloor = floor;
	if (ids.length > maxOrders) {
		ids = ids.slice(ids.length - maxOrders);
		nextFloor = ids[0];
	}
	const states: Record<string, string> = {};
	for (const id of ids) states[id] = stateOf(current.get(id) as IDataObject);
	return { changes, memory: nextFloor === undefined ? { states } : { states, floor: nextFloor } };
}

export function loadOrderMemory(saved: unknown): OrderMemory | undefined {
	if (!saved || typeof saved !== 'object') return undefined;
	const { states, floor } = saved as Partial<OrderMemory>;
	if (!states || typeof states !== 'object' || Array.isArray(states)) return undefined;
	const clean: Record<string, string> = {};
	for (const [id, state] of Object.entries(states)) clean[id] = String(state);
	return typeof floor === 'string' ? { states: clean, floor } : { states: clean };
}

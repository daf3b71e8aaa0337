import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { listFrom } from '../Relatel/transport/pagination';
import { relatelApiRequest } from '../Relatel/transport/request';
import { advance, freshItems, initialCursor, loadCursor, saveCursor, type SavedCursor } from './cursor';
import { asNodeError } from './errors';
import { EVENTS } from './events';
import type { ListEvent, StateEvent, TriggerEvent } from './events/types';
import { fetchNewestFirst } from './fetch';
import { diffOrders, loadOrderMemory, type OrderMemory } from './orderStates';

/**
 * One poll of the Relatel Trigger.
 *
 * Everything the trigger remembers lives in the workflow's static data (no module state,
 * so it works in queue mode), is computed in locals, and is written only at the end of a
 * successful poll. A failed poll after the first successful one is logged and returns null
 * with the saved state untouched: the next poll reads the same window again, nothing is
 * lost. In manual mode ("Fetch Test Event") the most recent matching event is returned and
 * the saved state is not touched; errors are shown to the user.
 */

const STATE_VERSION = 1;
/** Manual mode looks back at most this many pages for a matching event. */
const MANUAL_MAX_PAGES = 10;
const DEFAULT_BUDGET_MS = 5 * 60_000;

interface SavedState extends IDataObject {
	version: number;
	event: string;
	cursor?: SavedCursor & IDataObject;
	orders?: OrderMemory & IDataObject;
}

type PollResult = { items: INodeExecutionData[]; state: SavedState };

function readSaved(data: IDataObject, event: string): SavedState | undefined {
	if (data.version !== STATE_VERSION || data.event !== event) return undefined;
	return data as SavedState;
}

function writeState(data: IDataObject, state: SavedState): void {
	const current: IDataObject = {};
	for (const key of Object.keys(data)) current[key] = data[key];
	if (JSON.stringify(current) === JSON.stringify(state)) return;
	for (const key of Object.keys(data)) {
		if (!(key in state)) delete data[key];
	}
	Object.assign(data, state);
}

function pollDeadline(ctx: IPollFunctions, start: number): number {
	const budget = typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : DEFAULT_BUDGET_MS;
	// Leave time for the output (voicemail audio) and for n8n to hand the items on.
	return start + Math.max(1000, budget * 0.6);
}

interface Keyed {
	item: IDataObject;
	id: string;
	time: number;
}

function keyed(event: ListEvent, items: IDataObject[]): Keyed[] {
	const result: Keyed[] = [];
	for (const item of items) {
		const time = event.source.timeOf(item);
		if (time !== undefined) result.push({ item, id: event.source.idOf(item), time });
	}
	return result;
}

async function pollList(
	this: IPollFunctions,
	name: string,
	event: ListEvent,
	saved: SavedState | undefined,
	pollStart: number,
	deadline: number,
): Promise<PollResult> {
	const prepared = event.prepare(this);
	const previous = loadCursor(saved?.cursor);
	const cursor = previous ?? initialCursor(pollStart);
	const fetched = keyed(
		event,
		await fetchNewestFirst.call(this, event.source, { qs: prepared.qs, since: cursor.since, deadline }),
	);
	const matched = fetched.filter(({ item }) => prepared.matches(item));
	// The first poll only records where "now" is: no flood of history.
	const fresh = previous ? freshItems(cursor, matched) : [];
	const items = fresh.length > 0 ? await prepared.output(fresh.map(({ item }) => item)) : [];
	const next = advance(
		cursor,
		matched,
		fetched.map(({ time }) => time),
		pollStart,
	);
	return { items, state: { version: STATE_VERSION, event: name, cursor: saveCursor(next) as SavedState['cursor'] } };
}

async function listOrders(ctx: IPollFunctions): Promise<IDataObject[]> {
	return listFrom(await relatelApiRequest.call(ctx, 'm2mOrder.getAll'), 'orders');
}

async function pollOrders(
	this: IPollFunctions,
	name: string,
	event: StateEvent,
	saved: SavedState | undefined,
): Promise<PollResult> {
	const prepared = event.prepare(this);
	const memory = loadOrderMemory(saved?.orders);
	const diff = diffOrders(memory, await listOrders(this));
	const changes = diff.changes
		.filter(({ order }) => prepared.matches(order))
		.map(({ order, previousState }) => ({ ...order, previous_state: previousState }));
	const items = changes.length > 0 ? await prepared.output(changes) : [];
	return { items, state: { version: STATE_VERSION, event: name, orders: diff.memory as SavedState['orders'] } };
}

/** Manual mode: the most recent matching event, whatever the saved state says. */
async function latestEvent(
	this: IPollFunctions,
	event: TriggerEvent,
	saved: SavedState | undefined,
	deadline: number,
): Promise<INodeExecutionData[]> {
	if (event.kind === 'state') {
		const prepared = event.prepare(this);
		const memory = loadOrderMemory(saved?.orders);
		const orders = (await listOrders(this)).filter((order) => prepared.matches(order));
		const newest = orders.reduce<IDataObject | undefined>(
			(best, order) => (best === undefined || Number(order.id) > Number(best.id) ? order : best),
			undefined,
		);
		if (!newest) return [];
		return await prepared.output([{ ...newest, previous_state: memory?.states[String(newest.id)] ?? null }]);
	}
	const prepared = event.prepare(this);
	const matching = (list: IDataObject[]) => keyed(event, list).filter(({ item }) => prepared.matches(item));
	const fetched = await fetchNewestFirst.call(this, event.source, {
		qs: prepared.qs,
		deadline,
		maxPages: MANUAL_MAX_PAGES,
		enough: (list) => matching(list).length > 0,
	});
	// The newest by event time (ended calls come in start order); ties: Relatel's order.
	const newest = matching(fetched).reduce<Keyed | undefined>(
		(best, entry) => (best === undefined || entry.time > best.time ? entry : best),
		undefined,
	);
	return newest ? await prepared.output([newest.item]) : [];
}

function describe(error: unknown): string {
	const err = error as { message?: unknown; description?: unknown; httpCode?: unknown };
	const parts = [String(err?.message ?? error)];
	if (typeof err?.description === 'string' && err.description) parts.push(err.description);
	return parts.join(' ');
}

export async function pollRelatel(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const name = this.getNodeParameter('event') as string;
	const event = EVENTS[name];
	if (!event) throw new NodeOperationError(this.getNode(), `The event "${name}" is not supported`);
	const manual = this.getMode() === 'manual';
	const staticData = this.getWorkflowStaticData('node');
	const saved = readSaved(staticData, name);
	// The watermark is taken before any request: whatever Relatel records later is in the next window.
	const pollStart = Date.now();
	const deadline = pollDeadline(this, pollStart);

	let result: PollResult;
	try {
		if (manual) {
			const items = await latestEvent.call(this, event, saved, deadline);
			return items.length > 0 ? [items] : null;
		}
		result =
			event.kind === 'list'
				? await pollList.call(this, name, event, saved, pollStart, deadline)
				: await pollOrders.call(this, name, event, saved);
	} catch (error) {
		if (manual || !saved) throw asNodeError(this.getNode(), error);
		this.logger.warn(
			`Relatel Trigger "${this.getNode().name}" (${name}): this poll failed and emitted nothing; the saved position is unchanged, so the next poll reads the same events again. ${describe(error)}`,
		);
		return null;
	}
	writeState(staticData, result.state);
	return result.items.length > 0 ? [result.items] : null;
}

import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { ListSource } from '../fetch';

/** An event read with the node's parameters for one poll. */
export interface PreparedListEvent {
	/** Server-side filters (only those Relatel documents and applies). */
	qs: IDataObject;
	/** Client-side filter: whether a record is an event the user asked for. */
	matches(item: IDataObject): boolean;
	/**
	 * The output items for the events to emit, oldest first. After `deadline` (epoch ms)
	 * no slow extra (voicemail audio) is fetched any more: every event is still emitted.
	 */
	output(items: IDataObject[], deadline?: number): Promise<INodeExecutionData[]>;
}

/** An event that is a new record in a time-ordered Relatel list (calls, SMS, voicemails...). */
export interface ListEvent {
	kind: 'list';
	source: ListSource;
	prepare(ctx: IPollFunctions): PreparedListEvent;
}

export interface PreparedStateEvent {
	matches(order: IDataObject): boolean;
	output(changes: IDataObject[]): Promise<INodeExecutionData[]>;
}

/** An event that is a change of a record's state (M2M orders). */
export interface StateEvent {
	kind: 'state';
	prepare(ctx: IPollFunctions): PreparedStateEvent;
}

export type TriggerEvent = ListEvent | StateEvent;

/** Epoch ms of an ISO timestamp field, or undefined when absent or unreadable. */
export function timeField(item: IDataObject, field: string): number | undefined {
	const value = item[field];
	if (typeof value !== 'string' || !value) return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}

/** Plain objects to output items. */
export function asItems(list: IDataObject[]): INodeExecutionData[] {
	return list.map((json) => ({ json }));
}

/** A resource locator's value (`Reception#7`), or undefined when left empty. */
export function endpointParameter(ctx: IPollFunctions, name = 'endpoint'): string | undefined {
	const value = ctx.getNodeParameter(name, '', { extractValue: true }) as unknown;
	const text = String(value ?? '').trim();
	return text || undefined;
}

export function simplifyParameter(ctx: IPollFunctions): boolean {
	return ctx.getNodeParameter('simplify', true) as boolean;
}

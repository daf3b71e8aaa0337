import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { optionalDate, requireDate, requireEndpoint, requireId, requireLimit, requireOrder } from './validation';

/** A resource locator's value (From List or By ID), checked to be a numeric ID. */
export function locatorId(this: IExecuteFunctions, name: string, field: string, itemIndex: number): string {
	const value = this.getNodeParameter(name, itemIndex, '', { extractValue: true });
	return requireId(this.getNode(), value, field, itemIndex);
}

/** A resource locator's raw value, or undefined when left empty. */
export function optionalLocator(this: IExecuteFunctions, name: string, itemIndex: number): string | undefined {
	const value = this.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const text = String(value ?? '').trim();
	return text || undefined;
}

/** An optional endpoint locator (From List or Type#ID), checked; undefined when left empty. */
export function optionalEndpoint(this: IExecuteFunctions, name: string, field: string, itemIndex: number): string | undefined {
	const value = optionalLocator.call(this, name, itemIndex);
	return value === undefined ? undefined : requireEndpoint(this.getNode(), value, field, itemIndex);
}

/** Return All / Limit as one number: 0 means all. */
export function requestedLimit(this: IExecuteFunctions, itemIndex: number): number {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll ? 0 : requireLimit(this.getNode(), this.getNodeParameter('limit', itemIndex, 50), itemIndex);
}

/** Plain objects to output items. */
export function toItems(data: IDataObject | IDataObject[]): INodeExecutionData[] {
	return (Array.isArray(data) ? data : [data]).map((json) => ({ json }));
}

/** The object under `key` (`{ contact: {...} }`), or the body itself when not wrapped. */
export function unwrap(body: IDataObject, key: string): IDataObject {
	const inner = body?.[key];
	return inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as IDataObject) : body;
}

/**
 * A period from two date fields (e.g. Created After / Created Before): each read in the
 * workflow's time zone and checked, and the start not after the end.
 */
export function datePeriod(
	this: IExecuteFunctions,
	itemIndex: number,
	[startValue, startLabel]: [unknown, string],
	[endValue, endLabel]: [unknown, string],
): { start?: string; end?: string } {
	const node = this.getNode();
	const zone = this.getTimezone();
	const start = optionalDate(node, startValue, startLabel, itemIndex, zone);
	const end = optionalDate(node, endValue, endLabel, itemIndex, zone);
	requireOrder(node, start, end, [startLabel, endLabel], itemIndex);
	return { start, end };
}

/** Same as datePeriod, with both dates required (statistics periods). */
export function requiredDatePeriod(
	this: IExecuteFunctions,
	itemIndex: number,
	[startValue, startLabel]: [unknown, string],
	[endValue, endLabel]: [unknown, string],
): { start: string; end: string } {
	const node = this.getNode();
	const zone = this.getTimezone();
	const start = requireDate(node, startValue, startLabel, itemIndex, zone);
	const end = requireDate(node, endValue, endLabel, itemIndex, zone);
	requireOrder(node, start, end, [startLabel, endLabel], itemIndex);
	return { start, end };
}

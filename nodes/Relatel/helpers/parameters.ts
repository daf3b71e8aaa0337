import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { requireId } from './validation';

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

/** Return All / Limit as one number: 0 means all. */
export function requestedLimit(this: IExecuteFunctions, itemIndex: number): number {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll ? 0 : (this.getNodeParameter('limit', itemIndex, 50) as number);
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

import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireId } from './validation';

/**
 * A list of Relatel IDs from a multi-select (an array) or an expression (an array, a
 * number, or a comma/semicolon/newline separated string). Duplicates are removed, order
 * is kept. An empty list is refused: replacing a membership list with nothing is almost
 * always a mistake (an expression that resolved to nothing).
 */
export function requireIdList(node: INode, value: unknown, field: string, itemIndex: number): number[] {
	const parts = (Array.isArray(value) ? value : String(value ?? '').split(/[,;\n]/))
		.map((part) => (typeof part === 'string' ? part.trim() : part))
		.filter((part) => part !== '' && part !== undefined && part !== null);
	if (parts.length === 0) {
		throw new NodeOperationError(node, `'${field}' is empty`, {
			itemIndex,
			description: `Select at least one entry in '${field}', or give IDs such as 11, 12. Nothing was sent to Relatel.`,
		});
	}
	return [...new Set(parts.map((part) => Number(requireId(node, part, field, itemIndex))))];
}

/** Same as requireIdList, but an empty value is an empty list. */
export function optionalIdList(node: INode, value: unknown, field: string, itemIndex: number): number[] {
	const empty = Array.isArray(value) ? value.length === 0 : String(value ?? '').trim() === '';
	return empty ? [] : requireIdList(node, value, field, itemIndex);
}

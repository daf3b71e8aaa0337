import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Turns a phone number as people type it (`+45 71 99 99 99`, `0045-7199-9999`,
 * `(45) 71999999`) into Relatel's form: country code + number, digits only (`4571999999`).
 * Returns undefined when it is not a number Relatel can use.
 */
export function normalizePhoneNumber(input: unknown): string | undefined {
	if (typeof input === 'number' && Number.isSafeInteger(input)) input = String(input);
	if (typeof input !== 'string') return undefined;
	let value = input.trim().replace(/[\s\u00a0\-.()/]/g, '');
	if (value.startsWith('+')) value = value.slice(1);
	else if (value.startsWith('00')) value = value.slice(2);
	if (!/^[1-9]\d{8,14}$/.test(value)) return undefined;
	return value;
}

function explain(value: string): string {
	const digits = value.replace(/\D/g, '');
	if (digits.length === 8) return ' It looks like a number without country code: write it as +45 71 99 99 99.';
	return ' Use the country code and the number, e.g. +45 71 99 99 99 or 4571999999.';
}

/** Normalizes one number or throws a NodeOperationError naming the field and item. */
export function requirePhoneNumber(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): string {
	const normalized = normalizePhoneNumber(value);
	if (normalized) return normalized;
	const shown = String(value ?? '').slice(0, 40);
	throw new NodeOperationError(
		node,
		shown.trim() ? `"${shown}" is not a valid phone number in '${field}'` : `'${field}' is empty`,
		{ itemIndex, description: `${explain(String(value ?? ''))} Nothing was sent to Relatel.`.trim() },
	);
}

/**
 * A list of numbers from a comma/semicolon/newline separated string or an array
 * (an expression may hand us either). Duplicates are removed, order is kept.
 */
export function requirePhoneNumberList(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): string[] {
	const parts = (Array.isArray(value) ? value : String(value ?? '').split(/[,;\n]/))
		.map((part) => (typeof part === 'string' ? part.trim() : part))
		.filter((part) => part !== '' && part !== undefined && part !== null);
	if (parts.length === 0) {
		throw new NodeOperationError(node, `'${field}' is empty`, {
			itemIndex,
			description: 'Give at least one phone number, e.g. +45 71 99 99 99. Nothing was sent to Relatel.',
		});
	}
	return [...new Set(parts.map((part) => requirePhoneNumber(node, part, field, itemIndex)))];
}

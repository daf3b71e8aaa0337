import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { cleanNumberInput, MAX_NUMBER_INPUT, quoted } from './text';

/** Most recipients one SMS item may have: a bigger list is one request we could not safely retry or undo. */
export const MAX_RECIPIENTS = 1000;

/**
 * Turns a phone number as people type it (`+45 71 99 99 99`, `0045-7199-9999`,
 * `(45) 71999999`, `+45 71–99–99–99`) into Relatel's form: country code + number, digits
 * only (`4571999999`). Invisible marks and full-width digits from copy-paste are cleaned
 * (see text.ts). Returns undefined when it is not a number Relatel can use.
 */
export function normalizePhoneNumber(input: unknown): string | undefined {
	if (typeof input === 'number' && Number.isSafeInteger(input)) input = String(input);
	if (typeof input !== 'string' || input.length > MAX_NUMBER_INPUT) return undefined;
	let value = cleanNumberInput(input)
		.trim()
		.replace(/[\s\p{Pd}\u2212.()/]/gu, '');
	if (value.startsWith('+')) value = value.slice(1);
	else if (value.startsWith('00')) value = value.slice(2);
	if (!/^[1-9]\d{8,14}$/.test(value)) return undefined;
	return value;
}

function explain(value: string): string {
	if (value.length > MAX_NUMBER_INPUT) return ` It has ${value.length.toLocaleString('en-US')} characters: a phone number has at most 15 digits.`;
	const digits = cleanNumberInput(value).replace(/\D/g, '');
	if (/\p{L}/u.test(value)) return ' A phone number has only digits (and spaces, dashes, + or 00): this has letters in it.';
	if (digits.length > 15) return ` It has ${digits.length} digits: a phone number has at most 15, country code included.`;
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
	const shown = quoted(value);
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
	max = MAX_RECIPIENTS,
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
	const numbers = [...new Set(parts.map((part) => requirePhoneNumber(node, part, field, itemIndex)))];
	if (numbers.length > max) {
		throw new NodeOperationError(node, `'${field}' has too many numbers (${numbers.length.toLocaleString('en-US')})`, {
			itemIndex,
			description: `One item sends to at most ${max.toLocaleString('en-US')} numbers: a bigger list is one request to Relatel that n8n could not safely resend if the connection broke. Give each number (or each batch of up to ${max.toLocaleString('en-US')}) its own item, e.g. with the Split Out node. Nothing was sent to Relatel.`,
		});
	}
	return numbers;
}

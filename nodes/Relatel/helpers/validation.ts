import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MAX_SEGMENTS, smsInfo, type SmsInfo } from './sms';
import { cleanNumberInput, isBlank, MAX_NUMBER_INPUT, quoted } from './text';

/** Checks on user input, each raising a NodeOperationError that names the field and item. */

/**
 * Longest free text (a name, a comment) sent to Relatel: 65,535 characters, what a database
 * text column holds. A longer value is almost always an expression that picked up a whole
 * file or document.
 */
export const MAX_TEXT_LENGTH = 65_535;

/** Text that is not empty (whitespace and invisible characters alone count as empty) and not oversized. */
export function requireText(node: INode, value: unknown, field: string, itemIndex: number, maxLength = MAX_TEXT_LENGTH): string {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
	if (isBlank(text)) {
		throw new NodeOperationError(node, `'${field}' is empty`, {
			itemIndex,
			description: `Fill in '${field}'. Nothing was sent to Relatel.`,
		});
	}
	if (text.length > maxLength) {
		throw new NodeOperationError(node, `'${field}' is too long (${text.length.toLocaleString('en-US')} characters)`, {
			itemIndex,
			description: `'${field}' takes at most ${maxLength.toLocaleString('en-US')} characters. Check the expression that fills it: it may have picked up a whole file or document. Nothing was sent to Relatel.`,
		});
	}
	return text;
}

/** Optional free text, trimmed ('' when empty or not text), refused when oversized. */
export function optionalText(node: INode, value: unknown, field: string, itemIndex: number, maxLength = MAX_TEXT_LENGTH): string {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	return text && !isBlank(text) ? requireText(node, text, field, itemIndex, maxLength) : '';
}

/** A positive whole number id (as number or numeric string), at most Number.MAX_SAFE_INTEGER. */
export function requireId(node: INode, value: unknown, field: string, itemIndex: number): string {
	const raw = String(value ?? '');
	const text = raw.length > MAX_NUMBER_INPUT ? raw : cleanNumberInput(raw).trim();
	if (!/^\d{1,16}$/.test(text) || /^0+$/.test(text) || Number(text) > Number.MAX_SAFE_INTEGER) {
		throw new NodeOperationError(
			node,
			isBlank(text) ? `'${field}' is empty` : `"${quoted(text)}" is not a valid ID in '${field}'`,
			{
				itemIndex,
				description: `'${field}' must be a Relatel ID: a whole number above 0 such as 1234 (at most 16 digits). Nothing was sent to Relatel.`,
			},
		);
	}
	return text;
}

/** A parameter with nothing in it: not set, null, or only whitespace. */
export function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && isBlank(value));
}

/**
 * A value from a fixed list (a dropdown). The editor only offers the listed values, but an
 * expression or an AI agent can put anything there: a value outside the list is refused
 * instead of being sent to Relatel or silently read as another choice.
 */
export function requireChoice<T extends string>(
	node: INode,
	value: unknown,
	choices: readonly T[],
	field: string,
	itemIndex: number,
): T {
	const text = String(value ?? '').trim();
	const choice = choices.find((candidate) => candidate.toLowerCase() === text.toLowerCase());
	if (choice === undefined) {
		throw new NodeOperationError(
			node,
			isBlank(text) ? `'${field}' is empty` : `"${quoted(text, 40)}" is not a valid value in '${field}'`,
			{ itemIndex, description: `Use one of: ${choices.join(', ')}. Nothing was sent to Relatel.` },
		);
	}
	return choice;
}

/**
 * An endpoint written as Type#ID (Reception#7, Employee#12, EmployeeGroup#3, ChatReception#2);
 * spaces around the # are dropped (`Employee # 12` is Employee#12).
 */
export function requireEndpoint(node: INode, value: unknown, field: string, itemIndex: number): string {
	const text = String(value ?? '').trim().replace(/\s*#\s*/, '#');
	if (!/^[A-Za-z]+#\d{1,16}$/.test(text)) {
		throw new NodeOperationError(
			node,
			isBlank(text) ? `'${field}' is empty` : `"${quoted(text, 40)}" is not a valid endpoint in '${field}'`,
			{
				itemIndex,
				description:
					'Pick it from the list, or write it as Type#ID, e.g. Reception#7, Employee#12 or EmployeeGroup#3. Nothing was sent to Relatel.',
			},
		);
	}
	return text;
}

/** The Limit field: a whole number of at least 1 (an expression can give 0, -5 or "ten"). */
export function requireLimit(node: INode, value: unknown, itemIndex: number): number {
	const limit = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(node, `"${quoted(value, 40)}" is not a valid number in 'Limit'`, {
			itemIndex,
			description: "'Limit' must be a whole number of at least 1; turn on 'Return All' to get everything. Nothing was sent to Relatel.",
		});
	}
	return limit;
}

/** A call or chat UUID (Relatel uses UUIDs such as 45981120-324b-0132-d3ef-14dae9edd21d). */
export function requireUuid(node: INode, value: unknown, field: string, itemIndex: number): string {
	const raw = String(value ?? '');
	const text = raw.length > MAX_NUMBER_INPUT ? raw : cleanNumberInput(raw).trim();
	if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) {
		throw new NodeOperationError(
			node,
			isBlank(text) ? `'${field}' is empty` : `"${quoted(text, 60)}" is not a valid ID in '${field}'`,
			{ itemIndex, description: `'${field}' must be a UUID such as 45981120-324b-0132-d3ef-14dae9edd21d. Nothing was sent to Relatel.` },
		);
	}
	return text.toLowerCase();
}

/**
 * An ISO 8601 date-time from a date-time field or an expression (string, Date, Luxon
 * DateTime). Returned as ISO 8601 in UTC, or undefined when the field is empty.
 */
export function optionalDate(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
	timeZone?: string,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let date: Date | undefined;
	if (value instanceof Date) date = value;
	else if (typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		date = new Date(String((value as { toISO: () => string }).toISO()));
	} else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value.trim())) {
		const text = value.trim().replace(' ', 'T');
		// JavaScript turns 2026-02-30 into 2 March: a day the month does not have is refused.
		if (calendarDayExists(text) && clockTimeExists(text)) {
			// n8n's date picker gives no offset (2026-11-02T00:00:00): that is a time in the
			// workflow's time zone, not the server's.
			const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(text);
			date = hasZone || !timeZone ? new Date(text) : wallClockToDate(text, timeZone);
		}
	}
	if (!date || Number.isNaN(date.getTime())) {
		throw new NodeOperationError(node, `"${quoted(value)}" is not a valid date in '${field}'`, {
			itemIndex,
			description: `Use an ISO 8601 date such as 2026-12-01T09:30:00Z. Nothing was sent to Relatel.`,
		});
	}
	return date.toISOString().replace('.000Z', 'Z');
}

/**
 * A wall-clock time (no offset) in `timeZone` as an instant. Uses the offset the zone has
 * at that time (summer or winter), found with Intl; an unknown zone falls back to UTC.
 */
export function wallClockToDate(text: string, timeZone: string): Date {
	const [datePart, timePart = '00:00:00'] = text.split('T');
	const [year, month, day] = datePart.split('-').map(Number);
	const [hour = 0, minute = 0, second = 0] = timePart.split(':').map(Number);
	const asUtc = Date.UTC(year, month - 1, day, hour, minute, Math.floor(second), Math.round((second % 1) * 1000));
	let offset = zoneOffsetMs(asUtc, timeZone);
	// Near a daylight-saving change the offset at the result can differ: look once more.
	offset = zoneOffsetMs(asUtc - offset, timeZone);
	return new Date(asUtc - offset);
}

function zoneOffsetMs(instant: number, timeZone: string): number {
	let parts: Intl.DateTimeFormatPart[];
	try {
		parts = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		}).formatToParts(new Date(instant));
	} catch {
		return 0;
	}
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return wall - (instant - (instant % 1000));
}

/** 25:00 or 09:61 would roll over into the next hour or day: refused. */
function clockTimeExists(text: string): boolean {
	const time = /T(\d{2})(?::(\d{2}))?(?::(\d{2}(?:\.\d+)?))?/.exec(text);
	if (!time) return true;
	const [hour, minute = 0, second = 0] = time.slice(1).map((part) => Number(part ?? 0));
	return hour <= 23 && minute <= 59 && second < 60;
}

function calendarDayExists(text: string): boolean {
	const [year, month, day] = text.slice(0, 10).split('-').map(Number);
	if (month < 1 || month > 12 || day < 1) return false;
	return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function requireDate(node: INode, value: unknown, field: string, itemIndex: number, timeZone?: string): string {
	const date = optionalDate(node, value, field, itemIndex, timeZone);
	if (!date) {
		throw new NodeOperationError(node, `'${field}' is empty`, {
			itemIndex,
			description: `Fill in '${field}' with a date such as 2026-12-01T09:30:00Z. Nothing was sent to Relatel.`,
		});
	}
	return date;
}

/** `from` must not be after `to`. */
export function requireOrder(
	node: INode,
	from: string | undefined,
	to: string | undefined,
	fields: [string, string],
	itemIndex: number,
): void {
	if (from && to && Date.parse(from) > Date.parse(to)) {
		throw new NodeOperationError(node, `'${fields[0]}' is after '${fields[1]}'`, {
			itemIndex,
			description: 'The start of the period must come before its end. Nothing was sent to Relatel.',
		});
	}
}

/** An SMS body: not empty, not longer than MAX_SEGMENTS segments. Returns its cost preview. */
export function requireSmsBody(node: INode, value: unknown, field: string, itemIndex: number): SmsInfo & { body: string } {
	const body = requireText(node, value, field, itemIndex, Infinity);
	// Ten segments are at most 1,530 characters: counting a far longer text exactly is wasted work.
	if (body.length > 20_000) {
		throw new NodeOperationError(node, `'${field}' is too long for one SMS (${body.length.toLocaleString('en-US')} characters)`, {
			itemIndex,
			description: `This node sends at most ${MAX_SEGMENTS} segments (1,530 plain characters or 670 with emoji/special characters). Check the expression that fills '${field}': it may have picked up a whole file or document. Nothing was sent to Relatel.`,
		});
	}
	const info = smsInfo(body);
	if (info.segments > MAX_SEGMENTS) {
		throw new NodeOperationError(node, `'${field}' is too long for one SMS (${info.segments} segments)`, {
			itemIndex,
			description: `The text has ${info.characters} characters (${info.encoding}), which would be sent as ${info.segments} SMS segments per recipient. This node sends at most ${MAX_SEGMENTS} segments (1,530 plain characters or 670 with emoji/special characters). Nothing was sent to Relatel.`,
		});
	}
	return { ...info, body };
}

import type { IDataObject } from 'n8n-workflow';

/**
 * Client-side call filters. Relatel's `endpoint` query filter on GET /calls does not filter
 * on the live API, and a call to a main number carries the reception as `endpoint` with the
 * employee who took it only in `path[]` / `nodes[]`. So "calls of Employee#12" is decided
 * here, from the call record itself.
 */

/** `Employee#12` in one comparable form; also reads `{ type: 'Employee', id: 12 }`. */
function endpointKey(value: unknown): string | undefined {
	if (typeof value === 'string') {
		const text = value.replace(/\s+/g, '').toLowerCase();
		return text || undefined;
	}
	if (value && typeof value === 'object') {
		const { type, id } = value as IDataObject;
		if ((typeof type === 'string' && type) && (typeof id === 'string' || typeof id === 'number') && id !== '') {
			return `${type}#${id}`.replace(/\s+/g, '').toLowerCase();
		}
	}
	return undefined;
}

function nodeEndpoints(list: unknown): unknown[] {
	return Array.isArray(list) ? list.map((node) => (node as IDataObject | null | undefined)?.endpoint) : [];
}

/**
 * Whether `endpoint` (`Employee#12`, `EmployeeGroup#3`, `Reception#7`) took part in the
 * call: it is the call's `endpoint`, or any `path[].endpoint` or `nodes[].endpoint`.
 * An empty endpoint matches every call.
 */
export function callMatchesEndpoint(call: IDataObject, endpoint: string | undefined | null): boolean {
	const wanted = endpointKey(endpoint);
	if (!wanted) return true;
	if (!call || typeof call !== 'object') return false;
	return [call.endpoint, ...nodeEndpoints(call.path), ...nodeEndpoints(call.nodes)].some(
		(candidate) => endpointKey(candidate) === wanted,
	);
}

/** Whether the call was answered by someone (it has an `answered_at`). */
export function isAnsweredCall(call: IDataObject): boolean {
	return Boolean(call?.answered_at);
}

/** A missed call: incoming, ended, and never answered. A call still ringing is not missed yet. */
export function isMissedCall(call: IDataObject): boolean {
	return call?.direction === 'incoming' && Boolean(call.ended_at) && !call.answered_at;
}

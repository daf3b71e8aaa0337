import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { callMatchesEndpoint } from '../../Relatel/helpers/callMatch';
import { simplifyCall } from '../../Relatel/helpers/simplify';
import type { ListSource } from '../fetch';
import { asItems, simplifyParameter, timeField } from './types';

/**
 * What the three call events share. GET /calls is ordered by `started_at`, newest first,
 * and filters on `started_at_*` and `ended_at_*`. The `endpoint` query parameter is not
 * used: the live API ignores it, and a call to a main number names the employee only in
 * `path[]` / `nodes[]`, so the endpoint filter is applied here (callMatchesEndpoint).
 */
export function callSource(key: 'started_at' | 'ended_at'): ListSource {
	return {
		route: 'call.getAll',
		rootKey: 'calls',
		idOf: (call) => String(call.call_uuid),
		timeOf: (call) => timeField(call, key),
		sinceParam: `${key}_gt_or_eq`,
		paging: { cursorParam: 'started_at_lt_or_eq', orderField: 'started_at', honoursLimit: true },
		// Ended calls come in started_at order: a long call ends after shorter, later ones.
		orderedByEventTime: key === 'started_at',
	};
}

/** `incoming`, `outgoing`, or undefined for both. */
export function directionParameter(ctx: IPollFunctions): 'incoming' | 'outgoing' | undefined {
	const value = ctx.getNodeParameter('callDirection', 'any') as string;
	return value === 'incoming' || value === 'outgoing' ? value : undefined;
}

export function callQuery(direction: string | undefined): IDataObject {
	return direction ? { direction } : {};
}

export async function callOutput(ctx: IPollFunctions, calls: IDataObject[]) {
	return asItems(simplifyParameter(ctx) ? calls.map(simplifyCall) : calls);
}

export function matchesDirectionAndEndpoint(
	call: IDataObject,
	direction: string | undefined,
	endpoint: string | undefined,
): boolean {
	if (direction && call.direction !== direction) return false;
	return callMatchesEndpoint(call, endpoint);
}

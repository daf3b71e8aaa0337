import { callOutput, callQuery, callSource, directionParameter, matchesDirectionAndEndpoint } from './call';
import type { ListEvent } from './types';
import { endpointParameter } from './types';

/**
 * Call Started: a call appears in Relatel (ringing). Keyed on `started_at`.
 * Filters: direction (server and client side), endpoint (the call's endpoint, path[] or nodes[]).
 */
export const callStarted: ListEvent = {
	kind: 'list',
	source: callSource('started_at'),
	prepare(ctx) {
		const direction = directionParameter(ctx);
		const endpoint = endpointParameter(ctx);
		return {
			qs: callQuery(direction),
			matches: (call) => matchesDirectionAndEndpoint(call, direction, endpoint),
			output: async (calls) => await callOutput(ctx, calls),
		};
	},
};

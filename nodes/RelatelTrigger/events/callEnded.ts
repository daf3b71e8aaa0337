import {
	callOutput,
	callQuery,
	callSource,
	directionParameter,
	matchesDirectionAndEndpoint,
} from './call';
import type { ListEvent } from './types';
import { endpointParameter } from './types';

/**
 * Call Ended: a call gets its `ended_at`. Keyed on `ended_at` (queried with
 * `ended_at_gt_or_eq`), so a call that started before the trigger's watermark but ends
 * after it fires once. Filters: direction, answered or not, endpoint.
 */
export const callEnded: ListEvent = {
	kind: 'list',
	source: callSource('ended_at'),
	prepare(ctx) {
		const direction = directionParameter(ctx);
		const endpoint = endpointParameter(ctx);
		const answered = ctx.getNodeParameter('callAnswered', 'any') as string;
		return {
			qs: callQuery(direction),
			matches: (call) => {
				if (!call.ended_at) return false;
				if (answered === 'answered' && !call.answered_at) return false;
				if (answered === 'notAnswered' && call.answered_at) return false;
				return matchesDirectionAndEndpoint(call, direction, endpoint);
			},
			output: async (calls) => await callOutput(ctx, calls),
		};
	},
};

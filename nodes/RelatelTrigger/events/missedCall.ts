import { isMissedCall } from '../../Relatel/helpers/callMatch';
import { callOutput, callQuery, callSource, matchesDirectionAndEndpoint } from './call';
import type { ListEvent } from './types';
import { endpointParameter } from './types';

/**
 * Missed Call: an incoming call ended without being answered. Keyed on `ended_at`, so it
 * fires when the caller hangs up (or the call goes to voicemail). Filter: endpoint.
 */
export const missedCall: ListEvent = {
	kind: 'list',
	source: callSource('ended_at'),
	prepare(ctx) {
		const endpoint = endpointParameter(ctx);
		return {
			qs: callQuery('incoming'),
			matches: (call) => isMissedCall(call) && matchesDirectionAndEndpoint(call, 'incoming', endpoint),
			output: async (calls) => await callOutput(ctx, calls),
		};
	},
};

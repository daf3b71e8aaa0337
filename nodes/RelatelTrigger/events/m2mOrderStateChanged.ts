import type { IDataObject } from 'n8n-workflow';

import type { StateEvent } from './types';
import { asItems } from './types';

/** The states typed in "Only When New State Is" (comma separated), lower case; empty: any. */
function wantedStates(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((state) => state.trim().toLowerCase())
		.filter(Boolean);
}

/**
 * M2M Order State Changed: GET /m2m/orders, compared with the states remembered from the
 * last poll. Emits `{ ...order, previous_state }` for every order whose state changed, and
 * for every new order (`previous_state: null`). The first poll only records the states.
 * Filter: the new state.
 */
export const m2mOrderStateChanged: StateEvent = {
	kind: 'state',
	prepare(ctx) {
		const states = wantedStates(ctx.getNodeParameter('orderStates', ''));
		return {
			matches: (order: IDataObject) =>
				states.length === 0 || states.includes(String(order.state ?? '').toLowerCase()),
			output: async (changes) => asItems(changes),
		};
	},
};

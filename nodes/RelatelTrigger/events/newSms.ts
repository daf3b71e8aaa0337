import type { IDataObject } from 'n8n-workflow';

import { simplifyMessage } from '../../Relatel/helpers/simplify';
import type { ListEvent } from './types';
import { asItems, endpointParameter, simplifyParameter, timeField } from './types';

function sameEndpoint(a: unknown, b: string): boolean {
	return typeof a === 'string' && a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();
}

/**
 * Whether the SMS belongs to `endpoint`: its `endpoint` is it, or (for `Employee#12`) the
 * employee who sent it is that employee. Decided here: Relatel's own endpoint filter
 * for messages is not relied on.
 */
export function smsMatchesEndpoint(message: IDataObject, endpoint: string | undefined): boolean {
	if (!endpoint) return true;
	if (sameEndpoint(message.endpoint, endpoint)) return true;
	const employee = /^employee#(\d+)$/i.exec(endpoint.replace(/\s+/g, ''));
	const sender = message.employee as IDataObject | null | undefined;
	return Boolean(employee && sender && String(sender.id) === employee[1]);
}

/**
 * New SMS: keyed on `created_at` (`created_at_gt_or_eq`). Filters: direction (incoming,
 * outgoing or both) and endpoint, both applied here. Relatel documents no page size for
 * /messages, so paging goes on until a page brings no new id.
 */
export const newSms: ListEvent = {
	kind: 'list',
	source: {
		route: 'message.getAll',
		rootKey: 'messages',
		idOf: (message) => String(message.id),
		timeOf: (message) => timeField(message, 'created_at'),
		sinceParam: 'created_at_gt_or_eq',
		paging: { cursorParam: 'created_at_lt_or_eq', orderField: 'created_at', honoursLimit: false },
		orderedByEventTime: true,
	},
	prepare(ctx) {
		const direction = ctx.getNodeParameter('smsDirection', 'incoming') as string;
		const endpoint = endpointParameter(ctx);
		const simplify = simplifyParameter(ctx);
		return {
			qs: {},
			matches: (message) =>
				(direction === 'both' || message.direction === direction) && smsMatchesEndpoint(message, endpoint),
			output: async (messages) => asItems(simplify ? messages.map(simplifyMessage) : messages),
		};
	},
};

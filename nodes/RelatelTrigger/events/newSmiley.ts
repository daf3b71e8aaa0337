import type { IDataObject } from 'n8n-workflow';

import type { ListEvent } from './types';
import { asItems, timeField } from './types';

function isPositive(smiley: IDataObject): boolean {
	if (smiley.rating !== undefined && smiley.rating !== null) return Number(smiley.rating) === 1;
	return smiley.kind === 'positive';
}

function hasComment(smiley: IDataObject): boolean {
	return typeof smiley.comment === 'string' && smiley.comment.trim() !== '';
}

/**
 * New Smiley: a caller's feedback, keyed on `rated_at` (`rated_at_gt_or_eq`). Filters:
 * positive or negative (`rating` 1/0), only with a comment (`commented`); sent to Relatel
 * and checked again here.
 */
export const newSmiley: ListEvent = {
	kind: 'list',
	source: {
		route: 'smiley.getAll',
		rootKey: 'smileys',
		idOf: (smiley) => String(smiley.id),
		timeOf: (smiley) => timeField(smiley, 'rated_at'),
		sinceParam: 'rated_at_gt_or_eq',
		paging: { cursorParam: 'rated_at_lt_or_eq', orderField: 'rated_at', honoursLimit: true },
		orderedByEventTime: true,
	},
	prepare(ctx) {
		const rating = ctx.getNodeParameter('smileyRating', 'any') as string;
		const commented = ctx.getNodeParameter('onlyWithComment', false) as boolean;
		const qs: IDataObject = {};
		if (rating === 'positive') qs.rating = 1;
		if (rating === 'negative') qs.rating = 0;
		if (commented) qs.commented = true;
		return {
			qs,
			matches: (smiley) => {
				if (rating === 'positive' && !isPositive(smiley)) return false;
				if (rating === 'negative' && isPositive(smiley)) return false;
				return !commented || hasComment(smiley);
			},
			output: async (smileys) => asItems(smileys),
		};
	},
};

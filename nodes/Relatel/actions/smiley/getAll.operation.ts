import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { employeeLocator, endpointLocator, returnAllAndLimit, simplifyField } from '../common.descriptions';
import { datePeriod, optionalEndpoint, optionalLocator, requestedLimit, toItems } from '../../helpers/parameters';
import { requirePhoneNumber } from '../../helpers/phone';
import { requireId } from '../../helpers/validation';
import { justBefore, paginate } from '../../transport/pagination';

const properties: INodeProperties[] = [
	...returnAllAndLimit('smileys'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'Commented',
				name: 'commented',
				type: 'boolean',
				default: true,
				description:
					'Whether to return only smileys with a comment (on) or only smileys without one (off)',
			},
			{ ...employeeLocator('employeeId', false), description: 'Only smileys given for this employee' },
			{ ...endpointLocator('endpoint', 'Endpoint'), description: 'Only smileys for this reception, employee group or employee' },
			{
				displayName: 'Phone Number',
				name: 'number',
				type: 'string',
				default: '',
				placeholder: '+45 71 99 99 99',
				description: "Only smileys from this caller's phone number. With country code; spaces, dashes, + and 00 are fine.",
			},
			{
				displayName: 'Rated After',
				name: 'ratedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only smileys given at or after this time',
			},
			{
				displayName: 'Rated Before',
				name: 'ratedBefore',
				type: 'dateTime',
				default: '',
				description: 'Only smileys given at or before this time',
			},
			{
				displayName: 'Rating',
				name: 'rating',
				type: 'options',
				default: 'any',
				description: 'Only happy (positive) or only unhappy (negative) smileys',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'Negative', value: 'negative', description: 'Unhappy smileys (rating 0)' },
					{ name: 'Positive', value: 'positive', description: 'Happy smileys (rating 1)' },
				],
			},
		],
	},
	simplifyField,
];

export const description = updateDisplayOptions({ show: { resource: ['smiley'], operation: ['getAll'] } }, properties);

const RATINGS: Record<string, number | undefined> = { any: undefined, '': undefined, positive: 1, '1': 1, negative: 0, '0': 0 };

/** The fields most workflows use, flat: the contact's id and name instead of the nested contact. */
export function simplifySmiley(smiley: IDataObject): IDataObject {
	const contact = smiley.contact as IDataObject | null | undefined;
	return {
		id: smiley.id,
		rated_at: smiley.rated_at,
		rating: smiley.rating,
		kind: smiley.kind,
		net_promoter_score: smiley.net_promoter_score ?? null,
		comment: smiley.comment ?? null,
		number: smiley.number ?? null,
		number_formatted: smiley.number_formatted ?? null,
		email: smiley.email ?? null,
		contact_id: contact?.id ?? null,
		contact_name: contact?.name ?? null,
		employee_id: smiley.employee_id ?? null,
		endpoint: smiley.endpoint ?? null,
		conversation_type: smiley.conversation_type,
		conversation_uuid: smiley.conversation_uuid,
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const { start: after, end: before } = datePeriod.call(
		this,
		itemIndex,
		[filters.ratedAfter, 'Rated After'],
		[filters.ratedBefore, 'Rated Before'],
	);

	const qs: IDataObject = {};
	if (filters.number !== undefined && String(filters.number).trim() !== '') {
		qs.number = requirePhoneNumber(node, filters.number, 'Phone Number', itemIndex);
	}
	if (after) qs.rated_at_gt_or_eq = after;
	if (before) qs.rated_at_lt_or_eq = before;
	if (filters.endpoint !== undefined) {
		const endpoint = optionalEndpoint.call(this, 'filters.endpoint', 'Endpoint', itemIndex);
		if (endpoint) qs.endpoint = endpoint;
	}
	if (filters.employeeId !== undefined) {
		const employee = optionalLocator.call(this, 'filters.employeeId', itemIndex);
		if (employee) qs.employee_id = requireId(node, employee, 'Employee', itemIndex);
	}
	if (filters.rating !== undefined) {
		const key = String(filters.rating).trim().toLowerCase();
		if (!Object.hasOwn(RATINGS, key)) {
			throw new NodeOperationError(node, `"${String(filters.rating).slice(0, 40)}" is not a rating in 'Rating'`, {
				itemIndex,
				description: 'Use positive (1), negative (0) or any. Nothing was sent to Relatel.',
			});
		}
		if (RATINGS[key] !== undefined) qs.rating = RATINGS[key];
	}
	if (filters.commented !== undefined) {
		const commented = String(filters.commented).trim().toLowerCase();
		if (commented !== 'true' && commented !== 'false') {
			throw new NodeOperationError(node, `'Commented' must be true or false`, {
				itemIndex,
				description: `Got "${String(filters.commented).slice(0, 40)}". Nothing was sent to Relatel.`,
			});
		}
		qs.commented = commented === 'true';
	}

	const smileys = await paginate.call(this, {
		route: 'smiley.getAll',
		qs,
		rootKey: 'smileys',
		idOf: (smiley) => String(smiley.id),
		cursorParam: 'rated_at_lt_or_eq',
		nextCursor: (last) => last.rated_at as string,
		stepPast: justBefore,
		limit: requestedLimit.call(this, itemIndex),
		itemIndex,
	});
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return toItems(simplify ? smileys.map(simplifySmiley) : smileys);
}

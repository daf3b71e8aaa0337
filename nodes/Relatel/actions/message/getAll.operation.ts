import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { endpointLocator, returnAllAndLimit, simplifyField } from '../common.descriptions';
import { datePeriod, optionalEndpoint, requestedLimit, toItems } from '../../helpers/parameters';
import { simplifyMessage } from '../../helpers/simplify';

import { justBefore, paginate } from '../../transport/pagination';

const properties: INodeProperties[] = [
	...returnAllAndLimit('messages'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
				description: 'Only messages created at or after this time',
			},
			{
				displayName: 'Created Before',
				name: 'createdBefore',
				type: 'dateTime',
				default: '',
				description: 'Only messages created at or before this time',
			},
			endpointLocator('endpoint', 'Endpoint'),
		],
	},
	simplifyField,
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const { start: after, end: before } = datePeriod.call(
		this,
		itemIndex,
		[filters.createdAfter, 'Created After'],
		[filters.createdBefore, 'Created Before'],
	);

	const qs: IDataObject = {};
	if (after) qs.created_at_gt_or_eq = after;
	if (before) qs.created_at_lt_or_eq = before;
	if (filters.endpoint !== undefined) {
		const endpoint = optionalEndpoint.call(this, 'filters.endpoint', 'Endpoint', itemIndex);
		if (endpoint) qs.endpoint = endpoint;
	}

	const messages = await paginate.call(this, {
		route: 'message.getAll',
		qs,
		rootKey: 'messages',
		idOf: (message) => String(message.id),
		cursorParam: 'created_at_lt_or_eq',
		nextCursor: (last) => last.created_at as string,
		stepPast: justBefore,
		limit: requestedLimit.call(this, itemIndex),
		itemIndex,
		// Relatel does not document a page size for messages.
		honoursLimit: false,
	});
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return toItems(simplify ? messages.map(simplifyMessage) : messages);
}

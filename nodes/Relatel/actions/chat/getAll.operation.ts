import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../common.descriptions';
import { datePeriod, requestedLimit, toItems } from '../../helpers/parameters';

import { listFrom } from '../../transport/pagination';
import { relatelApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	...returnAllAndLimit('chats'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Started After',
				name: 'startedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only chats started at or after this time',
			},
			{
				displayName: 'Started Before',
				name: 'startedBefore',
				type: 'dateTime',
				default: '',
				description: 'Only chats started at or before this time',
			},
			{
				displayName: 'State',
				name: 'state',
				type: 'string',
				default: '',
				placeholder: 'ringing',
				description:
					"Only chats in this state, as Relatel names it in the chat's state field (e.g. ringing for a chat nobody has answered yet)",
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['chat'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const { start: after, end: before } = datePeriod.call(
		this,
		itemIndex,
		[filters.startedAfter, 'Started After'],
		[filters.startedBefore, 'Started Before'],
	);
	const state = String(filters.state ?? '').trim().toLowerCase();
	const limit = requestedLimit.call(this, itemIndex);

	// Relatel documents no filters or paging for chats: one request, filtered and limited here.
	const response = await relatelApiRequest.call(this, 'chat.getAll', { itemIndex });
	const afterMs = after ? Date.parse(after) : undefined;
	const beforeMs = before ? Date.parse(before) : undefined;
	const chats = listFrom(response, 'chats').filter((chat) => {
		if (state && String(chat.state ?? '').toLowerCase() !== state) return false;
		if (afterMs === undefined && beforeMs === undefined) return true;
		const started = Date.parse(String(chat.started_at ?? ''));
		if (Number.isNaN(started)) return false;
		return (afterMs === undefined || started >= afterMs) && (beforeMs === undefined || started <= beforeMs);
	});
	return toItems(limit > 0 ? chats.slice(0, limit) : chats);
}

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { endpointLocator, returnAllAndLimit, simplifyField } from '../common.descriptions';
import { callMatchesEndpoint, isAnsweredCall, isMissedCall } from '../../helpers/callMatch';
import { datePeriod, optionalEndpoint, requestedLimit, toItems } from '../../helpers/parameters';
import { isEmpty, requireChoice } from '../../helpers/validation';
import { simplifyCall } from '../../helpers/simplify';

import { justBefore, paginate } from '../../transport/pagination';

const properties: INodeProperties[] = [
	...returnAllAndLimit('calls'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'Answered',
				name: 'answered',
				type: 'options',
				default: 'all',
				description: 'Only answered calls, or only missed calls',
				options: [
					{ name: 'All', value: 'all', description: 'Answered and unanswered calls' },
					{ name: 'Answered', value: 'answered', description: 'Calls someone picked up' },
					{
						name: 'Missed',
						value: 'missed',
						description: 'Incoming calls that ended without being answered',
					},
				],
			},
			{
				displayName: 'Direction',
				name: 'direction',
				type: 'options',
				default: 'incoming',
				description: 'Only incoming or only outgoing calls',
				options: [
					{ name: 'Incoming', value: 'incoming' },
					{ name: 'Outgoing', value: 'outgoing' },
				],
			},
			{
				displayName: 'Ended After',
				name: 'endedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only calls that ended at or after this time',
			},
			{
				displayName: 'Ended Before',
				name: 'endedBefore',
				type: 'dateTime',
				default: '',
				description: 'Only calls that ended at or before this time',
			},
			{
				...endpointLocator('endpoint', 'Endpoint'),
				description:
					'Only calls this employee, employee group or reception took part in, also when the call came in on a main number and was passed on',
			},
			{
				displayName: 'Started After',
				name: 'startedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only calls that started at or after this time',
			},
			{
				displayName: 'Started Before',
				name: 'startedBefore',
				type: 'dateTime',
				default: '',
				description: 'Only calls that started at or before this time',
			},
		],
	},
	simplifyField,
];

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const { start: startedAfter, end: startedBefore } = datePeriod.call(
		this,
		itemIndex,
		[filters.startedAfter, 'Started After'],
		[filters.startedBefore, 'Started Before'],
	);
	const { start: endedAfter, end: endedBefore } = datePeriod.call(
		this,
		itemIndex,
		[filters.endedAfter, 'Ended After'],
		[filters.endedBefore, 'Ended Before'],
	);

	const qs: IDataObject = {};
	if (startedAfter) qs.started_at_gt_or_eq = startedAfter;
	if (startedBefore) qs.started_at_lt_or_eq = startedBefore;
	if (endedAfter) qs.ended_at_gt_or_eq = endedAfter;
	if (endedBefore) qs.ended_at_lt_or_eq = endedBefore;
	// An added filter left empty (e.g. an expression that gave nothing) filters nothing.
	if (!isEmpty(filters.direction)) {
		qs.direction = requireChoice(this.getNode(), filters.direction, ['incoming', 'outgoing'], 'Direction', itemIndex);
	}

	// Relatel's `endpoint` query does not filter, and a call to a main number names the
	// employee only in path[]/nodes[]: the endpoint is matched here, never sent.
	const endpoint =
		filters.endpoint !== undefined ? optionalEndpoint.call(this, 'filters.endpoint', 'Endpoint', itemIndex) : undefined;
	const answered = isEmpty(filters.answered)
		? 'all'
		: requireChoice(this.getNode(), filters.answered, ['all', 'answered', 'missed'], 'Answered', itemIndex);
	const checks: Array<(call: IDataObject) => boolean> = [];
	if (endpoint) checks.push((call) => callMatchesEndpoint(call, endpoint));
	if (answered === 'answered') checks.push(isAnsweredCall);
	if (answered === 'missed') checks.push(isMissedCall);

	const calls = await paginate.call(this, {
		route: 'call.getAll',
		qs,
		rootKey: 'calls',
		idOf: (call) => String(call.call_uuid),
		cursorParam: 'started_at_lt_or_eq',
		nextCursor: (last) => last.started_at as string,
		stepPast: justBefore,
		limit: requestedLimit.call(this, itemIndex),
		itemIndex,
		keep: checks.length ? (call) => checks.every((check) => check(call)) : undefined,
	});
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return toItems(simplify ? calls.map(simplifyCall) : calls);
}

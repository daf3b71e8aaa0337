import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { endpointLocator } from '../common.descriptions';
import { requiredDatePeriod, toItems } from '../../helpers/parameters';
import { requireChoice, requireEndpoint } from '../../helpers/validation';

import { listFrom } from '../../transport/pagination';
import { relatelApiRequest } from '../../transport/request';

const ENDPOINT_TYPES = ['ChatReception', 'Employee', 'Reception'];
const GROUP_BY = [
	'chat_reception_id',
	'employee_id',
	'ivr_key',
	'period_day',
	'period_hour',
	'period_month',
	'period_week',
	'reception_id',
];

const properties: INodeProperties[] = [
	{
		displayName:
			'Relatel refreshes statistics every 1–2 hours, so the latest calls and chats may not be counted yet',
		name: 'statisticsNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Statistics Of',
		name: 'endpointType',
		type: 'options',
		required: true,
		default: 'Reception',
		description: 'Which kind of statistics to get',
		options: [
			{ name: 'Chat Receptions', value: 'ChatReception', description: 'Chats handled by chat receptions' },
			{ name: 'Employees', value: 'Employee', description: 'Calls handled by employees' },
			{ name: 'Receptions', value: 'Reception', description: 'Calls to receptions (the phone numbers of the switchboard)' },
		],
	},
	{
		displayName: 'Group By',
		name: 'groupBy',
		type: 'options',
		required: true,
		default: 'period_day',
		description: 'One output item per group, e.g. one per day or one per employee',
		options: [
			{ name: 'Chat Reception', value: 'chat_reception_id' },
			{ name: 'Day', value: 'period_day' },
			{ name: 'Employee', value: 'employee_id' },
			{ name: 'Hour', value: 'period_hour' },
			{ name: 'IVR Menu Key', value: 'ivr_key', description: 'The key callers pressed in the phone menu' },
			{ name: 'Month', value: 'period_month' },
			{ name: 'Reception', value: 'reception_id' },
			{ name: 'Week', value: 'period_week' },
		],
	},
	{
		displayName: 'Start',
		name: 'start',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Start of the period',
	},
	{
		displayName: 'End',
		name: 'end',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'End of the period',
	},
	{
		displayName: 'Endpoints',
		name: 'endpoints',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add endpoint',
		default: {},
		description:
			'Only these receptions, chat receptions or employees. Leave empty for all. An expression may also give several, separated by commas (Reception#7, Employee#12).',
		options: [
			{
				displayName: 'Endpoint',
				name: 'endpoint',
				values: [
					{
						...endpointLocator('endpoint', 'Endpoint', 'searchStatisticsEndpoints'),
						description: 'A reception or employee from the list, or a chat reception written as ChatReception#ID',
					},
				],
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['statistics'], operation: ['get'] } }, properties);

/** `Reception#7`, a resource locator value, a comma-separated list or an array: each endpoint once. */
function endpointList(value: unknown): string[] {
	if (value === undefined || value === null) return [];
	if (Array.isArray(value)) return value.flatMap(endpointList);
	if (typeof value === 'object' && 'value' in (value as IDataObject)) return endpointList((value as IDataObject).value);
	return String(value)
		.split(/[,;\n]/)
		.map((part) => part.trim())
		.filter(Boolean);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const endpointType = requireChoice(node, this.getNodeParameter('endpointType', itemIndex, ''), ENDPOINT_TYPES, 'Statistics Of', itemIndex);
	const groupBy = requireChoice(node, this.getNodeParameter('groupBy', itemIndex, ''), GROUP_BY, 'Group By', itemIndex);
	const { start: start, end: end } = requiredDatePeriod.call(
		this,
		itemIndex,
		[this.getNodeParameter('start', itemIndex, ''), 'Start'],
		[this.getNodeParameter('end', itemIndex, ''), 'End'],
	);

	const entries = this.getNodeParameter('endpoints.endpoint', itemIndex, []) as IDataObject[];
	const endpoints = [...new Set((Array.isArray(entries) ? entries : [entries]).flatMap((entry) => endpointList(entry?.endpoint)))];
	for (const endpoint of endpoints) requireEndpoint(node, endpoint, 'Endpoints', itemIndex);

	const qs: IDataObject = { endpoint_type: endpointType, group_by: groupBy, start, end };
	if (endpoints.length > 0) qs.endpoint = endpoints.join(',');
	const body = await relatelApiRequest.call(this, 'statistics.get', { qs, itemIndex });
	return toItems(listFrom(body, 'rows'));
}

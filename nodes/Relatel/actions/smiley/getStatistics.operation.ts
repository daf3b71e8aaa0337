import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { employeeLocator, endpointLocator } from '../common.descriptions';
import { optionalEndpoint, optionalLocator, requiredDatePeriod } from '../../helpers/parameters';
import { requireId } from '../../helpers/validation';
import { relatelApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	{
		displayName: 'From',
		name: 'fromTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Start of the period (smileys given at or after this time)',
	},
	{
		displayName: 'To',
		name: 'toTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'End of the period (smileys given at or before this time)',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{ ...employeeLocator('employeeId', false), description: 'Only smileys given for this employee' },
			{ ...endpointLocator('endpoint', 'Endpoint'), description: 'Only smileys for this reception, employee group or employee' },
		],
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'receptions',
		description: 'How to return the statistics',
		options: [
			{
				name: 'One Item per Reception',
				value: 'receptions',
				description: 'Counts and average rating of each reception, with its employees in a list',
			},
			{
				name: 'Raw Statistics Object',
				value: 'raw',
				description: "Relatel's whole answer as one item",
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['smiley'], operation: ['getStatistics'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const { start: from, end: to } = requiredDatePeriod.call(
		this,
		itemIndex,
		[this.getNodeParameter('fromTime', itemIndex, ''), 'From'],
		[this.getNodeParameter('toTime', itemIndex, ''), 'To'],
	);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;

	const qs: IDataObject = { from_time: from, to_time: to };
	if (filters.endpoint !== undefined) {
		const endpoint = optionalEndpoint.call(this, 'filters.endpoint', 'Endpoint', itemIndex);
		if (endpoint) qs.endpoint = endpoint;
	}
	if (filters.employeeId !== undefined) {
		const employee = optionalLocator.call(this, 'filters.employeeId', itemIndex);
		if (employee) qs.employee_id = requireId(node, employee, 'Employee', itemIndex);
	}

	const body = await relatelApiRequest.call(this, 'smiley.getStatistics', { qs, itemIndex });
	if (this.getNodeParameter('output', itemIndex, 'receptions') === 'raw') return [{ json: body }];

	const statistics = (body.statistics ?? {}) as IDataObject;
	const receptions = Array.isArray(statistics.receptions) ? (statistics.receptions as IDataObject[]) : [];
	return receptions.map((reception) => {
		const { id, ...rest } = reception;
		return { json: { reception_id: id ?? null, ...rest, from_time: from, to_time: to } };
	});
}

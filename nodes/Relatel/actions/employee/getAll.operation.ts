import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../common.descriptions';
import { requestedLimit, toItems } from '../../helpers/parameters';
import { listFrom } from '../../transport/pagination';
import { relatelApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	...returnAllAndLimit('employees'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'Name or Email Contains',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. jane',
				description: 'Only employees whose name or email contains this text (not case-sensitive)',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['employee'], operation: ['getAll'] } }, properties);

function contains(value: unknown, needle: string): boolean {
	return typeof value === 'string' && value.toLowerCase().includes(needle);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const needle = String(filters.search ?? '').trim().toLowerCase();
	const limit = requestedLimit.call(this, itemIndex);

	// Relatel returns every employee in one answer: filter and limit here.
	const body = await relatelApiRequest.call(this, 'employee.getAll', { itemIndex });
	let employees = listFrom(body, 'employees');
	if (needle) employees = employees.filter((e) => contains(e.name, needle) || contains(e.email, needle));
	if (limit > 0) employees = employees.slice(0, limit);
	return toItems(employees);
}

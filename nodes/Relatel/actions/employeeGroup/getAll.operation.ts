import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../common.descriptions';
import { requestedLimit, toItems } from '../../helpers/parameters';
import { listFrom } from '../../transport/pagination';
import { relatelApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [...returnAllAndLimit('employee groups')];

export const description = updateDisplayOptions(
	{ show: { resource: ['employeeGroup'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const limit = requestedLimit.call(this, itemIndex);
	// Relatel returns every group in one answer (`{ employee_groups: [...] }` or a bare array).
	const body = await relatelApiRequest.call(this, 'employeeGroup.getAll', { itemIndex });
	const groups = listFrom(body, 'employee_groups');
	return toItems(limit > 0 ? groups.slice(0, limit) : groups);
}

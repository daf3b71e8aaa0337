import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { employeeGroupLocator } from '../common.descriptions';
import { locatorId, toItems, unwrap } from '../../helpers/parameters';
import { relatelApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [employeeGroupLocator()];

export const description = updateDisplayOptions({ show: { resource: ['employeeGroup'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = locatorId.call(this, 'employeeGroupId', 'Employee Group', itemIndex);
	const response = await relatelApiRequest.call(this, 'employeeGroup.get', { pathParams: { id }, itemIndex });
	return toItems(unwrap(response, 'employee_group'));
}

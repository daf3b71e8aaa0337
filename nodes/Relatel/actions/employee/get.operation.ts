import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { employeeLocator } from '../common.descriptions';
import { locatorId, toItems, unwrap } from '../../helpers/parameters';
import { relatelApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [employeeLocator()];

export const description = updateDisplayOptions({ show: { resource: ['employee'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = locatorId.call(this, 'employeeId', 'Employee', itemIndex);
	const response = await relatelApiRequest.call(this, 'employee.get', { pathParams: { id }, itemIndex });
	return toItems(unwrap(response, 'employee'));
}

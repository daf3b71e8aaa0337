import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { employeeLocator } from '../common.descriptions';
import { locatorId, toItems, unwrap } from '../../helpers/parameters';
import { relatelApiRequest } from '../../transport/request';
import { employeeChanges, employeeUpdateFields } from './updateFields';

const properties: INodeProperties[] = [employeeLocator(), employeeUpdateFields];

export const description = updateDisplayOptions({ show: { resource: ['employee'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = locatorId.call(this, 'employeeId', 'Employee', itemIndex);
	const employee = employeeChanges.call(this, itemIndex);
	const response = await relatelApiRequest.call(this, 'employee.update', {
		pathParams: { id },
		body: { employee },
		itemIndex,
	});
	return toItems(unwrap(response, 'employee'));
}

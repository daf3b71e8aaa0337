import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toItems, unwrap } from '../../helpers/parameters';
import { relatelApiRequest } from '../../transport/request';
import { employeeChanges, employeeUpdateFields } from './updateFields';

const properties: INodeProperties[] = [employeeUpdateFields];

export const description = updateDisplayOptions(
	{ show: { resource: ['employee'], operation: ['updateCurrent'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const employee = employeeChanges.call(this, itemIndex);
	const response = await relatelApiRequest.call(this, 'employee.updateCurrent', { body: { employee }, itemIndex });
	return toItems(unwrap(response, 'employee'));
}

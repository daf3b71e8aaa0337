import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { employeeLocator } from '../common.descriptions';
import { smsFields, smsMessage, smsResult } from '../common.sms';
import { locatorId } from '../../helpers/parameters';
import { relatelApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	{
		...employeeLocator(),
		description: "The employee to text. The SMS goes to the employee's mobile number.",
	},
	...smsFields,
];

export const description = updateDisplayOptions({ show: { resource: ['employee'], operation: ['sendSms'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = locatorId.call(this, 'employeeId', 'Employee', itemIndex);
	const { message, info } = smsMessage.call(this, itemIndex);
	const response = await relatelApiRequest.call(this, 'employee.sendSms', {
		pathParams: { id },
		body: { message },
		itemIndex,
	});
	return [{ json: smsResult(response, info, { employee_id: Number(id) }) }];
}

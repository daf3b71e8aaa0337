import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { employeeGroupLocator } from '../common.descriptions';
import { smsFields, smsMessage, smsResult } from '../common.sms';
import { locatorId } from '../../helpers/parameters';
import { relatelApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	{
		...employeeGroupLocator(),
		description: 'The group to text. Every member gets the SMS on their mobile number.',
	},
	...smsFields,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['employeeGroup'], operation: ['sendSms'] } },
	properties,
);

/** Output: `sent` is how many members were reached; cost counts units for all of them. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = locatorId.call(this, 'employeeGroupId', 'Employee Group', itemIndex);
	const { message, info } = smsMessage.call(this, itemIndex);
	const response = await relatelApiRequest.call(this, 'employeeGroup.sendSms', {
		pathParams: { id },
		body: { message },
		itemIndex,
	});
	return [{ json: smsResult(response, info, { employee_group_id: Number(id) }) }];
}

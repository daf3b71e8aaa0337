import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { employeeGroupLocator } from '../common.descriptions';
import { locatorId, toItems, unwrap } from '../../helpers/parameters';
import { relatelApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	{
		...employeeGroupLocator(),
		description: "The group to join. The employee the Relatel credential belongs to (the token's owner) becomes a member.",
	},
];

export const description = updateDisplayOptions({ show: { resource: ['employeeGroup'], operation: ['join'] } }, properties);

/** Output: the group as it is afterwards. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = locatorId.call(this, 'employeeGroupId', 'Employee Group', itemIndex);
	const response = await relatelApiRequest.call(this, 'employeeGroup.join', { pathParams: { id }, itemIndex });
	return toItems(unwrap(response, 'employee_group'));
}

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toItems, unwrap } from '../../helpers/parameters';
import { relatelApiRequest } from '../../transport/request';

/** No fields: the employee is the owner of the credential's token. */
const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['employee'], operation: ['getCurrent'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const response = await relatelApiRequest.call(this, 'employee.getCurrent', { itemIndex });
	return toItems(unwrap(response, 'employee'));
}

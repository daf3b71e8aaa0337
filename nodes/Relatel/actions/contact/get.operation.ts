import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contactLocator } from '../common.descriptions';
import { locatorId, toItems, unwrap } from '../../helpers/parameters';
import { relatelApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [contactLocator()];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = locatorId.call(this, 'contactId', 'Contact', itemIndex);
	const response = await relatelApiRequest.call(this, 'contact.get', { pathParams: { id }, itemIndex });
	return toItems(unwrap(response, 'contact'));
}

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contactLocator } from '../common.descriptions';
import { locatorId } from '../../helpers/parameters';
import { relatelApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [contactLocator()];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = locatorId.call(this, 'contactId', 'Contact', itemIndex);
	await relatelApiRequest.call(this, 'contact.delete', { pathParams: { id }, itemIndex });
	return [{ json: { deleted: true, id: Number(id) } }];
}

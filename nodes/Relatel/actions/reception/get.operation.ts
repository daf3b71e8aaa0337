import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { receptionLocator } from '../common.descriptions';
import { locatorId, toItems, unwrap } from '../../helpers/parameters';
import { relatelApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [receptionLocator()];

export const description = updateDisplayOptions({ show: { resource: ['reception'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = locatorId.call(this, 'receptionId', 'Reception', itemIndex);
	const response = await relatelApiRequest.call(this, 'reception.get', { pathParams: { id }, itemIndex });
	return toItems(unwrap(response, 'reception'));
}

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toItems, unwrap } from '../../helpers/parameters';
import { requireId } from '../../helpers/validation';
import { relatelApiRequest } from '../../transport/request';
import { subscriptionIdField } from './common';

const properties: INodeProperties[] = [subscriptionIdField];

export const description = updateDisplayOptions({ show: { resource: ['m2mSubscription'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = requireId(this.getNode(), this.getNodeParameter('subscriptionId', itemIndex), 'Subscription ID', itemIndex);
	const body = await relatelApiRequest.call(this, 'm2mSubscription.get', { pathParams: { id }, itemIndex });
	return toItems(unwrap(body, 'subscription'));
}

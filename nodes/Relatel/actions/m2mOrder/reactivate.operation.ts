import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { relatelApiRequest } from '../../transport/request';
import { flatOrder, numberAndRecycle, numberField, recycleSimField } from './common';

const properties: INodeProperties[] = [
	{
		displayName:
			'Reactivating restarts a deactivated M2M subscription, which is paid again from then on. n8n sends the order once and never resends it.',
		name: 'reactivateNotice',
		type: 'notice',
		default: '',
	},
	numberField('The phone number of the deactivated M2M subscription.'),
	recycleSimField,
];

export const description = updateDisplayOptions({ show: { resource: ['m2mOrder'], operation: ['reactivate'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const order = numberAndRecycle.call(this, itemIndex);
	const response = await relatelApiRequest.call(this, 'm2mOrder.reactivate', { body: { order }, itemIndex });
	return [{ json: flatOrder(response, { number: order.number, recycle_sim: order.recycle_sim }) }];
}

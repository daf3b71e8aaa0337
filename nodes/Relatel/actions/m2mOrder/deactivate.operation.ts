import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { relatelApiRequest } from '../../transport/request';
import { flatOrder, numberAndRecycle, numberField, recycleSimField } from './common';

const properties: INodeProperties[] = [
	{
		displayName:
			'Deactivating stops the M2M subscription: the SIM card loses its connection. n8n sends the order once and never resends it.',
		name: 'deactivateNotice',
		type: 'notice',
		default: '',
	},
	numberField('The phone number of the M2M subscription to deactivate.'),
	recycleSimField,
];

export const description = updateDisplayOptions({ show: { resource: ['m2mOrder'], operation: ['deactivate'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const order = numberAndRecycle.call(this, itemIndex);
	const response = await relatelApiRequest.call(this, 'm2mOrder.deactivate', { body: { order }, itemIndex });
	return [{ json: flatOrder(response, { number: order.number, recycle_sim: order.recycle_sim }) }];
}

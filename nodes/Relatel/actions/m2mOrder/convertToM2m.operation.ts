import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requirePhoneNumber } from '../../helpers/phone';
import { relatelApiRequest } from '../../transport/request';
import { flatOrder, numberField, productFields, requireProduct } from './common';

const properties: INodeProperties[] = [
	{
		displayName:
			'Converting moves the number to a paid M2M subscription on the chosen product. n8n sends the order once and never resends it.',
		name: 'convertNotice',
		type: 'notice',
		default: '',
	},
	numberField('The phone number of the company subscription to convert.'),
	...productFields('mm', 'M2M Product', 'The M2M product the subscription becomes.'),
];

export const description = updateDisplayOptions({ show: { resource: ['m2mOrder'], operation: ['convertToM2m'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const number = requirePhoneNumber(this.getNode(), this.getNodeParameter('number', itemIndex), 'Phone Number', itemIndex);
	const mm = requireProduct.call(this, 'mm', 'M2M Product', itemIndex);
	const response = await relatelApiRequest.call(this, 'm2mOrder.convertToM2m', {
		body: { order: { number, mm } },
		itemIndex,
	});
	return [{ json: flatOrder(response, { number, product_name: mm }) }];
}

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionalText } from '../../helpers/validation';
import { relatelApiRequest } from '../../transport/request';
import { flatOrder, productFields, requireIcc, requireProduct } from './common';

const properties: INodeProperties[] = [
	{
		displayName:
			'Activating a SIM card starts a paid M2M subscription on your Relatel account. n8n sends the order once and never resends it.',
		name: 'activateNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'SIM Card ICC',
		name: 'iccId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '8945 0123 4567 8901 2348',
		description:
			'The ICC printed on the SIM card: 19 or 20 digits starting with 89. Spaces are fine. It is checked (length, prefix, check digit) before anything is ordered.',
	},
	...productFields('productName', 'Product', 'The M2M subscription to activate the SIM card on.'),
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		placeholder: 'Gylletank 34',
		description: 'A label for the subscription, e.g. the machine or vehicle the SIM card sits in',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Verify Check Digit',
				name: 'checkDigit',
				type: 'boolean',
				default: true,
				description:
					"Whether to refuse an ICC whose last digit is not its check digit (Luhn), which catches most typos. Turn off only for SIM cards whose ICC is printed without one.",
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['m2mOrder'], operation: ['activate'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const checkDigit = options.checkDigit !== false;
	const iccId = requireIcc(node, this.getNodeParameter('iccId', itemIndex), 'SIM Card ICC', itemIndex, checkDigit);
	const productName = requireProduct.call(this, 'productName', 'Product', itemIndex);
	const label = optionalText(node, this.getNodeParameter('description', itemIndex, ''), 'Description', itemIndex, 255);

	const order: IDataObject = { product_name: productName, icc_id: iccId };
	if (label) order.description = label;
	const response = await relatelApiRequest.call(this, 'm2mOrder.activate', { body: { order }, itemIndex });
	return [{ json: flatOrder(response, { icc_id: iccId, product_name: productName, description: label || null }) }];
}

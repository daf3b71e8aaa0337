import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toItems, unwrap } from '../../helpers/parameters';
import { requirePhoneNumber } from '../../helpers/phone';
import { relatelApiRequest } from '../../transport/request';
import { contactBody, contactFields, phoneNumberField } from './fields';

const properties: INodeProperties[] = [
	{ ...phoneNumberField, required: true },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: contactFields(false),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const number = requirePhoneNumber(node, this.getNodeParameter('number', itemIndex), 'Phone Number', itemIndex);
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const contact = { number, ...contactBody(node, additionalFields, itemIndex, false) };
	const response = await relatelApiRequest.call(this, 'contact.create', { body: { contact }, itemIndex });
	return toItems(unwrap(response, 'contact'));
}

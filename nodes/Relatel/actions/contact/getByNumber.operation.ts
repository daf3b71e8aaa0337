import type { IExecuteFunctions, INodeExecutionData, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { toItems, unwrap } from '../../helpers/parameters';
import { requirePhoneNumber } from '../../helpers/phone';
import { relatelApiRequest } from '../../transport/request';
import { phoneNumberField } from './fields';

const properties: INodeProperties[] = [
	{
		...phoneNumberField,
		required: true,
		description: 'The phone number to look up, with country code. Spaces, dashes, + and 00 are fine.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['getByNumber'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const number = requirePhoneNumber(node, this.getNodeParameter('number', itemIndex), 'Phone Number', itemIndex);
	try {
		const response = await relatelApiRequest.call(this, 'contact.getByNumber', { pathParams: { number }, itemIndex });
		return toItems(unwrap(response, 'contact'));
	} catch (error) {
		// Our errors are NodeApiErrors already; wrapping hands them back unchanged.
		if (!(error instanceof NodeApiError) || error.httpCode !== '404') {
			throw new NodeApiError(node, error as unknown as JsonObject, { itemIndex });
		}
		// "Check the ID" would mislead here: say which number was not found.
		const message = `No contact in Relatel has the number ${number}`;
		const description = `${error.description ?? ''} To get no items instead of an error, use Get Many with the Phone Number filter.`.trim();
		throw new NodeApiError(node, { message, description, httpCode: '404' } as JsonObject, {
			message,
			description,
			httpCode: '404',
			itemIndex,
		});
	}
}

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { smsFields, smsMessage, smsResult } from '../common.sms';
import { requirePhoneNumberList } from '../../helpers/phone';
import { relatelApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	{
		displayName: 'To',
		name: 'toNumbers',
		type: 'string',
		default: '',
		required: true,
		placeholder: '+45 71 99 99 99, +45 20 00 00 00',
		description:
			'One or more phone numbers with country code, separated by commas. Spaces, dashes, + and 00 are fine.',
	},
	...smsFields,
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['send'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const toNumbers = requirePhoneNumberList(node, this.getNodeParameter('toNumbers', itemIndex), 'To', itemIndex);
	const { message, info } = smsMessage.call(this, itemIndex);
	const response = await relatelApiRequest.call(this, 'message.send', {
		body: { message, to_numbers: toNumbers },
		itemIndex,
	});
	return [{ json: smsResult(response, info, { to_numbers: toNumbers }) }];
}

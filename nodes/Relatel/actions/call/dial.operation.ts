import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { receptionLocator } from '../common.descriptions';
import { locatorId } from '../../helpers/parameters';
import { requirePhoneNumber } from '../../helpers/phone';
import { relatelApiRequest } from '../../transport/request';

const RESTRICT_TO = ['', 'web_call', 'mobile'];

const properties: INodeProperties[] = [
	{
		displayName:
			'This places a real phone call every time it runs: your own Relatel phone rings first, and when you answer, Relatel calls the number',
		name: 'dialNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'To Number',
		name: 'toNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: '+45 71 99 99 99',
		description: 'The phone number to call, with country code. Spaces, dashes, + and 00 are fine.',
	},
	{
		displayName: 'Ring On',
		name: 'restrictTo',
		type: 'options',
		default: '',
		description: 'Which of your devices rings first',
		options: [
			{ name: 'Any Device', value: '', description: 'Every phone you have in Relatel rings' },
			{ name: 'Mobile', value: 'mobile', description: 'Only your mobile phone rings' },
			{ name: 'Web Call', value: 'web_call', description: 'Only the Relatel web phone rings' },
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				...receptionLocator('cloakReceptionId', false, 'Show Reception Number'),
				description:
					"Show this reception's phone number to the person you call instead of your own number",
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['dial'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const toNumber = requirePhoneNumber(node, this.getNodeParameter('toNumber', itemIndex), 'To Number', itemIndex);
	const restrictTo = String(this.getNodeParameter('restrictTo', itemIndex, '') ?? '');
	if (!RESTRICT_TO.includes(restrictTo)) {
		throw new NodeOperationError(node, `"${restrictTo.slice(0, 40)}" is not a valid value in 'Ring On'`, {
			itemIndex,
			description: "Use '' (any device), 'mobile' or 'web_call'. Nothing was sent to Relatel.",
		});
	}
	const body: IDataObject = { to_number: toNumber, restrict_to: restrictTo };
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	if (additionalFields.cloakReceptionId !== undefined) {
		const value = this.getNodeParameter('additionalFields.cloakReceptionId', itemIndex, '', { extractValue: true });
		if (String(value ?? '').trim()) {
			body.cloak_reception_id = locatorId.call(this, 'additionalFields.cloakReceptionId', 'Show Reception Number', itemIndex);
		}
	}
	// A POST: never resent by the transport, so a failure cannot ring twice.
	const response = await relatelApiRequest.call(this, 'call.dial', { body, itemIndex });
	return [{ json: { ...response, ...body } }];
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { optionalLocator } from '../helpers/parameters';
import type { SmsInfo } from '../helpers/sms';
import { requireId, requireSmsBody } from '../helpers/validation';
import { receptionLocator } from './common.descriptions';

/**
 * The three SMS sends (to numbers, to an employee, to a group) take the same
 * `message { body, endpoint, from_number_hidden }`: its fields, building and result live here.
 */
export const smsFields: INodeProperties[] = [
	{
		displayName: 'Message',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description:
			'The text. Each 160 plain characters (70 with emoji or special characters) is one SMS unit per recipient.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Hide Number (Use Brand Name)',
				name: 'fromNumberHidden',
				type: 'boolean',
				default: false,
				description:
					"Whether to show the reception's short brand name instead of a number. Needs 'Send as Reception', and Relatel must have approved the name.",
			},
			{
				...receptionLocator('sendAsReception', false, 'Send as Reception'),
				description: 'Send on behalf of this reception instead of your own mobile number',
			},
		],
	},
];

export type SmsBody = SmsInfo & { body: string };

/** Reads and checks the SMS fields of one item into Relatel's `message` object. */
export function smsMessage(this: IExecuteFunctions, itemIndex: number): { message: IDataObject; info: SmsBody } {
	const node = this.getNode();
	const info = requireSmsBody(node, this.getNodeParameter('body', itemIndex), 'Message', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const message: IDataObject = { body: info.body };
	if (options.sendAsReception !== undefined) {
		const reception = optionalLocator.call(this, 'options.sendAsReception', itemIndex);
		if (reception) message.endpoint = `Reception#${requireId(node, reception, 'Send as Reception', itemIndex)}`;
	}
	if (options.fromNumberHidden) {
		if (!message.endpoint) {
			throw new NodeOperationError(node, "'Hide Number' needs 'Send as Reception'", {
				itemIndex,
				description: 'Only a reception has a brand name to show. Nothing was sent to Relatel.',
			});
		}
		message.from_number_hidden = true;
	}
	return { message, info };
}

/** Relatel's answer (`sent`, `failed_numbers`) plus the cost: encoding, segments and units used. */
export function smsResult(response: IDataObject, info: SmsBody, extra: IDataObject = {}): IDataObject {
	const failed = Array.isArray(response.failed_numbers) ? response.failed_numbers : [];
	const sent = Number(response.sent) || 0;
	return {
		sent,
		failed_numbers: failed,
		...extra,
		encoding: info.encoding,
		characters: info.characters,
		segments: info.segments,
		units: info.segments * sent,
	};
}

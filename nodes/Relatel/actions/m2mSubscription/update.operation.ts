import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { toItems, unwrap } from '../../helpers/parameters';
import { optionalText, requireId } from '../../helpers/validation';
import { relatelApiRequest } from '../../transport/request';
import { subscriptionIdField } from './common';

const properties: INodeProperties[] = [
	subscriptionIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				placeholder: "John's autocamper",
				description: 'A new label for the subscription, e.g. the machine or vehicle the SIM card sits in',
			},
			{
				displayName: 'Overuse Limit (DKK)',
				name: 'overuseLimitDkk',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'The most the subscription may cost beyond its plan per month, in Danish kroner. 0 allows no overuse.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['m2mSubscription'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const id = requireId(node, this.getNodeParameter('subscriptionId', itemIndex), 'Subscription ID', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;

	const subscription: IDataObject = {};
	const label = optionalText(node, fields.description, 'Description', itemIndex, 255);
	if (label) {
		subscription.description = label;
	}
	if (fields.overuseLimitDkk !== undefined && fields.overuseLimitDkk !== '') {
		const raw = fields.overuseLimitDkk;
		const limit = typeof raw === 'string' ? Number(raw.trim().replace(',', '.')) : raw;
		if (typeof limit !== 'number' || !Number.isFinite(limit) || limit < 0) {
			throw new NodeOperationError(node, `"${String(raw).slice(0, 40)}" is not a valid amount in 'Overuse Limit (DKK)'`, {
				itemIndex,
				description: 'The overuse limit is an amount in DKK of 0 or more, e.g. 100. Nothing was sent to Relatel.',
			});
		}
		subscription.overuse_limit_dkk = limit;
	}
	if (Object.keys(subscription).length === 0) {
		throw new NodeOperationError(node, 'Nothing to update', {
			itemIndex,
			description:
				"Add 'Description' (not empty) or 'Overuse Limit (DKK)' under 'Update Fields'. Nothing was sent to Relatel.",
		});
	}
	const body = await relatelApiRequest.call(this, 'm2mSubscription.update', {
		pathParams: { id },
		body: { subscription },
		itemIndex,
	});
	return toItems(unwrap(body, 'subscription'));
}

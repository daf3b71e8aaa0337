import type { INodeProperties } from 'n8n-workflow';

export const subscriptionIdField: INodeProperties = {
	displayName: 'Subscription ID',
	name: 'subscriptionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '4567',
	description:
		"The M2M subscription's ID, e.g. the subscription_id of an M2M order or of a charges row",
};

import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';

export const operations: OperationMap = {};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['m2mOrder'] } },
		options: [
			{
				name: 'Activate SIM',
				value: 'activate',
				action: 'Activate an M2M SIM card',
				description: 'Order activation of an M2M SIM card (a paid subscription)',
			},
			{
				name: 'Convert Company Subscription to M2M',
				value: 'convertToM2m',
				action: 'Convert a company subscription to M2M',
				description: 'Move a company M2M subscription to an M2M subscription',
			},
			{
				name: 'Deactivate',
				value: 'deactivate',
				action: 'Deactivate an M2M subscription',
				description: 'Order deactivation of an M2M subscription',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many M2M orders',
				description: 'List M2M orders and their state',
			},
			{
				name: 'Reactivate',
				value: 'reactivate',
				action: 'Reactivate an M2M subscription',
				description: 'Order reactivation of an M2M subscription',
			},
		],
		default: 'getAll',
	},
];

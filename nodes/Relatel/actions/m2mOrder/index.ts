import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';
import * as activate from './activate.operation';
import * as convertToM2m from './convertToM2m.operation';
import * as deactivate from './deactivate.operation';
import * as getAll from './getAll.operation';
import * as reactivate from './reactivate.operation';

export const operations: OperationMap = { activate, convertToM2m, deactivate, getAll, reactivate };

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
				description: 'Order activation of an M2M SIM card. This starts a paid subscription.',
			},
			{
				name: 'Convert Company Subscription to M2M',
				value: 'convertToM2m',
				action: 'Convert a company subscription to M2M',
				description: 'Move a company M2M subscription to a paid M2M product',
			},
			{
				name: 'Deactivate',
				value: 'deactivate',
				action: 'Deactivate an M2M subscription',
				description: 'Order deactivation of an M2M subscription: its SIM card stops working',
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
				description: 'Order reactivation of a deactivated M2M subscription. It is paid again from then on.',
			},
		],
		default: 'getAll',
	},
	...activate.description,
	...convertToM2m.description,
	...deactivate.description,
	...getAll.description,
	...reactivate.description,
];

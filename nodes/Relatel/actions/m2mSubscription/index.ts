import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';
import * as get from './get.operation';
import * as getCharges from './getCharges.operation';
import * as update from './update.operation';

export const operations: OperationMap = { get, getCharges, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['m2mSubscription'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get an M2M subscription',
				description: 'Get an M2M subscription by ID: product, state, dates and overuse limit',
			},
			{
				name: 'Get Charges',
				value: 'getCharges',
				action: 'Get M2M charges',
				description: "Charges per subscription (from Relatel's CSV), one item per row",
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an M2M subscription',
				description: 'Change description or overuse limit',
			},
		],
		default: 'get',
	},
	...get.description,
	...getCharges.description,
	...update.description,
];

import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';
import * as get from './get.operation';

export const operations: OperationMap = { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['statistics'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get statistics',
				description: 'Aggregated call and chat statistics (updated every 1–2 hours)',
			},
		],
		default: 'get',
	},
	...get.description,
];

import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';
import * as getAll from './getAll.operation';
import * as getStatistics from './getStatistics.operation';

export const operations: OperationMap = { getAll, getStatistics };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['smiley'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many smileys',
				description: 'List caller feedback (smileys), newest first',
			},
			{
				name: 'Get Statistics',
				value: 'getStatistics',
				action: 'Get smiley statistics',
				description: 'Smiley counts and average rating per reception and employee',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...getStatistics.description,
];

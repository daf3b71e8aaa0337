import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getStatistics from './getStatistics.operation';

export const operations: OperationMap = { get, getAll, getStatistics };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['reception'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a reception',
				description: 'Get a reception by ID',
			},
			{
				name: 'Get Call Statistics',
				value: 'getStatistics',
				action: 'Get call statistics of a reception',
				description: 'Answered, missed and within-target calls for a period',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many receptions',
				description: 'List the receptions (switchboard numbers)',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
	...getStatistics.description,
];

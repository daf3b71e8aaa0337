import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations: OperationMap = { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chat'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a chat',
				description: 'Get a chat by its ID (a UUID)',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many chats',
				description: 'List chats, optionally only those in a given state or started in a period',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
];

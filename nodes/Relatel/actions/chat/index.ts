import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';

export const operations: OperationMap = {};

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
				description: 'Get a chat by ID',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many chats',
				description: 'List chats',
			},
		],
		default: 'getAll',
	},
];

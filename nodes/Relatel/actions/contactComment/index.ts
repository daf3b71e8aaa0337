import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';

export const operations: OperationMap = {};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contactComment'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a comment on a contact',
				description: 'Write a comment on a contact',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many comments on a contact',
				description: 'List the comments on a contact',
			},
		],
		default: 'getAll',
	},
];

import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';
import * as create from './create.operation';
import * as getAll from './getAll.operation';

export const operations: OperationMap = { create, getAll };

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
	...create.description,
	...getAll.description,
];

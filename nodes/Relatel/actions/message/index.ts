import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';
import * as getAll from './getAll.operation';
import * as send from './send.operation';

export const operations: OperationMap = { getAll, send };
export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many SMS messages',
				description: 'List sent and received SMS, newest first',
			},
			{
				name: 'Send',
				value: 'send',
				action: 'Send an SMS',
				description: 'Send an SMS to one or more phone numbers',
			},
		],
		default: 'send',
	},
	...send.description,
	...getAll.description,
];

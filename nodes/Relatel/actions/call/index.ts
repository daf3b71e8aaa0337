import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';
import * as dial from './dial.operation';
import * as downloadRecording from './downloadRecording.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations: OperationMap = { dial, downloadRecording, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['call'] } },
		options: [
			{
				name: 'Dial',
				value: 'dial',
				action: 'Dial a number',
				description: 'Place a real click-to-call call: your phone rings first, then the number',
			},
			{
				name: 'Download Recording',
				value: 'downloadRecording',
				action: 'Download a call recording',
				description: 'Download the recording of a call as a file',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a call',
				description: 'Get one call by its ID',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many calls',
				description: 'List calls, newest first',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...get.description,
	...dial.description,
	...downloadRecording.description,
];

import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';
import * as del from './delete.operation';
import * as downloadAudio from './downloadAudio.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: OperationMap = { delete: del, downloadAudio, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['voicemail'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a voicemail',
				description: 'Delete a voicemail',
			},
			{
				name: 'Download Audio',
				value: 'downloadAudio',
				action: 'Download a voicemail audio file',
				description: 'Download the voicemail as an MP3 file',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a voicemail',
				description: 'Get one voicemail',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many voicemails',
				description: 'List voicemails, newest first',
			},
			{
				name: 'Mark as Heard or Unheard',
				value: 'update',
				action: 'Mark a voicemail as heard or unheard',
				description: 'Mark a voicemail as heard or unheard',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...get.description,
	...update.description,
	...del.description,
	...downloadAudio.description,
];

import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getByNumber from './getByNumber.operation';
import * as update from './update.operation';

export const operations: OperationMap = { create, delete: del, get, getAll, getByNumber, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a contact',
				description: 'Create a contact shared with the whole company',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a contact',
				description: 'Delete a contact',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a contact',
				description: 'Get a contact by ID',
			},
			{
				name: 'Get by Phone Number',
				value: 'getByNumber',
				action: 'Get a contact by phone number',
				description: 'Find the contact that has a phone number',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many contacts',
				description: "List the company's contacts, lowest ID first, optionally only those with a given phone number",
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a contact',
				description: 'Update a contact',
			},
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getByNumber.description,
	...getAll.description,
	...update.description,
];

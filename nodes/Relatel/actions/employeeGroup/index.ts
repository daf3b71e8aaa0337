import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as join from './join.operation';
import * as leave from './leave.operation';
import * as sendSms from './sendSms.operation';
import * as update from './update.operation';

export const operations: OperationMap = { create, get, getAll, join, leave, sendSms, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['employeeGroup'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create an employee group',
				description: 'Create an employee group',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an employee group',
				description: 'Get an employee group by ID',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many employee groups',
				description: 'List the employee groups',
			},
			{
				name: 'Join',
				value: 'join',
				action: 'Join an employee group',
				description: 'Add the current employee to a group',
			},
			{
				name: 'Leave',
				value: 'leave',
				action: 'Leave an employee group',
				description: 'Remove the current employee from a group',
			},
			{
				name: 'Send SMS',
				value: 'sendSms',
				action: 'Send an SMS to an employee group',
				description: 'Send an SMS to every member of a group',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an employee group',
				description: 'Update an employee group',
			},
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...join.description,
	...leave.description,
	...sendSms.description,
	...update.description,
];

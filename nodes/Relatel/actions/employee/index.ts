import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getCurrent from './getCurrent.operation';
import * as sendSms from './sendSms.operation';
import * as update from './update.operation';
import * as updateCurrent from './updateCurrent.operation';

export const operations: OperationMap = { get, getAll, getCurrent, sendSms, update, updateCurrent };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['employee'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get an employee',
				description: 'Get an employee by ID',
			},
			{
				name: 'Get Current',
				value: 'getCurrent',
				action: 'Get the current employee',
				description: 'Get the employee the credential belongs to',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many employees',
				description: 'List the employees of the company',
			},
			{
				name: 'Send SMS',
				value: 'sendSms',
				action: 'Send an SMS to an employee',
				description: "Send an SMS to an employee's mobile number",
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an employee',
				description: 'Update an employee, e.g. do not disturb or groups',
			},
			{
				name: 'Update Current',
				value: 'updateCurrent',
				action: 'Update the current employee',
				description: 'Update the employee the credential belongs to',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
	...getCurrent.description,
	...sendSms.description,
	...update.description,
	...updateCurrent.description,
];

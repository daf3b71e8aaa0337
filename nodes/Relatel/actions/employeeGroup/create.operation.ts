import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionalIdList } from '../../helpers/ids';
import { toItems, unwrap } from '../../helpers/parameters';
import { requireText } from '../../helpers/validation';
import { relatelApiRequest } from '../../transport/request';
import { EMPLOYEES_FIELD, employeesField } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Support',
		description: 'The name of the new group',
	},
	employeesField('The members of the new group. Leave empty to create an empty group.'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['employeeGroup'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const name = requireText(node, this.getNodeParameter('name', itemIndex), 'Name', itemIndex).trim();
	const employeeIds = optionalIdList(node, this.getNodeParameter('employeeIds', itemIndex, []), EMPLOYEES_FIELD, itemIndex);
	const response = await relatelApiRequest.call(this, 'employeeGroup.create', {
		body: { employee_group: { name, employee_ids: employeeIds } },
		itemIndex,
	});
	return toItems(unwrap(response, 'employee_group'));
}

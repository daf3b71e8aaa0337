import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { employeeGroupLocator } from '../common.descriptions';
import { requireIdList } from '../../helpers/ids';
import { locatorId, toItems, unwrap } from '../../helpers/parameters';
import { requireText } from '../../helpers/validation';
import { relatelApiRequest } from '../../transport/request';
import { EMPLOYEES_FIELD, employeesField } from './fields';

const properties: INodeProperties[] = [
	employeeGroupLocator(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add field to update',
		default: {},
		options: [
			employeesField('The members of the group. Replaces the current members, so include the employees to keep.'),
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. Support',
				description: 'The new name of the group',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['employeeGroup'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const id = locatorId.call(this, 'employeeGroupId', 'Employee Group', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const group: IDataObject = {};
	if (fields.name !== undefined) group.name = requireText(node, fields.name, 'Name', itemIndex).trim();
	if (fields.employeeIds !== undefined) {
		group.employee_ids = requireIdList(node, fields.employeeIds, EMPLOYEES_FIELD, itemIndex);
	}
	if (Object.keys(group).length === 0) {
		throw new NodeOperationError(node, "'Update Fields' is empty", {
			itemIndex,
			description: "Add at least one field to change under 'Update Fields'. Nothing was sent to Relatel.",
		});
	}
	const response = await relatelApiRequest.call(this, 'employeeGroup.update', {
		pathParams: { id },
		body: { employee_group: group },
		itemIndex,
	});
	return toItems(unwrap(response, 'employee_group'));
}

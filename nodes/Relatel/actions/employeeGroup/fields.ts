import type { INodeProperties } from 'n8n-workflow';

/** Fields Create and Update share. */

export const EMPLOYEES_FIELD = 'Employee Names or IDs';

export function employeesField(description: string): INodeProperties {
	return {
		displayName: EMPLOYEES_FIELD,
		name: 'employeeIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getEmployees' },
		default: [],
		description: `${description} Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>`,
	};
}

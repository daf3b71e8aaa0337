import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listFrom } from '../transport/pagination';
import { relatelApiRequest } from '../transport/request';

/** Options of multi-select fields, loaded from Relatel. The value is the numeric ID. */

function byName(a: INodePropertyOptions, b: INodePropertyOptions) {
	return a.name.localeCompare(b.name);
}

export async function getEmployees(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const employees = listFrom(await relatelApiRequest.call(this, 'employee.getAll'), 'employees');
	return employees
		.filter((employee) => employee.id !== undefined && employee.id !== null)
		.map((employee) => ({
			name: String(employee.name || `Employee ${employee.id}`),
			value: Number(employee.id),
			description: [employee.email, employee.number_formatted].filter(Boolean).join(' · ') || undefined,
		}))
		.sort(byName);
}

export async function getEmployeeGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const groups = listFrom(await relatelApiRequest.call(this, 'employeeGroup.getAll'), 'employee_groups');
	return groups
		.filter((group) => group.id !== undefined && group.id !== null)
		.map((group) => ({
			name: String(group.name || `Group ${group.id}`),
			value: Number(group.id),
			description: Array.isArray(group.employee_ids)
				? `${group.employee_ids.length} member${group.employee_ids.length === 1 ? '' : 's'}`
				: undefined,
		}))
		.sort(byName);
}

import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { normalizePhoneNumber } from '../helpers/phone';
import { listFrom, PAGE_SIZE } from '../transport/pagination';
import { relatelApiRequest } from '../transport/request';

/** Pickers for resource locators ("From List"), filled from the API and searchable. */

function matches(filter: string | undefined, ...fields: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return fields.some((field) => typeof field === 'string' && field.toLowerCase().includes(needle));
}

function byName(a: INodeListSearchItems, b: INodeListSearchItems) {
	return a.name.localeCompare(b.name);
}

async function employees(ctx: ILoadOptionsFunctions, filter?: string) {
	const body = await relatelApiRequest.call(ctx, 'employee.getAll');
	return listFrom(body, 'employees')
		.filter((e) => matches(filter, e.name, e.email, e.number, e.number_formatted))
		.map((e) => ({
			name: `${e.name ?? `Employee ${e.id}`}${e.number_formatted ? ` (${e.number_formatted})` : ''}`,
			value: String(e.id),
			endpoint: String(e.endpoint ?? `Employee#${e.id}`),
		}));
}

async function groups(ctx: ILoadOptionsFunctions, filter?: string) {
	const body = await relatelApiRequest.call(ctx, 'employeeGroup.getAll');
	return listFrom(body, 'employee_groups')
		.filter((g) => matches(filter, g.name))
		.map((g) => ({
			name: String(g.name ?? `Group ${g.id}`),
			value: String(g.id),
			endpoint: String(g.endpoint ?? `EmployeeGroup#${g.id}`),
		}));
}

async function receptions(ctx: ILoadOptionsFunctions, filter?: string) {
	const body = await relatelApiRequest.call(ctx, 'reception.getAll');
	return listFrom(body, 'receptions')
		.filter((r) => matches(filter, r.name, r.number, r.number_formatted, r.brand_name))
		.map((r) => ({
			name: `${r.name ?? `Reception ${r.id}`}${r.number_formatted ? ` (${r.number_formatted})` : ''}`,
			value: String(r.id),
			endpoint: String(r.endpoint ?? `Reception#${r.id}`),
		}));
}

export async function searchEmployees(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const list = await employees(this, filter);
	return { results: list.map(({ name, value }) => ({ name, value })).sort(byName) };
}

export async function searchEmployeeGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const list = await groups(this, filter);
	return { results: list.map(({ name, value }) => ({ name, value })).sort(byName) };
}

export async function searchReceptions(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const list = await receptions(this, filter);
	return { results: list.map(({ name, value }) => ({ name, value })).sort(byName) };
}

/** Employees, groups and receptions in one list; the value is the endpoint (`Reception#7`). */
export async function searchEndpoints(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const [e, g, r] = await Promise.all([employees(this, filter), groups(this, filter), receptions(this, filter)]);
	const label = (kind: string) => (entry: { name: string; endpoint: string }) => ({
		name: `${kind}: ${entry.name}`,
		value: entry.endpoint,
	});
	return {
		results: [...r.map(label('Reception')), ...g.map(label('Group')), ...e.map(label('Employee'))],
	};
}

/**
 * Contacts: a filter that is a phone number asks Relatel for that number; otherwise one
 * page of contacts (by id) is filtered by name, with "load more" via the id cursor.
 */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const number = filter ? normalizePhoneNumber(filter) : undefined;
	const qs: IDataObject = { limit: PAGE_SIZE };
	if (number) qs.number = number;
	if (paginationToken) qs.id_gt_or_eq = paginationToken;
	const contacts = listFrom(await relatelApiRequest.call(this, 'contact.getAll', { qs }), 'contacts');
	const results = contacts
		.filter((c) => number || matches(filter, c.name, c.email, c.number, c.number_formatted))
		.map((c) => ({
			name: `${c.name || c.number_formatted || c.number}${c.name && c.number_formatted ? ` (${c.number_formatted})` : ''}`,
			value: String(c.id),
		}));
	const last = contacts[contacts.length - 1];
	const more = !number && contacts.length === PAGE_SIZE && last?.id !== undefined;
	return { results, paginationToken: more ? String(Number(last.id) + 1) : undefined };
}

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

/**
 * A filter that looks like (part of) a phone number, as digits without the international
 * prefix: "+45 20 00", "0045 2000" and "20 00" all find 4520000001.
 */
function phoneDigits(filter: string | undefined): string | undefined {
	if (!filter || !/^[\d\s+\-().]+$/.test(filter)) return undefined;
	let digits = filter.replace(/\D/g, '');
	if (filter.trim().startsWith('00')) digits = digits.slice(2);
	return digits.length >= 2 ? digits : undefined;
}

/** Text fields match as in `matches`; number fields also match by their digits. */
function matchesPerson(filter: string | undefined, texts: unknown[], numbers: unknown[]): boolean {
	if (matches(filter, ...texts, ...numbers)) return true;
	const digits = phoneDigits(filter);
	return (
		digits !== undefined &&
		numbers.some((number) => typeof number === 'string' && number.replace(/\D/g, '').includes(digits))
	);
}

function byName(a: INodeListSearchItems, b: INodeListSearchItems) {
	return a.name.localeCompare(b.name);
}

async function employees(ctx: ILoadOptionsFunctions, filter?: string) {
	const body = await relatelApiRequest.call(ctx, 'employee.getAll');
	return listFrom(body, 'employees')
		.filter((e) => matchesPerson(filter, [e.name, e.email], [e.number, e.number_formatted]))
		.map((e) => ({
			name: `${e.name || `Employee ${e.id}`}${e.number_formatted ? ` (${e.number_formatted})` : ''}`,
			value: String(e.id),
			endpoint: String(e.endpoint ?? `Employee#${e.id}`),
		}));
}

async function groups(ctx: ILoadOptionsFunctions, filter?: string) {
	const body = await relatelApiRequest.call(ctx, 'employeeGroup.getAll');
	return listFrom(body, 'employee_groups')
		.filter((g) => matches(filter, g.name))
		.map((g) => ({
			name: String(g.name || `Group ${g.id}`),
			value: String(g.id),
			endpoint: String(g.endpoint ?? `EmployeeGroup#${g.id}`),
		}));
}

async function receptions(ctx: ILoadOptionsFunctions, filter?: string) {
	const body = await relatelApiRequest.call(ctx, 'reception.getAll');
	return listFrom(body, 'receptions')
		.filter((r) => matchesPerson(filter, [r.name, r.brand_name], [r.number, r.number_formatted]))
		.map((r) => ({
			name: `${r.name || `Reception ${r.id}`}${r.number_formatted ? ` (${r.number_formatted})` : ''}`,
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

type EndpointSource = [kind: string, list: (ctx: ILoadOptionsFunctions, filter?: string) => Promise<Array<{ name: string; endpoint: string }>>];

/**
 * Endpoints of several kinds in one list; the value is the endpoint (`Reception#7`). A list
 * Relatel refuses (e.g. receptions without a switch product) is left out; only when all
 * fail does the picker show the error.
 */
async function endpointsOf(ctx: ILoadOptionsFunctions, sources: EndpointSource[], filter?: string): Promise<INodeListSearchResult> {
	const settled = await Promise.allSettled(sources.map(([, list]) => list(ctx, filter)));
	const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
	if (failed && settled.every((result) => result.status === 'rejected')) throw failed.reason;
	const results: INodeListSearchItems[] = [];
	settled.forEach((result, index) => {
		if (result.status !== 'fulfilled') return;
		const kind = sources[index][0];
		const entries = result.value.map((entry) => ({ name: `${kind}: ${entry.name}`, value: entry.endpoint }));
		results.push(...entries.sort(byName));
	});
	return { results };
}

/** Employees, groups and receptions: what calls, SMS, voicemails and smileys are filtered by. */
export async function searchEndpoints(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await endpointsOf(this, [['Reception', receptions], ['Group', groups], ['Employee', employees]], filter);
}

/**
 * Receptions and employees: the endpoints statistics are kept for (Relatel has no statistics
 * of employee groups, and no list of chat receptions: those are written as ChatReception#ID).
 */
export async function searchStatisticsEndpoints(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await endpointsOf(this, [['Reception', receptions], ['Employee', employees]], filter);
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

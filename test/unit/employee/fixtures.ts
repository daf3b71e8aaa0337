import type { IDataObject } from 'n8n-workflow';

/** Records shaped like Relatel's API docs (the seed), trimmed to the fields that matter. */

export function reception(id: number, name: string, number: string, extra: IDataObject = {}): IDataObject {
	return {
		id,
		name,
		phone_number: { number },
		brand_name: name,
		short_brand_name: name.slice(0, 11),
		number,
		number_formatted: `${number.slice(2, 4)} ${number.slice(4, 6)} ${number.slice(6, 8)} ${number.slice(8)}`,
		endpoint: `Reception#${id}`,
		company_id: 1,
		is_smiley_enabled: true,
		is_smiley_nps_enabled: false,
		is_open: true,
		is_shadow: false,
		has_main_sms: true,
		is_cloakable: true,
		...extra,
	};
}

export function employee(id: number, name: string, number: string, groupIds: number[], extra: IDataObject = {}): IDataObject {
	return {
		type: 'Employee',
		id,
		endpoint: `Employee#${id}`,
		name,
		email: `${name.split(' ')[0].toLowerCase()}@firma.dk`,
		number,
		number_formatted: `${number.slice(2, 4)} ${number.slice(4, 6)} ${number.slice(6, 8)} ${number.slice(8)}`,
		do_not_disturb: false,
		dnd_timeout_at: null,
		live_presence: 'available',
		locale: 'da',
		cloak_reception: null,
		employee_group_ids: groupIds,
		company_id: 1,
		visible: true,
		...extra,
	};
}

export function group(id: number, name: string, employeeIds: number[]): IDataObject {
	return {
		type: 'EmployeeGroup',
		id,
		name,
		live_presence: 'available',
		speed_dial: { digit: id },
		employee_ids: employeeIds,
		endpoint: `EmployeeGroup#${id}`,
		avatar: null,
	};
}

export const jane = employee(1, 'Jane Doe', '4520000001', [11]);
export const john = employee(2, 'John Hansen', '4520000002', [11]);
export const mette = employee(3, 'Mette Larsen', '4520000003', [12]);
export const employees = [jane, john, mette];

export const support = group(11, 'Support', [1, 2]);
export const sales = group(12, 'Sales', [3]);

export const hovednummer = reception(21, 'Hovednummer', '4570000000');
export const kundeservice = reception(22, 'Kundeservice', '4570000001');

/** A resource locator value as n8n stores it. */
export const rl = (value: string, mode: 'list' | 'id' = 'list') => ({ __rl: true, mode, value });

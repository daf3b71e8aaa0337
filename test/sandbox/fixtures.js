'use strict';
/** Shapes from Relatel's API docs (the seed), filled with believable Danish data. */

function contact(id, name, number) {
	return {
		id,
		number,
		number_formatted: formatNumber(number),
		name,
		email: name ? `${name.split(' ')[0].toLowerCase()}@example.dk` : null,
		comments_count: 0,
		flagged: false,
		tags: [],
		activity_id: null,
		activity_at: null,
	};
}

function formatNumber(number) {
	const n = String(number);
	if (n.startsWith('45') && n.length === 10) return `${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6, 8)} ${n.slice(8)}`;
	return `+${n}`;
}

function reception(id, name, number, extra = {}) {
	return {
		id,
		name,
		phone_number: { number },
		brand_name: name,
		short_brand_name: name.slice(0, 11),
		number,
		number_formatted: formatNumber(number),
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

function employee(id, name, number, groupIds, extra = {}) {
	return {
		type: 'Employee',
		id,
		endpoint: `Employee#${id}`,
		name,
		email: `${name.split(' ')[0].toLowerCase()}@firma.dk`,
		number,
		number_formatted: formatNumber(number),
		do_not_disturb: false,
		do_not_disturb_label: null,
		do_not_disturb_emoji: null,
		do_not_disturb_ended_at: null,
		dnd_timeout_at: null,
		dnd_reception_action: false,
		dnd_message: null,
		live_presence: 'available',
		live_presence_updated_at: '2026-11-01T08:00:00Z',
		locale: 'da',
		speed_dial: { digit: id },
		has_switch: true,
		cloak_reception: null,
		cloak_tracking_reception: null,
		cloak_tracking_enabled: false,
		employee_group_ids: groupIds,
		country_code: '45',
		in_trial: false,
		company_id: 1,
		features: 'switch',
		admin: id === 1,
		is_admin: id === 1,
		admin_abilities: {},
		subscription_ids: [100 + id],
		avatar: null,
		visible: true,
		mobile_product_title: 'Fri tale',
		shadow_reception: null,
		...extra,
	};
}

function group(id, name, employeeIds) {
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

module.exports = { contact, reception, employee, group, formatNumber };

import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { receptionLocator } from '../common.descriptions';
import { requireIdList } from '../../helpers/ids';
import { locatorId } from '../../helpers/parameters';
import { optionalDate, requireChoice, requireText } from '../../helpers/validation';

/** The "Update Fields" of Update and Update Current, and how they become `employee {...}`. */

export const GROUPS_FIELD = 'Employee Group Names or IDs';

export const employeeUpdateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add field to update',
	default: {},
	options: [
		{
			displayName: 'Clear Cloak Reception',
			name: 'clearCloakReception',
			type: 'boolean',
			default: true,
			description:
				"Whether to stop showing a reception's number on outgoing calls, so the employee's own number is shown again",
		},
		{
			...receptionLocator('cloakReceptionId', false, 'Cloak Reception'),
			description:
				"Show this reception's number instead of the employee's own number on outgoing calls. The reception must allow cloaking.",
		},
		{
			displayName: 'Do Not Disturb',
			name: 'doNotDisturb',
			type: 'boolean',
			default: true,
			description: 'Whether calls to the employee are held back (do not disturb). Turning it off also clears the end time.',
		},
		{
			displayName: 'Do Not Disturb Until',
			name: 'dndTimeoutAt',
			type: 'dateTime',
			default: '',
			description:
				"Turns do not disturb on until this time, then it ends by itself. For one hour use the expression {{ $now.plus(1, 'hour') }}.",
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
		},
		{
			displayName: GROUPS_FIELD,
			name: 'employeeGroupIds',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getEmployeeGroups' },
			default: [],
			description:
				'The groups the employee is a member of. Replaces the current groups, so include the groups to keep. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Language',
			name: 'locale',
			type: 'options',
			options: [
				{ name: 'Danish', value: 'da' },
				{ name: 'English', value: 'en' },
			],
			default: 'da',
			description: 'The language Relatel uses for the employee',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. Jane Doe',
		},
	],
};

/**
 * The employee's language: Danish or English from the list, or another language code an
 * expression gives (`sv`, `en-GB`), which Relatel's docs do not rule out.
 */
function requireLocale(node: INode, value: unknown, itemIndex: number): string {
	const text = String(value ?? '').trim();
	if (/^[a-z]{2}([-_][A-Za-z]{2})?$/i.test(text)) return text.slice(0, 2).toLowerCase() + text.slice(2);
	return requireChoice(node, text, ['da', 'en'], 'Language', itemIndex);
}

function booleanOf(node: INode, value: unknown, field: string, itemIndex: number): boolean {
	if (value === true || value === 'true') return true;
	if (value === false || value === 'false') return false;
	throw new NodeOperationError(node, `"${String(value).slice(0, 40)}" is not true or false in '${field}'`, {
		itemIndex,
		description: `'${field}' must be true or false. Nothing was sent to Relatel.`,
	});
}

/** Allowed slack for "until" times computed a moment ago (e.g. {{ $now }}). */
const PAST_TOLERANCE_MS = 60_000;

/** The `employee` object of an update; refuses contradictions and an empty update. */
export function employeeChanges(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = this.getNode();
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const employee: IDataObject = {};

	if (fields.name !== undefined) employee.name = requireText(node, fields.name, 'Name', itemIndex).trim();
	if (fields.email !== undefined) {
		const email = requireText(node, fields.email, 'Email', itemIndex).trim();
		if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
			throw new NodeOperationError(node, `"${email.slice(0, 60)}" is not a valid email address in 'Email'`, {
				itemIndex,
				description: 'Use an address such as jane@example.com. Nothing was sent to Relatel.',
			});
		}
		employee.email = email;
	}
	if (fields.locale !== undefined) employee.locale = requireLocale(node, fields.locale, itemIndex);

	if (fields.doNotDisturb !== undefined) {
		employee.do_not_disturb = booleanOf(node, fields.doNotDisturb, 'Do Not Disturb', itemIndex);
	}
	const until = optionalDate(node, fields.dndTimeoutAt, 'Do Not Disturb Until', itemIndex, this.getTimezone());
	if (until) {
		if (employee.do_not_disturb === false) {
			throw new NodeOperationError(node, "'Do Not Disturb Until' needs 'Do Not Disturb' turned on", {
				itemIndex,
				description:
					"Turn 'Do Not Disturb' on, or remove 'Do Not Disturb Until' to end do not disturb now. Nothing was sent to Relatel.",
			});
		}
		if (Date.parse(until) < Date.now() - PAST_TOLERANCE_MS) {
			throw new NodeOperationError(node, `'Do Not Disturb Until' is in the past (${until})`, {
				itemIndex,
				description:
					"Give a time in the future, e.g. {{ $now.plus(1, 'hour') }} for one hour. Nothing was sent to Relatel.",
			});
		}
		employee.do_not_disturb = true;
		employee.dnd_timeout_at = until;
	}

	if (fields.employeeGroupIds !== undefined) {
		employee.employee_group_ids = requireIdList(node, fields.employeeGroupIds, GROUPS_FIELD, itemIndex);
	}

	const clearCloak =
		fields.clearCloakReception !== undefined &&
		booleanOf(node, fields.clearCloakReception, 'Clear Cloak Reception', itemIndex);
	if (fields.cloakReceptionId !== undefined) {
		if (clearCloak) {
			throw new NodeOperationError(node, "'Cloak Reception' and 'Clear Cloak Reception' contradict each other", {
				itemIndex,
				description: 'Either choose a reception to show, or clear it. Nothing was sent to Relatel.',
			});
		}
		employee.cloak_reception_id = Number(
			locatorId.call(this, 'updateFields.cloakReceptionId', 'Cloak Reception', itemIndex),
		);
	} else if (clearCloak) {
		employee.cloak_reception_id = null;
	}

	if (Object.keys(employee).length === 0) {
		throw new NodeOperationError(node, "'Update Fields' is empty", {
			itemIndex,
			description: "Add at least one field to change under 'Update Fields'. Nothing was sent to Relatel.",
		});
	}
	return employee;
}

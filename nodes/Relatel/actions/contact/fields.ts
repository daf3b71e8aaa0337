import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requirePhoneNumber } from '../../helpers/phone';
import { optionalText } from '../../helpers/validation';

/**
 * The contact fields Create (Additional Fields) and Update (Update Fields) share, and the
 * building of Relatel's `contact { number, name, email, flagged, tags }` from them.
 */

const PHONE_PLACEHOLDER = '+45 71 99 99 99';

export const phoneNumberField: INodeProperties = {
	displayName: 'Phone Number',
	name: 'number',
	type: 'string',
	default: '',
	placeholder: PHONE_PLACEHOLDER,
	description: 'The phone number with country code. Spaces, dashes, + and 00 are fine.',
};

/** Email, Flagged, Name, Tags (sorted by name, as n8n lists them). */
export function contactFields(forUpdate: boolean): INodeProperties[] {
	const clear = forUpdate ? ' Leave empty to remove it.' : '';
	return [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			default: '',
			placeholder: 'name@email.com',
			description: `The contact's email address.${clear}`,
		},
		{
			displayName: 'Flagged',
			name: 'flagged',
			type: 'boolean',
			default: false,
			description: 'Whether the contact is flagged, e.g. to mark an important or unwanted caller',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'Mette Jensen',
			description: `The name shown for calls and SMS from this number.${clear}`,
		},
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			placeholder: 'customer, vip',
			description: forUpdate
				? "Tags separated by commas. Replaces all the contact's tags; leave empty to remove them."
				: 'Tags separated by commas',
		},
	];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function text(value: unknown): string {
	return typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
}

/** Tags from a comma separated string or an array (an expression may give either). */
function tagList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(',');
	return [...new Set(parts.map((part) => text(part)).filter((part) => part !== ''))];
}

/**
 * Relatel's `contact` object from the chosen fields. Only fields present in `fields` are
 * sent. An empty name, email or tag list is left out on Create; on Update an empty name or
 * email is sent as null and empty tags as [], which removes them.
 */
export function contactBody(node: INode, fields: IDataObject, itemIndex: number, forUpdate: boolean): IDataObject {
	const contact: IDataObject = {};
	const setText = (key: string, value: string) => {
		if (value) contact[key] = value;
		else if (forUpdate) contact[key] = null;
	};
	if (fields.number !== undefined) {
		contact.number = requirePhoneNumber(node, fields.number, 'Phone Number', itemIndex);
	}
	if (fields.name !== undefined) setText('name', optionalText(node, fields.name, 'Name', itemIndex));
	if (fields.email !== undefined) {
		const email = optionalText(node, fields.email, 'Email', itemIndex, 254);
		if (email && !EMAIL.test(email)) {
			throw new NodeOperationError(node, `"${email.slice(0, 60)}" is not a valid email address in 'Email'`, {
				itemIndex,
				description: 'Write it as name@example.dk. Nothing was sent to Relatel.',
			});
		}
		setText('email', email);
	}
	if (fields.flagged !== undefined) contact.flagged = fields.flagged === true || fields.flagged === 'true';
	if (fields.tags !== undefined) {
		const tags = tagList(fields.tags).map((tag) => optionalText(node, tag, 'Tags', itemIndex, 255));
		if (tags.length > 0 || forUpdate) contact.tags = tags;
	}
	return contact;
}

import type { INodeProperties } from 'n8n-workflow';

/** Fields several voicemail operations share. Each operation adds its own displayOptions. */

export const voicemailIdField: INodeProperties = {
	displayName: 'Voicemail ID',
	name: 'voicemailId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '812',
	description: 'The ID of the voicemail, as returned by Get Many or the trigger',
};

/** A voicemail id as Relatel writes it: a number (kept as text only if too large). */
export function idValue(id: string): number | string {
	const number = Number(id);
	return Number.isSafeInteger(number) ? number : id;
}


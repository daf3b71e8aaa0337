import type { INodeProperties } from 'n8n-workflow';

/** Fields several call operations share. Each operation adds its own displayOptions. */

export const callIdField: INodeProperties = {
	displayName: 'Call ID',
	name: 'callId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '45981120-324b-0132-d3ef-14dae9edd21d',
	description: 'The call_uuid of the call, as returned by Get Many or the trigger',
};

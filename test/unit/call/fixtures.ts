import type { IDataObject } from 'n8n-workflow';

export const UUID = '45981120-324b-0132-d3ef-14dae9edd21d';

function node(callUuid: string, endpoint: string, name: string, answered: boolean): IDataObject {
	return {
		node_uuid: `node-${endpoint}`,
		call_uuid: callUuid,
		endpoint,
		endpoint_name: name,
		started_at: '2026-11-20T09:00:00Z',
		answered_at: answered ? '2026-11-20T09:00:12Z' : null,
		ended_at: '2026-11-20T09:03:00Z',
		state: answered ? 'answered' : 'ended',
		node_type: 'employee',
		parent_node_uuid: null,
		web_call: false,
	};
}

/**
 * A call as Relatel's docs show it: an incoming call to the main number (Reception#21),
 * passed to a group and answered by Employee#2, who appears only in path[] and nodes[].
 */
export function makeCall(overrides: IDataObject = {}): IDataObject {
	const callUuid = (overrides.call_uuid as string) ?? UUID;
	const contact = { id: 701, number: '4561000001', number_formatted: '61 00 00 01', name: 'Anders And' };
	return {
		call_uuid: callUuid,
		company_id: 1,
		endpoint: 'Reception#21',
		from_number: '4561000001',
		from_number_formatted: '61 00 00 01',
		to_number: '4571999999',
		to_number_formatted: '71 99 99 99',
		remote_number: '4561000001',
		remote_number_formatted: '61 00 00 01',
		from_contact: contact,
		to_contact: null,
		remote_contact: contact,
		direction: 'incoming',
		started_at: '2026-11-20T09:00:00Z',
		ringing_at: '2026-11-20T09:00:00Z',
		answered_at: '2026-11-20T09:00:12Z',
		sort_value: '2026-11-20T09:00:00Z',
		answered_by: { id: 2, name: 'John Hansen', number: '4520000002', endpoint: { type: 'Employee', id: 2 } },
		ended_at: '2026-11-20T09:03:00Z',
		status: 'ended',
		endpoint_name: 'Hovednummer',
		endpoint_type: 'reception',
		queue_virtual_position: 0,
		reserving_employee_id: null,
		callback_requested: false,
		callback: false,
		talk_duration: 168,
		waiting_time: 12,
		path: [
			node(callUuid, 'Reception#21', 'Hovednummer', true),
			node(callUuid, 'EmployeeGroup#11', 'Support', true),
			node(callUuid, 'Employee#2', 'John Hansen', true),
		],
		nodes: [
			node(callUuid, 'Reception#21', 'Hovednummer', true),
			node(callUuid, 'EmployeeGroup#11', 'Support', true),
			node(callUuid, 'Employee#2', 'John Hansen', true),
			node(callUuid, 'Employee#3', 'Jane Doe', false),
		],
		input_data: [],
		smiley: null,
		recording: null,
		voice_mail: null,
		...overrides,
	};
}

/** simplifyCall of makeCall() with the same overrides for the simple fields. */
export function simpleCall(overrides: IDataObject = {}): IDataObject {
	return {
		call_uuid: UUID,
		direction: 'incoming',
		status: 'ended',
		from_number: '4561000001',
		to_number: '4571999999',
		remote_number: '4561000001',
		remote_name: 'Anders And',
		endpoint: 'Reception#21',
		endpoint_name: 'Hovednummer',
		started_at: '2026-11-20T09:00:00Z',
		answered_at: '2026-11-20T09:00:12Z',
		ended_at: '2026-11-20T09:03:00Z',
		answered: true,
		answered_by_name: 'John Hansen',
		talk_duration: 168,
		waiting_time: 12,
		has_recording: false,
		has_voicemail: false,
		voicemail_id: null,
		...overrides,
	};
}

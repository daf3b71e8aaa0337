import type { IDataObject } from 'n8n-workflow';

/**
 * "Simplify" output: the fields most workflows use, flat, without the nested employee
 * and reception objects Relatel repeats in every record.
 */

function contactName(contact: unknown): string | null {
	const value = (contact as IDataObject | null | undefined)?.name;
	return typeof value === 'string' && value ? value : null;
}

export function simplifyMessage(message: IDataObject): IDataObject {
	const employee = message.employee as IDataObject | undefined;
	return {
		id: message.id,
		direction: message.direction,
		body: message.body,
		from_number: message.from_number,
		from_name: message.from_name ?? contactName(message.from_contact),
		to_number: message.to_number,
		to_name: message.to_name ?? contactName(message.to_contact),
		from_number_hidden: message.from_number_hidden,
		endpoint: message.endpoint,
		employee_id: employee?.id ?? null,
		employee_name: employee?.name ?? null,
		created_at: message.created_at,
	};
}

export function simplifyCall(call: IDataObject): IDataObject {
	const answeredBy = call.answered_by as IDataObject | undefined;
	const recording = call.recording as IDataObject | undefined;
	const voicemail = call.voice_mail as IDataObject | undefined;
	return {
		call_uuid: call.call_uuid,
		direction: call.direction,
		status: call.status,
		from_number: call.from_number,
		to_number: call.to_number,
		remote_number: call.remote_number,
		remote_name: contactName(call.remote_contact),
		endpoint: call.endpoint,
		endpoint_name: call.endpoint_name,
		started_at: call.started_at,
		answered_at: call.answered_at ?? null,
		ended_at: call.ended_at ?? null,
		answered: Boolean(call.answered_at),
		answered_by_name: answeredBy?.name ?? null,
		talk_duration: call.talk_duration ?? null,
		waiting_time: call.waiting_time ?? null,
		has_recording: Boolean(recording && !recording.expired),
		has_voicemail: Boolean(voicemail),
		voicemail_id: voicemail?.id ?? null,
	};
}

export function simplifyVoicemail(voicemail: IDataObject): IDataObject {
	return {
		id: voicemail.id,
		created_at: voicemail.created_at,
		heard: voicemail.heard,
		duration: voicemail.duration,
		from_number: voicemail.from_number,
		from_name: contactName(voicemail.from_contact),
		endpoint: voicemail.endpoint,
		endpoint_name: voicemail.endpoint_name,
	};
}

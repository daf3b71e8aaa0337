import type { IDataObject } from 'n8n-workflow';

/** A voicemail as Relatel's docs show it (not wrapped). */
export function makeVoicemail(overrides: IDataObject = {}): IDataObject {
	const id = (overrides.id as number) ?? 812;
	return {
		id,
		created_at: '2026-11-20T09:00:00Z',
		heard: false,
		sound: { formats: ['audio/mpeg'], url: `https://relatel.test/api/v2/voice_mails/${id}/sound` },
		duration: 17,
		from_number: '4561000001',
		from_number_formatted: '61 00 00 01',
		from_contact: { id: 901, number: '4561000001', number_formatted: '61 00 00 01', name: 'Dorthe Dam' },
		endpoint_name: 'John Hansen',
		endpoint: 'Employee#2',
		...overrides,
	};
}

export function simpleVoicemail(overrides: IDataObject = {}): IDataObject {
	return {
		id: 812,
		created_at: '2026-11-20T09:00:00Z',
		heard: false,
		duration: 17,
		from_number: '4561000001',
		from_name: 'Dorthe Dam',
		endpoint: 'Employee#2',
		endpoint_name: 'John Hansen',
		...overrides,
	};
}

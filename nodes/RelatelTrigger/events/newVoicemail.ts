import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simplifyVoicemail } from '../../Relatel/helpers/simplify';
import { relatelRequest } from '../../Relatel/transport/request';
import { asNodeError } from '../errors';
import type { ListEvent } from './types';
import { simplifyParameter, timeField } from './types';

function binaryFieldName(ctx: IPollFunctions): string {
	const name = String(ctx.getNodeParameter('binaryPropertyName', 'data') ?? '').trim();
	if (!name) {
		throw new NodeOperationError(ctx.getNode(), "'Put Output File in Field' is empty", {
			description: 'Give the name of the binary field for the audio, e.g. data.',
		});
	}
	return name;
}

/** A voicemail Relatel no longer has (deleted after it was listed) is emitted without audio. */
function isGone(error: unknown): boolean {
	return String((error as { httpCode?: unknown })?.httpCode) === '404';
}

async function withAudio(ctx: IPollFunctions, voicemail: IDataObject, json: IDataObject, field: string) {
	const id = String(voicemail.id);
	try {
		const response = await relatelRequest.call(ctx, 'voicemail.downloadAudio', {
			pathParams: { id },
			responseType: 'binary',
		});
		// Relatel serves voicemails as MP3 only (sound.formats is always audio/mpeg).
		const binary = await ctx.helpers.prepareBinaryData(response.body as Buffer, `voicemail-${id}.mp3`, 'audio/mpeg');
		return { json, binary: { [field]: binary } };
	} catch (error) {
		if (!isGone(error)) throw asNodeError(ctx.getNode(), error);
		return { json: { ...json, audio_error: (error as Error).message } };
	}
}

/**
 * New Voicemail: keyed on `created_at`. GET /voice_mails has no lower-bound date filter,
 * so pages are read newest first until one is older than the window. Option: attach the
 * audio (GET /voice_mails/{id}/sound, MP3) as binary.
 */
export const newVoicemail: ListEvent = {
	kind: 'list',
	source: {
		route: 'voicemail.getAll',
		rootKey: 'voice_mails',
		idOf: (voicemail) => String(voicemail.id),
		timeOf: (voicemail) => timeField(voicemail, 'created_at'),
		paging: { cursorParam: 'created_at_lt_or_eq', orderField: 'created_at', honoursLimit: true },
		orderedByEventTime: true,
	},
	prepare(ctx) {
		const simplify = simplifyParameter(ctx);
		const attachAudio = ctx.getNodeParameter('attachAudio', false) as boolean;
		return {
			qs: {},
			matches: () => true,
			output: async (voicemails) => {
				const field = attachAudio ? binaryFieldName(ctx) : '';
				const items: INodeExecutionData[] = [];
				for (const voicemail of voicemails) {
					const json = simplify ? simplifyVoicemail(voicemail) : voicemail;
					items.push(attachAudio ? await withAudio(ctx, voicemail, json, field) : { json });
				}
				return items;
			},
		};
	},
};

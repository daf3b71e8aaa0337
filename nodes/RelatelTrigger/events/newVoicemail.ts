import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simplifyVoicemail } from '../../Relatel/helpers/simplify';
import { isDeadlineError, relatelRequest } from '../../Relatel/transport/request';
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

const OUT_OF_TIME = 'Not downloaded: this poll ran out of time (download it with the Voicemail resource)';

/** Why the audio is missing, in words for the `audio_error` field. */
function audioError(error: unknown): string {
	if (isDeadlineError(error)) return OUT_OF_TIME;
	const err = error as { httpCode?: unknown; message?: unknown };
	// A voicemail deleted after it was listed.
	if (String(err?.httpCode) === '404') return 'Relatel no longer has this voicemail (HTTP 404)';
	return `The audio could not be downloaded: ${String(err?.message ?? error)}`;
}

/**
 * The voicemail with its audio as binary. If the download fails (for any reason), the
 * voicemail is still emitted, without the binary and with `audio_error` saying why: one
 * voicemail whose audio keeps failing must not hold back every later event. With a
 * `deadline` (a poll) the download is tried once and cut short at the deadline, so a
 * download that hangs cannot outlast the poll; past it no download is tried.
 */
async function withAudio(
	ctx: IPollFunctions,
	voicemail: IDataObject,
	json: IDataObject,
	field: string,
	deadline: number | undefined,
): Promise<INodeExecutionData> {
	const id = String(voicemail.id);
	if (deadline !== undefined && Date.now() > deadline) return { json: { ...json, audio_error: OUT_OF_TIME } };
	try {
		const response = await relatelRequest.call(ctx, 'voicemail.downloadAudio', {
			pathParams: { id },
			responseType: 'binary',
			...(deadline === undefined ? {} : { deadline, maxAttempts: 1 }),
		});
		// Relatel serves voicemails as MP3 only (sound.formats is always audio/mpeg).
		const binary = await ctx.helpers.prepareBinaryData(response.body as Buffer, `voicemail-${id}.mp3`, 'audio/mpeg');
		return { json, binary: { [field]: binary } };
	} catch (error) {
		const reason = audioError(error);
		ctx.logger.warn(`Relatel Trigger "${ctx.getNode().name}": voicemail ${id} is emitted without its audio. ${reason}`);
		return { json: { ...json, audio_error: reason } };
	}
}

/**
 * New Voicemail: keyed on `created_at`. GET /voice_mails has no lower-bound date filter,
 * so pages are read newest first until one is older than the window. Option: attach the
 * audio (GET /voice_mails/{id}/sound, MP3) as binary; `audio_error` says why when it is missing.
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
			output: async (voicemails, deadline) => {
				const field = attachAudio ? binaryFieldName(ctx) : '';
				const items: INodeExecutionData[] = [];
				for (const voicemail of voicemails) {
					const json = simplify ? simplifyVoicemail(voicemail) : voicemail;
					items.push(attachAudio ? await withAudio(ctx, voicemail, json, field, deadline) : { json });
				}
				return items;
			},
		};
	},
};

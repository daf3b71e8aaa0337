import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { binaryPropertyField } from '../common.descriptions';
import { unwrap } from '../../helpers/parameters';
import { simplifyCall } from '../../helpers/simplify';
import { requireText, requireUuid } from '../../helpers/validation';
import { relatelApiRequest, relatelRequest } from '../../transport/request';
import { callIdField } from './fields';

const properties: INodeProperties[] = [callIdField, binaryPropertyField()];

export const description = updateDisplayOptions(
	{ show: { resource: ['call'], operation: ['downloadRecording'] } },
	properties,
);

const EXTENSIONS: Record<string, string> = {
	'audio/mpeg': 'mp3',
	'audio/mp3': 'mp3',
	'audio/mpeg3': 'mp3',
	'audio/x-mpeg-3': 'mp3',
	'audio/wav': 'wav',
	'audio/wave': 'wav',
	'audio/x-wav': 'wav',
	'audio/vnd.wave': 'wav',
	'audio/ogg': 'ogg',
	'audio/opus': 'opus',
	'audio/webm': 'webm',
	'audio/mp4': 'm4a',
	'audio/x-m4a': 'm4a',
	'audio/aac': 'aac',
	'audio/flac': 'flac',
	'audio/x-flac': 'flac',
};

/** A usable mime type without parameters, or undefined (generic "bytes" types say nothing). */
function mimeOf(value: unknown): string | undefined {
	if (Array.isArray(value)) value = value[0];
	if (typeof value !== 'string') return undefined;
	const mime = value.split(';')[0].trim().toLowerCase();
	if (!/^[a-z]+\/[a-z0-9.+-]+$/.test(mime)) return undefined;
	if (mime === 'application/octet-stream' || mime === 'binary/octet-stream') return undefined;
	return mime;
}

/** File extension for a mime type: mp3 for audio/mpeg, wav for audio/wav, … */
function extensionFor(mimeType: string): string {
	const known = EXTENSIONS[mimeType];
	if (known) return known;
	const subtype = mimeType.split('/')[1]?.replace(/^x-/, '').replace(/[^a-z0-9]/g, '');
	return subtype || 'bin';
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const uuid = requireUuid(node, this.getNodeParameter('callId', itemIndex), 'Call ID', itemIndex);
	const binaryPropertyName = requireText(
		node,
		this.getNodeParameter('binaryPropertyName', itemIndex, 'data'),
		'Put Output File in Field',
		itemIndex,
	).trim();

	const call = unwrap(await relatelApiRequest.call(this, 'call.get', { pathParams: { uuid }, itemIndex }), 'call');
	const recording = call.recording as IDataObject | null | undefined;
	const sound = recording?.sound as IDataObject | null | undefined;
	const url = typeof sound?.url === 'string' ? sound.url.trim() : '';
	if (!recording || !url) {
		throw new NodeOperationError(node, 'This call has no recording', {
			itemIndex,
			description: `Relatel has no recording for call ${uuid}. Only calls on a number with call recording switched on are recorded.`,
		});
	}
	if (recording.expired) {
		const expireAt = recording.expire_at ? String(recording.expire_at) : 'an earlier date';
		throw new NodeOperationError(node, `The recording of this call expired on ${expireAt}`, {
			itemIndex,
			description: `Relatel deletes recordings at their expire_at time (${expireAt}); this one can no longer be downloaded.`,
		});
	}

	// The URL may point to another host (a signed file URL): the transport sends no token there.
	const response = await relatelRequest.call(this, 'call.downloadRecording', {
		url,
		responseType: 'binary',
		itemIndex,
	});
	const formats = Array.isArray(sound?.formats) ? (sound.formats as unknown[]) : [];
	const mimeType = mimeOf(response.headers?.['content-type']) ?? mimeOf(formats[0]) ?? 'audio/mpeg';
	const binary = await this.helpers.prepareBinaryData(
		response.body as Buffer,
		`call-${uuid}.${extensionFor(mimeType)}`,
		mimeType,
	);
	return [
		{
			json: {
				...simplifyCall(call),
				recording_id: recording.id ?? null,
				recording_duration: recording.duration ?? null,
			},
			binary: { [binaryPropertyName]: binary },
		},
	];
}

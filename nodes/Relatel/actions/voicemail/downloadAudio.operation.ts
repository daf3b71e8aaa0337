import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { binaryPropertyField } from '../common.descriptions';
import { requireId, requireText } from '../../helpers/validation';
import { relatelRequest } from '../../transport/request';
import { idValue, voicemailIdField } from './fields';

const properties: INodeProperties[] = [voicemailIdField, binaryPropertyField()];

export const description = updateDisplayOptions(
	{ show: { resource: ['voicemail'], operation: ['downloadAudio'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const id = requireId(node, this.getNodeParameter('voicemailId', itemIndex), 'Voicemail ID', itemIndex);
	const binaryPropertyName = requireText(
		node,
		this.getNodeParameter('binaryPropertyName', itemIndex, 'data'),
		'Put Output File in Field',
		itemIndex,
	).trim();
	const response = await relatelRequest.call(this, 'voicemail.downloadAudio', {
		pathParams: { id },
		responseType: 'binary',
		itemIndex,
	});
	// Relatel serves voicemails as MP3 only (sound.formats is always audio/mpeg).
	const binary = await this.helpers.prepareBinaryData(response.body as Buffer, `voicemail-${id}.mp3`, 'audio/mpeg');
	return [{ json: { id: idValue(id) }, binary: { [binaryPropertyName]: binary } }];
}

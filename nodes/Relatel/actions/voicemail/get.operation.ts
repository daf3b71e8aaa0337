import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyField } from '../common.descriptions';
import { toItems, unwrap } from '../../helpers/parameters';
import { simplifyVoicemail } from '../../helpers/simplify';
import { requireId } from '../../helpers/validation';
import { relatelApiRequest } from '../../transport/request';
import { voicemailIdField } from './fields';

const properties: INodeProperties[] = [voicemailIdField, simplifyField];

export const description = updateDisplayOptions({ show: { resource: ['voicemail'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = requireId(this.getNode(), this.getNodeParameter('voicemailId', itemIndex), 'Voicemail ID', itemIndex);
	// Relatel documents the voicemail unwrapped; a `voice_mail` wrapper is accepted too.
	const voicemail = unwrap(await relatelApiRequest.call(this, 'voicemail.get', { pathParams: { id }, itemIndex }), 'voice_mail');
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return toItems(simplify ? simplifyVoicemail(voicemail) : voicemail);
}

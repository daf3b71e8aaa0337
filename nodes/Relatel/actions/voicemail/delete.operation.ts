import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireId } from '../../helpers/validation';
import { relatelApiRequest } from '../../transport/request';
import { idValue, voicemailIdField } from './fields';

const properties: INodeProperties[] = [voicemailIdField];

export const description = updateDisplayOptions({ show: { resource: ['voicemail'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = requireId(this.getNode(), this.getNodeParameter('voicemailId', itemIndex), 'Voicemail ID', itemIndex);
	await relatelApiRequest.call(this, 'voicemail.delete', { pathParams: { id }, itemIndex });
	return [{ json: { deleted: true, id: idValue(id) } }];
}

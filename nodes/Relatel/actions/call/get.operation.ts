import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyField } from '../common.descriptions';
import { toItems, unwrap } from '../../helpers/parameters';
import { simplifyCall } from '../../helpers/simplify';
import { requireUuid } from '../../helpers/validation';
import { relatelApiRequest } from '../../transport/request';
import { callIdField } from './fields';

const properties: INodeProperties[] = [callIdField, simplifyField];

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const uuid = requireUuid(this.getNode(), this.getNodeParameter('callId', itemIndex), 'Call ID', itemIndex);
	const response = await relatelApiRequest.call(this, 'call.get', { pathParams: { uuid }, itemIndex });
	const call = unwrap(response, 'call');
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return toItems(simplify ? simplifyCall(call) : call);
}

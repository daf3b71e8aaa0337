import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toItems, unwrap } from '../../helpers/parameters';
import { requireUuid } from '../../helpers/validation';
import { relatelApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	{
		displayName: 'Chat ID',
		name: 'uuid',
		type: 'string',
		default: '',
		required: true,
		placeholder: '45981120-324b-0132-d3ef-14dae9edd21d',
		description: "The chat's UUID, as in the uuid field of Get Many",
	},
];

export const description = updateDisplayOptions({ show: { resource: ['chat'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const uuid = requireUuid(this.getNode(), this.getNodeParameter('uuid', itemIndex), 'Chat ID', itemIndex);
	const response = await relatelApiRequest.call(this, 'chat.get', { pathParams: { uuid }, itemIndex });
	return toItems(unwrap(response, 'chat'));
}

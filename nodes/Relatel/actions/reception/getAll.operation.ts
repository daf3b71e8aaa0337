import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../common.descriptions';
import { requestedLimit, toItems } from '../../helpers/parameters';
import { listFrom } from '../../transport/pagination';
import { relatelApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [...returnAllAndLimit('receptions')];

export const description = updateDisplayOptions({ show: { resource: ['reception'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const limit = requestedLimit.call(this, itemIndex);
	// Relatel returns every reception in one answer: the limit is applied here.
	const body = await relatelApiRequest.call(this, 'reception.getAll', { itemIndex });
	const receptions = listFrom(body, 'receptions');
	return toItems(limit > 0 ? receptions.slice(0, limit) : receptions);
}

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../common.descriptions';
import { requestedLimit, toItems } from '../../helpers/parameters';
import { listFrom } from '../../transport/pagination';
import { relatelApiRequest } from '../../transport/request';
import { flatOrder, NOTHING_SENT } from './common';

/** Order types by the name shown in n8n; Relatel spells them in varying case (ActivateM2M, ActivateM2m). */
const TYPES: Record<string, string> = {
	activate: 'order::activatem2m',
	convertToM2m: 'order::companym2mtom2m',
	deactivate: 'order::deactivatem2m',
	reactivate: 'order::reactivatem2m',
};

const properties: INodeProperties[] = [
	...returnAllAndLimit('orders'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'State',
				name: 'state',
				type: 'string',
				default: '',
				placeholder: 'pending',
				description: 'Only orders in this state, e.g. pending or completed (upper/lower case does not matter)',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				default: 'activate',
				description: 'Only orders of this kind',
				options: [
					{ name: 'Activate SIM', value: 'activate' },
					{ name: 'Convert Company Subscription to M2M', value: 'convertToM2m' },
					{ name: 'Deactivate', value: 'deactivate' },
					{ name: 'Reactivate', value: 'reactivate' },
				],
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['m2mOrder'], operation: ['getAll'] } }, properties);

const normalize = (value: unknown) => String(value ?? '').trim().toLowerCase();

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const state = normalize(filters.state);
	let type: string | undefined;
	if (filters.type !== undefined && filters.type !== '') {
		// An expression may also give Relatel's own type name, e.g. Order::ActivateM2m.
		type = TYPES[String(filters.type)] ?? (normalize(filters.type).startsWith('order::') ? normalize(filters.type) : undefined);
		if (!type) {
			throw new NodeOperationError(this.getNode(), `"${String(filters.type).slice(0, 40)}" is not an order type in 'Type'`, {
				itemIndex,
				description: `Use activate, deactivate, reactivate, convertToM2m or a Relatel order type such as Order::ActivateM2m. ${NOTHING_SENT}`,
			});
		}
	}
	const limit = requestedLimit.call(this, itemIndex);

	// Relatel answers with all orders at once; filters and the limit apply here.
	const body = await relatelApiRequest.call(this, 'm2mOrder.getAll', { itemIndex });
	const orders = listFrom(body, 'orders').filter(
		(order) => (!state || normalize(order.state) === state) && (!type || normalize(order.type) === type),
	);
	return toItems((limit > 0 ? orders.slice(0, limit) : orders).map((order) => flatOrder(order)));
}

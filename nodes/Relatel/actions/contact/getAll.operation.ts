import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../common.descriptions';
import { requestedLimit, toItems } from '../../helpers/parameters';
import { requirePhoneNumber } from '../../helpers/phone';
import { requireId } from '../../helpers/validation';
import { paginate } from '../../transport/pagination';
import { phoneNumberField } from './fields';

const properties: INodeProperties[] = [
	...returnAllAndLimit('contacts'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Minimum ID',
				name: 'idFrom',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: 1,
				description:
					'Only contacts whose ID is this number or higher (ID ≥). Contacts come in ascending ID order, so this continues from where an earlier run stopped.',
			},
			{
				...phoneNumberField,
				description: 'Only contacts with this phone number, with country code. Spaces, dashes, + and 00 are fine.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	// An added filter left empty filters nothing, as in the other Get Many operations.
	if (filters.number !== undefined && String(filters.number).trim() !== '') {
		qs.number = requirePhoneNumber(node, filters.number, 'Phone Number', itemIndex);
	}
	if (filters.idFrom !== undefined) qs.id_gt_or_eq = Number(requireId(node, filters.idFrom, 'Minimum ID', itemIndex));

	const contacts = await paginate.call(this, {
		route: 'contact.getAll',
		qs,
		rootKey: 'contacts',
		idOf: (contact) => String(contact.id),
		// Ascending by id; the cursor is inclusive, so the next page starts after the last id.
		cursorParam: 'id_gt_or_eq',
		nextCursor: (last) => (last.id === undefined || last.id === null ? undefined : Number(last.id) + 1),
		limit: requestedLimit.call(this, itemIndex),
		itemIndex,
	});
	return toItems(contacts);
}

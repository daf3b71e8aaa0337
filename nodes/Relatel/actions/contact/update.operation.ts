import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { contactLocator } from '../common.descriptions';
import { locatorId, toItems, unwrap } from '../../helpers/parameters';
import { relatelApiRequest } from '../../transport/request';
import { contactBody, contactFields, phoneNumberField } from './fields';

const properties: INodeProperties[] = [
	contactLocator(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		// Email, Flagged, Name, Phone Number, Tags: sorted by name.
		options: [...contactFields(true).slice(0, 3), phoneNumberField, ...contactFields(true).slice(3)],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const id = locatorId.call(this, 'contactId', 'Contact', itemIndex);
	const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const contact = contactBody(node, updateFields, itemIndex, true);
	if (Object.keys(contact).length === 0) {
		throw new NodeOperationError(node, "'Update Fields' is empty", {
			itemIndex,
			description: 'Add at least one field to change under Update Fields. Nothing was sent to Relatel.',
		});
	}
	const response = await relatelApiRequest.call(this, 'contact.update', { pathParams: { id }, body: { contact }, itemIndex });
	return toItems(unwrap(response, 'contact'));
}

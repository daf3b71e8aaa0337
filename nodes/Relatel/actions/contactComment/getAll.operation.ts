import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contactLocator, returnAllAndLimit, simplifyField } from '../common.descriptions';
import { locatorId, requestedLimit, toItems } from '../../helpers/parameters';
import { listFrom } from '../../transport/pagination';
import { relatelApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	{ ...contactLocator(), description: 'The contact whose comments to get. Search by phone number or name.' },
	...returnAllAndLimit('comments'),
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contactComment'], operation: ['getAll'] } },
	properties,
);

/** The comment without the full employee record Relatel repeats as `recipient`. */
export function simplifyComment(comment: IDataObject): IDataObject {
	const employee = comment.employee as IDataObject | null | undefined;
	const recipient = comment.recipient as IDataObject | null | undefined;
	return {
		id: comment.id,
		contact_id: comment.contact_id,
		body: comment.body,
		employee_id: employee?.id ?? null,
		employee_name: employee?.name ?? null,
		recipient_id: recipient?.id ?? null,
		recipient_name: recipient?.name ?? null,
		created_at: comment.created_at,
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contactId = locatorId.call(this, 'contactId', 'Contact', itemIndex);
	const limit = requestedLimit.call(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	// Relatel documents no paging for comments: one request, Limit applied here.
	const response = await relatelApiRequest.call(this, 'contactComment.getAll', { pathParams: { contactId }, itemIndex });
	const comments = listFrom(response, 'comments');
	const wanted = limit > 0 ? comments.slice(0, limit) : comments;
	return toItems(simplify ? wanted.map(simplifyComment) : wanted);
}

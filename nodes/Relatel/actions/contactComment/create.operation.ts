import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { contactLocator, employeeLocator } from '../common.descriptions';
import { locatorId, optionalLocator, toItems, unwrap } from '../../helpers/parameters';
import { requireId, requireText } from '../../helpers/validation';
import { relatelApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	{ ...contactLocator(), description: 'The contact to comment on. Search by phone number or name.' },
	{
		displayName: 'Comment',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'Called about the invoice, will call back Monday',
		description: 'The text of the comment, shown with the contact to everyone in the company',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				...employeeLocator('employeeId', false),
				displayName: 'Author',
				description: 'The employee who writes the comment. Default: the employee the credential belongs to.',
			},
			{
				...employeeLocator('recipientId', false),
				displayName: 'Recipient',
				description: 'An employee the comment is addressed to',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contactComment'], operation: ['create'] } },
	properties,
);

// The current employee, read once per node run (not once per item).
const currentEmployees = new WeakMap<object, Promise<string>>();

async function currentEmployeeId(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	let id = currentEmployees.get(ctx);
	if (!id) {
		id = relatelApiRequest.call(ctx, 'employee.getCurrent', { itemIndex }).then((response) => {
			const employee = unwrap(response, 'employee');
			if (employee.id === undefined || employee.id === null) {
				throw new NodeOperationError(ctx.getNode(), 'Relatel did not say which employee the credential belongs to', {
					itemIndex,
					description: "Choose the comment's Author under Additional Fields. Nothing was sent to Relatel.",
				});
			}
			return String(employee.id);
		});
		currentEmployees.set(ctx, id);
		// A failed look-up is not kept: the next item asks again.
		id.catch(() => currentEmployees.delete(ctx));
	}
	return await id;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const contactId = locatorId.call(this, 'contactId', 'Contact', itemIndex);
	const body = requireText(node, this.getNodeParameter('body', itemIndex), 'Comment', itemIndex);
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;

	let employeeId: string | undefined;
	if (additionalFields.employeeId !== undefined) {
		const value = optionalLocator.call(this, 'additionalFields.employeeId', itemIndex);
		if (value) employeeId = requireId(node, value, 'Author', itemIndex);
	}
	let recipientId: string | undefined;
	if (additionalFields.recipientId !== undefined) {
		const value = optionalLocator.call(this, 'additionalFields.recipientId', itemIndex);
		if (value) recipientId = requireId(node, value, 'Recipient', itemIndex);
	}
	employeeId ??= await currentEmployeeId(this, itemIndex);

	const comment: IDataObject = { employee_id: Number(employeeId), body };
	if (recipientId) comment.recipient_id = Number(recipientId);
	const response = await relatelApiRequest.call(this, 'contactComment.create', {
		pathParams: { contactId },
		body: { comment },
		itemIndex,
	});
	return toItems(unwrap(response, 'comment'));
}

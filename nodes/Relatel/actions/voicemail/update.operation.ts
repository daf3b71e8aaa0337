import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { toItems, unwrap } from '../../helpers/parameters';
import { requireId } from '../../helpers/validation';
import { relatelApiRequest } from '../../transport/request';
import { idValue, voicemailIdField } from './fields';

const properties: INodeProperties[] = [
	voicemailIdField,
	{
		displayName: 'Heard',
		name: 'heard',
		type: 'boolean',
		default: true,
		required: true,
		description: 'Whether to mark the voicemail as heard (on) or as unheard (off)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Comment',
				name: 'comment',
				type: 'string',
				default: '',
				typeOptions: { rows: 2 },
				description: 'A note on the voicemail for your colleagues, e.g. who called back. Empty clears the note.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['voicemail'], operation: ['update'] } }, properties);

function requireBoolean(this: IExecuteFunctions, value: unknown, field: string, itemIndex: number): boolean {
	if (typeof value === 'boolean') return value;
	const text = String(value ?? '').trim().toLowerCase();
	if (text === 'true') return true;
	if (text === 'false') return false;
	throw new NodeOperationError(this.getNode(), `"${String(value).slice(0, 40)}" is not true or false in '${field}'`, {
		itemIndex,
		description: `'${field}' must be true or false. Nothing was sent to Relatel.`,
	});
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const id = requireId(node, this.getNodeParameter('voicemailId', itemIndex), 'Voicemail ID', itemIndex);
	const heard = requireBoolean.call(this, this.getNodeParameter('heard', itemIndex), 'Heard', itemIndex);
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const voiceMail: IDataObject = { heard };
	if (additionalFields.comment !== undefined) voiceMail.comment = String(additionalFields.comment ?? '');

	const response = await relatelApiRequest.call(this, 'voicemail.update', {
		pathParams: { id },
		body: { voice_mail: voiceMail },
		itemIndex,
	});
	const voicemail = unwrap(response, 'voice_mail');
	// An empty answer still means it worked: say what was changed.
	return toItems(Object.keys(voicemail).length ? voicemail : { id: idValue(id), ...voiceMail });
}

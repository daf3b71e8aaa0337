import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { endpointLocator, returnAllAndLimit, simplifyField } from '../common.descriptions';
import { datePeriod, optionalEndpoint, requestedLimit, toItems } from '../../helpers/parameters';
import { requirePhoneNumber } from '../../helpers/phone';
import { isEmpty, requireChoice } from '../../helpers/validation';
import { simplifyVoicemail } from '../../helpers/simplify';

import { justBefore, paginate } from '../../transport/pagination';

const properties: INodeProperties[] = [
	...returnAllAndLimit('voicemails'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'Caller Number',
				name: 'number',
				type: 'string',
				default: '',
				placeholder: '+45 71 99 99 99',
				description: 'Only voicemails left by this phone number, with country code',
			},
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
				description: 'Only voicemails left at or after this time',
			},
			{
				displayName: 'Created Before',
				name: 'createdBefore',
				type: 'dateTime',
				default: '',
				description: 'Only voicemails left at or before this time',
			},
			{
				...endpointLocator('endpoint', 'Endpoint'),
				description: 'Only voicemails left for this employee, employee group or reception',
			},
			{
				displayName: 'Heard',
				name: 'heard',
				type: 'options',
				default: 'all',
				description: 'Only voicemails someone has listened to, or only new ones',
				options: [
					{ name: 'All', value: 'all', description: 'Heard and unheard voicemails' },
					{ name: 'Heard', value: 'heard', description: 'Voicemails marked as heard' },
					{ name: 'Unheard', value: 'unheard', description: 'Voicemails nobody has listened to yet' },
				],
			},
		],
	},
	simplifyField,
];

export const description = updateDisplayOptions({ show: { resource: ['voicemail'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const { start: after, end: before } = datePeriod.call(
		this,
		itemIndex,
		[filters.createdAfter, 'Created After'],
		[filters.createdBefore, 'Created Before'],
	);

	const qs: IDataObject = {};
	if (before) qs.created_at_lt_or_eq = before;
	if (filters.endpoint !== undefined) {
		const endpoint = optionalEndpoint.call(this, 'filters.endpoint', 'Endpoint', itemIndex);
		if (endpoint) qs.endpoint = endpoint;
	}
	if (filters.number !== undefined && String(filters.number).trim() !== '') {
		qs.number = requirePhoneNumber(node, filters.number, 'Caller Number', itemIndex);
	}

	const heard = isEmpty(filters.heard) ? 'all' : requireChoice(node, filters.heard, ['all', 'heard', 'unheard'], 'Heard', itemIndex);
	// Relatel has no lower date bound for voicemails: page back (newest first) until past it.
	const afterMs = after ? Date.parse(after) : undefined;
	const voicemails = await paginate.call(this, {
		route: 'voicemail.getAll',
		qs,
		rootKey: 'voice_mails',
		idOf: (voicemail) => String(voicemail.id),
		cursorParam: 'created_at_lt_or_eq',
		nextCursor: (last) => last.created_at as string,
		stepPast: justBefore,
		limit: requestedLimit.call(this, itemIndex),
		itemIndex,
		isPastEnd:
			afterMs !== undefined ? (voicemail) => Date.parse(String(voicemail.created_at)) < afterMs : undefined,
		keep: heard === 'all' ? undefined : (voicemail) => Boolean(voicemail.heard) === (heard === 'heard'),
	});
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return toItems(simplify ? voicemails.map(simplifyVoicemail) : voicemails);
}

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { binaryPropertyField } from '../common.descriptions';
import { CsvError, decimal, integer, parseCsv } from '../../helpers/csv';
import { requirePhoneNumberList } from '../../helpers/phone';
import { requireId } from '../../helpers/validation';
import { relatelRequest } from '../../transport/request';

export const CSV_FILE_NAME = 'm2m-charges.csv';

/** Columns typed in the output; the others (phone numbers, ICC, dates, text) stay text. */
const COLUMN_TYPES = {
	subscription_id: integer,
	count: integer,
	dkk_to_vat: decimal,
	dkk_no_vat: decimal,
};

const properties: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'Phone Numbers',
				name: 'numbers',
				type: 'string',
				default: '',
				placeholder: '+45 71 99 12 34, +45 71 99 12 35',
				description:
					'Only charges of these M2M phone numbers, separated by commas. With country code; spaces, dashes, + and 00 are fine.',
			},
			{
				displayName: 'Subscription IDs',
				name: 'subscriptionIds',
				type: 'string',
				default: '',
				placeholder: '4567, 4568',
				description: 'Only charges of these M2M subscriptions, IDs separated by commas',
			},
		],
	},
	{
		displayName: 'Include CSV File',
		name: 'includeCsvFile',
		type: 'boolean',
		default: false,
		description:
			"Whether to also attach Relatel's CSV file as binary data (m2m-charges.csv) to the first item, e.g. to email or store it",
	},
	{
		...binaryPropertyField(),
		displayOptions: { show: { includeCsvFile: [true] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['m2mSubscription'], operation: ['getCharges'] } }, properties);

/** A list from a comma-separated string or an array (an expression may give either). */
function listOf(value: unknown): unknown[] {
	if (value === undefined || value === null || value === '') return [];
	return (Array.isArray(value) ? value : String(value).split(/[,;\n]/))
		.map((part) => (typeof part === 'string' ? part.trim() : part))
		.filter((part) => part !== '' && part !== undefined && part !== null);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (listOf(filters.numbers).length > 0) {
		qs.numbers = requirePhoneNumberList(node, listOf(filters.numbers), 'Phone Numbers', itemIndex);
	}
	const ids = listOf(filters.subscriptionIds);
	if (ids.length > 0) {
		qs.subscription_ids = [...new Set(ids.map((id) => requireId(node, id, 'Subscription IDs', itemIndex)))];
	}
	const includeCsv = this.getNodeParameter('includeCsvFile', itemIndex, false) as boolean;
	const binaryProperty = includeCsv
		? (this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string).trim() || 'data'
		: '';

	const response = await relatelRequest.call(this, 'm2mSubscription.getCharges', {
		qs,
		responseType: 'text',
		itemIndex,
	});
	const csv = String(response.body ?? '');
	let rows: IDataObject[];
	try {
		rows = parseCsv(csv, COLUMN_TYPES);
	} catch (error) {
		const detail = error instanceof CsvError ? error.message : String(error);
		throw new NodeOperationError(node, "Relatel's charges file could not be read", {
			itemIndex,
			description: `The answer from Relatel is not a CSV file this node understands (${detail}). Turn on 'Include CSV File' to look at it.`,
		});
	}

	const items: INodeExecutionData[] = rows.map((json) => ({ json }));
	if (!includeCsv) return items;
	if (items.length === 0) {
		items.push({
			json: {
				row_count: 0,
				numbers: (qs.numbers as string[] | undefined) ?? [],
				subscription_ids: (qs.subscription_ids as string[] | undefined) ?? [],
			},
		});
	}
	const file = await this.helpers.prepareBinaryData(Buffer.from(csv, 'utf8'), CSV_FILE_NAME, 'text/csv');
	items[0].binary = { [binaryProperty]: file };
	return items;
}

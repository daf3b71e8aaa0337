import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { receptionLocator } from '../common.descriptions';
import { locatorId, requiredDatePeriod } from '../../helpers/parameters';

import { relatelApiRequest } from '../../transport/request';

const PHASES = ['open', 'closed', 'backup'];

const properties: INodeProperties[] = [
	receptionLocator(),
	{
		displayName: 'Answer Target (Seconds)',
		name: 'answerTarget',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 20,
		required: true,
		description:
			'A call counts as within target when it is answered within this many seconds (a missed call: when the caller hung up within it)',
	},
	{
		displayName: 'From',
		name: 'fromTime',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'Start of the period: calls that started at or after this time',
	},
	{
		displayName: 'To',
		name: 'toTime',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'End of the period: calls that started at or before this time',
	},
	{
		displayName: 'Phases',
		name: 'phases',
		type: 'multiOptions',
		options: [
			{ name: 'Backup', value: 'backup', description: "Calls handled by the reception's backup flow" },
			{ name: 'Closed', value: 'closed', description: 'Calls outside opening hours' },
			{ name: 'Open', value: 'open', description: 'Calls during opening hours' },
		],
		default: [],
		description: 'Which phases of the reception to count. Leave empty to count all.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['reception'], operation: ['getStatistics'] } },
	properties,
);

function requireAnswerTarget(node: INode, value: unknown, itemIndex: number): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) {
		throw new NodeOperationError(
			node,
			`"${String(value ?? '').slice(0, 40)}" is not a valid number of seconds in 'Answer Target (Seconds)'`,
			{ itemIndex, description: 'Use a whole number of seconds, 0 or more, e.g. 20. Nothing was sent to Relatel.' },
		);
	}
	return number;
}

function requirePhases(node: INode, value: unknown, itemIndex: number): string[] {
	const parts = (Array.isArray(value) ? value : String(value ?? '').split(','))
		.map((part) => String(part).trim().toLowerCase())
		.filter(Boolean);
	const wrong = parts.find((part) => !PHASES.includes(part));
	if (wrong !== undefined) {
		throw new NodeOperationError(node, `"${wrong.slice(0, 40)}" is not a phase in 'Phases'`, {
			itemIndex,
			description: 'Phases are open, closed and backup. Nothing was sent to Relatel.',
		});
	}
	return [...new Set(parts)];
}

/** part / total, rounded to 4 decimals; null when there were no calls. */
function rate(part: unknown, total: number): number | null {
	if (!total) return null;
	return Math.round((Number(part) / total) * 10_000) / 10_000;
}

/**
 * One item: Relatel's `statistics` plus the period asked for, and two rates:
 * answer_rate = answered / total, within_target_rate = answered within target / total.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const id = locatorId.call(this, 'receptionId', 'Reception', itemIndex);
	const answerTarget = requireAnswerTarget(node, this.getNodeParameter('answerTarget', itemIndex), itemIndex);
	const { start: from, end: to } = requiredDatePeriod.call(
		this,
		itemIndex,
		[this.getNodeParameter('fromTime', itemIndex), 'From'],
		[this.getNodeParameter('toTime', itemIndex), 'To'],
	);
	const phases = requirePhases(node, this.getNodeParameter('phases', itemIndex, []), itemIndex);

	const qs: IDataObject = { answer_target: answerTarget, from_time: from, to_time: to };
	if (phases.length) qs.phase = phases.join(',');
	const response = await relatelApiRequest.call(this, 'reception.getStatistics', {
		pathParams: { id },
		qs,
		itemIndex,
	});

	const statistics = (response.statistics && typeof response.statistics === 'object'
		? response.statistics
		: response) as IDataObject;
	const total = Number(statistics.total) || 0;
	const withinTarget = (statistics.within_target ?? {}) as IDataObject;
	return [
		{
			json: {
				...statistics,
				reception_id: Number(id),
				from_time: from,
				to_time: to,
				answer_target: answerTarget,
				answer_rate: rate(statistics.answered, total),
				within_target_rate: rate(withinTarget.answered, total),
			},
		},
	];
}

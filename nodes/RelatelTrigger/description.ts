import type { INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, endpointLocator, simplifyField } from '../Relatel/actions/common.descriptions';

/** The trigger's fields after Authentication and Event; each shows for the events it filters. */

const show = (...event: string[]) => ({ show: { event } });

export const eventFields: INodeProperties[] = [
	{
		displayName:
			'Fires for calls, SMS, voicemails, smileys and chats that happen after the workflow is activated, at each poll. Events that become visible in Relatel up to five minutes late are still caught.',
		name: 'timingNotice',
		type: 'notice',
		default: '',
		displayOptions: { hide: { event: ['m2mOrderStateChanged'] } },
	},
	{
		displayName: 'Direction',
		name: 'callDirection',
		type: 'options',
		default: 'any',
		options: [
			{ name: 'Any', value: 'any' },
			{ name: 'Incoming', value: 'incoming' },
			{ name: 'Outgoing', value: 'outgoing' },
		],
		description: 'Only calls in this direction',
		displayOptions: show('callStarted', 'callEnded'),
	},
	{
		displayName: 'Answered',
		name: 'callAnswered',
		type: 'options',
		default: 'any',
		options: [
			{ name: 'Answered or Not', value: 'any' },
			{ name: 'Answered Only', value: 'answered' },
			{ name: 'Not Answered Only', value: 'notAnswered', description: 'Missed calls, and outgoing calls nobody picked up' },
		],
		description: 'Only calls that were answered, or only calls that were not',
		displayOptions: show('callEnded'),
	},
	{
		...endpointLocator('endpoint', 'Endpoint'),
		description:
			'Only events of this employee, employee group or reception. For calls this includes calls that reached the employee through a reception or group. Leave empty for all.',
		displayOptions: show('callStarted', 'callEnded', 'missedCall', 'newSms'),
	},
	{
		displayName: 'Direction',
		name: 'smsDirection',
		type: 'options',
		default: 'incoming',
		options: [
			{ name: 'Both', value: 'both' },
			{ name: 'Incoming', value: 'incoming' },
			{ name: 'Outgoing', value: 'outgoing' },
		],
		description: 'Only SMS received, only SMS sent, or both',
		displayOptions: show('newSms'),
	},
	{
		displayName: 'Rating',
		name: 'smileyRating',
		type: 'options',
		default: 'any',
		options: [
			{ name: 'Any', value: 'any' },
			{ name: 'Negative', value: 'negative' },
			{ name: 'Positive', value: 'positive' },
		],
		description: 'Only positive or only negative smileys',
		displayOptions: show('newSmiley'),
	},
	{
		displayName: 'Only With a Comment',
		name: 'onlyWithComment',
		type: 'boolean',
		default: false,
		description: 'Whether to fire only for smileys that came with a written comment',
		displayOptions: show('newSmiley'),
	},
	{
		displayName: 'Attach Audio',
		name: 'attachAudio',
		type: 'boolean',
		default: false,
		description:
			'Whether to download the voicemail (MP3) and attach it as a binary file. If the download fails, the voicemail still fires, with audio_error saying why.',
		displayOptions: show('newVoicemail'),
	},
	{
		...binaryPropertyField(),
		displayOptions: { show: { event: ['newVoicemail'], attachAudio: [true] } },
	},
	{
		displayName: 'Only When New State Is',
		name: 'orderStates',
		type: 'string',
		default: '',
		placeholder: 'completed',
		description:
			"Only orders whose new state is one of these (comma-separated, as Relatel names them in the order's state field). Leave empty for every change.",
		displayOptions: show('m2mOrderStateChanged'),
	},
	{
		...simplifyField,
		displayOptions: show('callStarted', 'callEnded', 'missedCall', 'newVoicemail', 'newSms'),
	},
];

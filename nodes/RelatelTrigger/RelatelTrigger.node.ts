import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { authenticationField, relatelCredentials } from '../Relatel/actions/common.descriptions';
import { searchEndpoints } from '../Relatel/methods/listSearch';
import { eventFields } from './description';
import { pollRelatel } from './poll';

/**
 * Polls Relatel for new calls, missed calls, voicemails, smileys, SMS, chats and M2M order
 * state changes. Each event lives in events/<event>.ts. One poll: poll.ts (state.ts holds
 * what is saved, failures.ts what a failed poll does, notices.ts the once-logged warnings);
 * list events: listPoll.ts, reading with fetch.ts, the watermark and seen ids in cursor.ts,
 * the part one poll could not read in backlog.ts; M2M orders: ordersPoll.ts, orderStates.ts;
 * Fetch Test Event: manual.ts.
 */
export class RelatelTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Relatel Trigger',
		name: 'relatelTrigger',
		icon: { light: 'file:../../icons/relatel.svg', dark: 'file:../../icons/relatel.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow on new Relatel calls, missed calls, voicemails, smileys, SMS, chats and M2M orders',
		defaults: { name: 'Relatel Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: relatelCredentials,
		properties: [
			authenticationField,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				required: true,
				default: 'callEnded',
				// `action` is the label n8n shows in the nodes panel ("On new voicemail").
				options: [
					{
						name: 'Call Ended',
						value: 'callEnded',
						action: 'On call ended',
						description: 'A call ended: duration, who answered and the recording are known',
					},
					{
						name: 'Call Started',
						value: 'callStarted',
						action: 'On call started',
						description: 'A call started ringing',
					},
					{
						name: 'M2M Order State Changed',
						value: 'm2mOrderStateChanged',
						action: 'On M2M order state change',
						description: 'An M2M order changed state, e.g. a SIM activation completed',
					},
					{
						name: 'Missed Call',
						value: 'missedCall',
						action: 'On missed call',
						description: 'An incoming call ended without being answered',
					},
					{ name: 'New Chat', value: 'newChat', action: 'On new chat', description: 'A chat started' },
					{
						name: 'New Smiley',
						value: 'newSmiley',
						action: 'On new smiley',
						description: 'A caller gave feedback (a smiley)',
					},
					{ name: 'New SMS', value: 'newSms', action: 'On new SMS', description: 'An SMS was received or sent' },
					{
						name: 'New Voicemail',
						value: 'newVoicemail',
						action: 'On new voicemail',
						description: 'A caller left a voicemail',
					},
				],
			},
			...eventFields,
		],
	};

	methods = { listSearch: { searchEndpoints } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollRelatel.call(this);
	}
}

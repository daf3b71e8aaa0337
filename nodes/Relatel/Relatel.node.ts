import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { authenticationField, relatelCredentials } from './actions/common.descriptions';
import { resources } from './actions/resources';
import { route } from './actions/router';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';

/**
 * The Relatel action node. Each operation lives in actions/<resource>/<operation>.operation.ts;
 * the route table (transport/routes.ts) holds every method and path.
 */
export class Relatel implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Relatel',
		name: 'relatel',
		icon: { light: 'file:../../icons/relatel.svg', dark: 'file:../../icons/relatel.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Send SMS, dial, and work with calls, voicemails, contacts, employees, receptions, smileys, statistics, chats and M2M SIM cards in Relatel',
		defaults: { name: 'Relatel' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: relatelCredentials,
		properties: [
			authenticationField,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Call', value: 'call' },
					{ name: 'Chat', value: 'chat' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Contact Comment', value: 'contactComment' },
					{ name: 'Employee', value: 'employee' },
					{ name: 'Employee Group', value: 'employeeGroup' },
					{ name: 'M2M Order', value: 'm2mOrder' },
					{ name: 'M2M Subscription', value: 'm2mSubscription' },
					{ name: 'Reception', value: 'reception' },
					{ name: 'Smiley', value: 'smiley' },
					{ name: 'SMS', value: 'message' },
					{ name: 'Statistic', value: 'statistics' },
					{ name: 'Voicemail', value: 'voicemail' },
				],
				default: 'message',
			},
			...Object.values(resources).flatMap((resource) => resource.description),
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}

import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { ROUTES } from '../nodes/Relatel/transport/routes';

/** A personal access token, sent as `Authorization: Bearer <token>` to the Base URL only. */
export class RelatelApi implements ICredentialType {
	name = 'relatelApi';

	displayName = 'Relatel API';

	icon: Icon = { light: 'file:../icons/relatel.svg', dark: 'file:../icons/relatel.dark.svg' };

	documentationUrl = 'https://app.relatel.dk/api/v2/docs';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Create one at https://app.relatel.dk/account/authorized_applications. It acts as the employee who created it.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://app.relatel.dk/api/v2',
			description: 'Only change this to reach a test server. The token is sent to this host only.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			// The token's own employee: every working token may read it.
			url: ROUTES['employee.getCurrent'].path,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Relatel says the access token was revoked or is invalid. Create a new one at https://app.relatel.dk/account/authorized_applications.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'The token works, but its employee may not use the Relatel API (missing product or feature).',
				},
			},
		],
	};
}

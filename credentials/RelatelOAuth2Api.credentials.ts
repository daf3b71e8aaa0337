import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * OAuth 2.0 authorization code flow. Register an application with Relatel and use
 * n8n's OAuth redirect URL (shown in this credential) as its redirect URI.
 */
export class RelatelOAuth2Api implements ICredentialType {
	name = 'relatelOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Relatel OAuth2 API';

	icon: Icon = { light: 'file:../icons/relatel.svg', dark: 'file:../icons/relatel.dark.svg' };

	documentationUrl = 'https://app.relatel.dk/api/v2/docs';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: 'https://app.relatel.dk/api/v2/authorize',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: 'https://app.relatel.dk/api/v2/token',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://app.relatel.dk/api/v2',
			description: 'Only change this to reach a test server. The token is sent to this host only.',
		},
	];
}

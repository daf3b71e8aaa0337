import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** Fields several operations share. Each caller adds its own displayOptions. */

/**
 * Both nodes authenticate the same way: the Authentication choice picks the credential
 * (transport/request.ts `credentialType` reads the same values).
 */
export const authenticationField: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Access Token', value: 'accessToken' },
		{ name: 'OAuth2', value: 'oAuth2' },
	],
	default: 'accessToken',
};

export const relatelCredentials: INodeCredentialDescription[] = [
	{ name: 'relatelApi', required: true, displayOptions: { show: { authentication: ['accessToken'] } } },
	{ name: 'relatelOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];

export function returnAllAndLimit(noun: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
			hint: `How many ${noun} to return`,
		},
	];
}

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

export function binaryPropertyField(): INodeProperties {
	return {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
	};
}


function locator(
	name: string,
	displayName: string,
	searchListMethod: string,
	description: string,
	required = true,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '1234',
				validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'Not a valid Relatel ID' } }],
			},
		],
	};
}

export const employeeLocator = (name = 'employeeId', required = true) =>
	locator(name, 'Employee', 'searchEmployees', 'The employee. Search by name, email or number.', required);

export const employeeGroupLocator = (name = 'employeeGroupId', required = true) =>
	locator(name, 'Employee Group', 'searchEmployeeGroups', 'The employee group', required);

export const receptionLocator = (name = 'receptionId', required = true, displayName = 'Reception') =>
	locator(name, displayName, 'searchReceptions', 'The reception (a phone number of the switchboard)', required);

export const contactLocator = (name = 'contactId', required = true) =>
	locator(name, 'Contact', 'searchContacts', 'The contact. Search by phone number or name.', required);

/** An endpoint: `Employee#12`, `EmployeeGroup#3` or `Reception#7`. */
export function endpointLocator(
	name = 'endpoint',
	displayName = 'Endpoint',
	searchListMethod = 'searchEndpoints',
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'An employee, employee group or reception',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By Endpoint',
				name: 'id',
				type: 'string',
				placeholder: 'Reception#7',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^[A-Za-z]+#\\d+$',
							errorMessage: 'Write it as Type#ID, e.g. Employee#12 or Reception#7',
						},
					},
				],
			},
		],
	};
}

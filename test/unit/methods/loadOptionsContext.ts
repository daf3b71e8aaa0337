import { LoadOptionsContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, ILoadOptionsFunctions, INode, INodeParameters, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from '../../helpers/credentials';
import { defaultCredentials, NODE_TYPE, nodeTypes } from '../../helpers/harness';

/**
 * What n8n hands a listSearch / loadOptions method when the editor opens a picker: n8n-core's
 * own LoadOptionsContext, with the node's parameters and our test credentials, so requests
 * are authenticated and sent exactly as in n8n (and answered by nock or the sandbox).
 */
export function loadOptionsContext(
	parameters: INodeParameters = { authentication: 'accessToken' },
	credentials: Record<string, ICredentialDataDecryptedObject> = defaultCredentials(),
): ILoadOptionsFunctions {
	const node: INode = {
		id: 'relatel-node',
		name: 'Relatel',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: {
			relatelApi: { id: '1', name: 'Relatel account' },
			relatelOAuth2Api: { id: '2', name: 'Relatel OAuth2' },
		},
	};
	const workflow = new Workflow({ id: 'test', nodes: [node], connections: {}, nodeTypes, active: false });
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(credentials),
		currentNodeParameters: parameters,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		variables: {},
		userId: 'user',
	} as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters.employeeId');
}

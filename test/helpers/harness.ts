import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { Relatel } from '../../nodes/Relatel/Relatel.node';
import { TestCredentialsHelper } from './credentials';

export const BASE_URL = 'https://relatel.test/api/v2';
export const TOKEN = 'unit-test-token';

export const NODE_TYPE = 'n8n-nodes-relatel.relatel';

const nodeClasses: Record<string, INodeType> = {
	[NODE_TYPE]: new Relatel(),
};

export const nodeTypes: INodeTypes = {
	getByName: (name) => nodeClasses[name],
	getByNameAndVersion: (name) => nodeClasses[name],
	getKnownTypes: () => ({}),
};

export function defaultCredentials(baseUrl = BASE_URL, token = TOKEN): Record<string, ICredentialDataDecryptedObject> {
	return {
		relatelApi: { accessToken: token, baseUrl },
		relatelOAuth2Api: {
			baseUrl,
			grantType: 'authorizationCode',
			authUrl: `${baseUrl}/authorize`,
			accessTokenUrl: `${baseUrl}/token`,
			clientId: 'client',
			clientSecret: 'secret',
			scope: '',
			authentication: 'body',
			oauthTokenData: { access_token: token, token_type: 'Bearer' },
		},
	};
}

export interface RunOptions {
	parameters: INodeParameters;
	/** Input items; one empty item by default. */
	items?: IDataObject[] | INodeExecutionData[];
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	continueOnFail?: boolean;
	/** The node's "On Error" setting, e.g. continueErrorOutput (failing items go to a second output). */
	onError?: INode['onError'];
	/** The workflow's time zone setting (n8n's default is America/New_York). */
	timezone?: string;
}

export interface RunResult {
	/** Output items of the node (main output 0). */
	items: INodeExecutionData[];
	/** The node's error when the run failed. */
	error?: Error & { description?: string; context?: IDataObject; httpCode?: string };
	run: IRun;
}

function asItems(items: RunOptions['items']): INodeExecutionData[] {
	if (!items) return [{ json: {} }];
	return items.map((item) => ('json' in item && typeof item.json === 'object' ? (item as INodeExecutionData) : { json: item as IDataObject }));
}

/**
 * Runs the Relatel node for real inside n8n-core's WorkflowExecute: parameters resolve as in
 * n8n (resource locators, collections, expressions), credentials authenticate requests,
 * errors and continueOnFail behave as in a workflow. HTTP is whatever nock or the sandbox
 * answers.
 */
export async function runNode(options: RunOptions): Promise<RunResult> {
	const node: INode = {
		id: 'relatel-node',
		name: 'Relatel',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: {
			relatelApi: { id: '1', name: 'Relatel account' },
			relatelOAuth2Api: { id: '2', name: 'Relatel OAuth2' },
		},
		continueOnFail: options.continueOnFail,
		onError: options.onError,
	};
	const workflow = new Workflow({
		id: 'test',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: false,
		settings: options.timezone ? { timezone: options.timezone } : undefined,
	});
	const hooks = new ExecutionLifecycleHooks('manual', '1', { id: 'test', name: 'test', nodes: [], connections: {} } as unknown as IWorkflowBase);
	let finished: (run: IRun) => void = () => {};
	const done = new Promise<IRun>((resolve) => (finished = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finished(run));
	const additionalData = {
		hooks,
		credentialsHelper: new TestCredentialsHelper(options.credentials ?? defaultCredentials()),
		executionId: '1',
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		variables: {},
		userId: 'user',
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		logAiEvent: () => {},
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
	} as unknown as IWorkflowExecuteAdditionalData;

	const runExecutionData: IRunExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [asItems(options.items)] }, source: null }],
		},
	});
	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	try {
		await execution.processRunExecutionData(workflow);
	} catch (error) {
		// n8n refuses to start a node whose required parameters are empty, as in the editor.
		return { items: [], error: error as RunResult['error'], run: undefined as unknown as IRun };
	}
	const run = await done;

	const taskData = run.data.resultData.runData[node.name]?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
		error: (taskData?.error ?? run.data.resultData.error) as RunResult['error'],
		run,
	};
}

import { PollContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IPollFunctions,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { RelatelTrigger } from '../../nodes/RelatelTrigger/RelatelTrigger.node';
import { TestCredentialsHelper } from './credentials';
import { defaultCredentials } from './harness';

export const TRIGGER_TYPE = 'n8n-nodes-relatel.relatelTrigger';

const trigger = new RelatelTrigger();
const nodeClasses: Record<string, INodeType> = { [TRIGGER_TYPE]: trigger };

export const triggerNodeTypes: INodeTypes = {
	getByName: (name) => nodeClasses[name],
	getByNameAndVersion: (name) => nodeClasses[name],
	getKnownTypes: () => ({}),
};

/** What the trigger logged: n8n's Logger replaced by one that remembers. */
export interface LogLine {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
	meta?: unknown;
}

export const logLines: LogLine[] = [];

const recordingLogger = {
	error: (message: string, meta?: unknown) => logLines.push({ level: 'error', message, meta }),
	warn: (message: string, meta?: unknown) => logLines.push({ level: 'warn', message, meta }),
	info: (message: string, meta?: unknown) => logLines.push({ level: 'info', message, meta }),
	debug: (message: string, meta?: unknown) => logLines.push({ level: 'debug', message, meta }),
};

/** n8n-core's PollContext, logging into `logLines` instead of n8n's Logger. */
class RecordingPollContext extends PollContext {
	get logger() {
		return recordingLogger as unknown as PollContext['logger'];
	}
}

export interface TriggerOptions {
	parameters: INodeParameters;
	baseUrl: string;
	token: string;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** The poll budget n8n gives the node (getPollBudgetMs). */
	budgetMs?: number;
}

export interface TriggerHarness {
	workflow: Workflow;
	node: INode;
	/** One poll, as n8n's poll executor runs it: mode 'trigger', or 'manual' for Fetch Test Event. */
	poll(mode?: 'trigger' | 'manual'): Promise<INodeExecutionData[][] | null>;
	/** The node's static data right now (a deep copy). */
	staticData(): IDataObject;
	/** Replaces the credential data (e.g. a revoked token, then a new one). */
	setCredentials(credentials: Record<string, ICredentialDataDecryptedObject>): void;
	/** How many times the credential was read (decrypted) so far. */
	credentialReads(): number;
	/** The activation's poll context (the one every poll in mode 'trigger' gets). */
	context(): IPollFunctions;
}

/**
 * The Relatel Trigger inside one n8n Workflow object that lives across polls, so its static
 * data persists between them as in an active workflow. As in n8n (activatePollTrigger), one
 * n8n-core PollContext serves every poll of the activation; each Fetch Test Event gets its
 * own. Static data is not staged here: the node itself must leave it untouched on a failed
 * poll, and the tests check that it does.
 */
export function createTrigger(options: TriggerOptions): TriggerHarness {
	const node: INode = {
		id: 'relatel-trigger',
		name: 'Relatel Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: {
			relatelApi: { id: '1', name: 'Relatel account' },
			relatelOAuth2Api: { id: '2', name: 'Relatel OAuth2' },
		},
	};
	const workflow = new Workflow({
		id: 'trigger-test',
		nodes: [node],
		connections: {},
		nodeTypes: triggerNodeTypes,
		active: true,
	});
	let credentials = options.credentials ?? defaultCredentials(options.baseUrl, options.token);
	let reads = 0;
	const additionalData = {
		get credentialsHelper() {
			const helper = new TestCredentialsHelper(credentials);
			const getDecrypted = helper.getDecrypted.bind(helper);
			helper.getDecrypted = async (...args) => {
				reads++;
				return await getDecrypted(...args);
			};
			return helper;
		},
		executionId: undefined,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		variables: {},
		userId: 'user',
	} as unknown as IWorkflowExecuteAdditionalData;
	const workflowNode = workflow.getNode(node.name) as INode;
	const newContext = (mode: 'trigger' | 'manual') =>
		new RecordingPollContext(
			workflow,
			workflowNode,
			additionalData,
			mode,
			mode === 'manual' ? 'manual' : 'activate',
			() => {
				throw new Error('the test calls poll() directly');
			},
			() => {
				throw new Error('the test calls poll() directly');
			},
			async () => {},
			async (run) => await run(),
			undefined,
			options.budgetMs === undefined ? undefined : () => options.budgetMs as number,
		);
	let activation: RecordingPollContext | undefined;

	return {
		workflow,
		node: workflowNode,
		async poll(mode = 'trigger') {
			const context = mode === 'manual' ? newContext('manual') : (activation ??= newContext('trigger'));
			return await trigger.poll.call(context);
		},
		staticData() {
			return JSON.parse(JSON.stringify(workflow.getStaticData('node', workflowNode))) as IDataObject;
		},
		setCredentials(next) {
			credentials = next;
		},
		credentialReads: () => reads,
		context: () => (activation ??= newContext('trigger')),
	};
}

/** The JSON of the emitted items (main output 0), or [] for null. */
export function emitted(result: INodeExecutionData[][] | null): IDataObject[] {
	return result ? result[0].map((item) => item.json) : [];
}

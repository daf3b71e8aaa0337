/* eslint-disable @typescript-eslint/no-require-imports */
import type { IDataObject } from 'n8n-workflow';

/** Typed access to the JavaScript sandbox (test/sandbox) for the trigger tests. */

export interface SandboxRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	authorization?: string;
	at: number;
}

export interface SandboxFault {
	method?: string;
	path?: string;
	status?: number;
	times?: number;
	retryAfter?: number;
	fired?: number;
	kind?: string;
}

export interface SandboxState {
	now(): number;
	iso(ms?: number): string;
	db: Record<string, IDataObject[]>;
	tokens: Set<string>;
	accessToken: string;
	faults: SandboxFault[];
	requests: SandboxRequest[];
	onRequest?: (record: SandboxRequest, state: SandboxState) => void | Promise<void>;
}

export interface Sandbox {
	state: SandboxState;
	baseUrl: string;
	origin: string;
	close(): Promise<void>;
}

type EventCreator = (state: SandboxState, body: IDataObject) => IDataObject;

const server = require('../sandbox/server') as {
	startSandbox(options?: { now?: () => number; token?: string }): Promise<Sandbox>;
};

export const startSandbox = server.startSandbox;

function eventsOf(route: string): Record<string, EventCreator> {
	return ((require(`../sandbox/routes/${route}`) as { events?: Record<string, EventCreator> }).events ?? {});
}

/** The sandbox's event creators (routes/*.js `events`); undefined where a route has none yet. */
export const sandboxEvents = {
	call: eventsOf('call').call,
	callEnd: eventsOf('call').callEnd,
	voicemail: eventsOf('voicemail').voicemail,
	sms: eventsOf('message').sms,
	chat: eventsOf('chat').chat as EventCreator | undefined,
	smiley: eventsOf('smiley').smiley as EventCreator | undefined,
	m2mOrderState: eventsOf('m2m').m2mOrderState as EventCreator | undefined,
};

/** Jest fake timers that fake only Date: the clock moves when the test says so, nothing else changes. */
export function fakeDateOnly(start: string | number): void {
	jest.useFakeTimers({
		doNotFake: [
			'hrtime',
			'nextTick',
			'performance',
			'queueMicrotask',
			'requestAnimationFrame',
			'cancelAnimationFrame',
			'requestIdleCallback',
			'cancelIdleCallback',
			'setImmediate',
			'clearImmediate',
			'setInterval',
			'clearInterval',
			'setTimeout',
			'clearTimeout',
		],
	});
	jest.setSystemTime(new Date(start));
}

/** Moves the faked clock forward. */
export function advanceClock(ms: number): void {
	jest.setSystemTime(new Date(Date.now() + ms));
}

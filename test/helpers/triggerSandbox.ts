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
	/** 'reset', 'hang', 'timeout', 'truncate' or 'redirect' (test/sandbox/faults.js). */
	kind?: string;
	/** For 'hang' and 'timeout': how long the connection is held (ms). */
	ms?: number;
}

export interface SandboxState {
	now(): number;
	nextId(kind: string, start?: number): number;
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
	return (
		(
			require(`../sandbox/routes/${route}`) as {
				events?: Record<string, EventCreator>;
			}
		).events ?? {}
	);
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

/**
 * A recording that shows up on a call after it ended (Relatel processes recordings after
 * the call): the call gets `recording` as the live API shows it, nothing else changes.
 */
export function attachRecording(state: SandboxState, call: IDataObject): IDataObject {
	const id = state.nextId('recording', 300);
	call.recording = {
		id,
		started_at: call.answered_at,
		duration: call.talk_duration,
		expire_at: state.iso(Date.parse(String(call.started_at)) + 90 * 24 * 3600 * 1000),
		expired: false,
		sound: {
			formats: ['audio/mpeg'],
			url: `http://localhost/files/recordings/${id}.mp3?signature=sig-${id}`,
		},
		accepted: true,
	};
	return call;
}

/** A new M2M order (an activation), as GET /m2m/orders lists it. */
export function createOrder(state: SandboxState, fields: IDataObject = {}): IDataObject {
	const order = {
		id: state.nextId('m2m_order', 1300),
		type: 'Order::ActivateM2m',
		state: 'pending',
		pending_tasks: true,
		icc_id: null,
		number: null,
		subscription_id: null,
		created_at: state.iso(),
		updated_at: state.iso(),
		...fields,
	};
	state.db.m2m_orders.push(order);
	return order;
}

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

/**
 * Every test of the calling file gets a fresh sandbox, with Date (not timers) faked at
 * `start`; `use` receives it. Closed and the clock restored after each test.
 */
export function useTriggerSandbox(use: (sandbox: Sandbox) => void, start = '2026-11-10T09:00:00Z'): void {
	let current: Sandbox | undefined;
	beforeEach(async () => {
		fakeDateOnly(start);
		current = await startSandbox();
		use(current);
	});
	afterEach(async () => {
		await current?.close();
		jest.useRealTimers();
	});
}

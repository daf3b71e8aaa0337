import { NodeApiError } from 'n8n-workflow';

import { forgetCredentials, isDeadlineError, relatelRequest } from '../../../nodes/Relatel/transport/request';
import { defaultCredentials } from '../../helpers/harness';
import { createTrigger } from '../../helpers/poll';
import { startSandbox, type Sandbox } from '../../helpers/triggerSandbox';

/**
 * A request with a deadline (a poll's time budget): each attempt gets at most the time left,
 * no retry is made or waited for past it, and an attempt the deadline cuts short says so
 * (isDeadlineError). Real clock, real HTTP against the sandbox.
 */

let sandbox: Sandbox;
beforeEach(async () => {
	sandbox = await startSandbox();
});
afterEach(async () => {
	await sandbox.close();
});

function context() {
	return createTrigger({ parameters: { event: 'callEnded' }, baseUrl: sandbox.baseUrl, token: sandbox.state.accessToken });
}

const requestsTo = (path: string) => sandbox.state.requests.filter((r) => r.path === `/api/v2${path}`).length;

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result?: T; error?: unknown }> {
	const started = performance.now();
	try {
		const result = await run();
		return { ms: performance.now() - started, result };
	} catch (error) {
		return { ms: performance.now() - started, error };
	}
}

describe('relatelRequest with a deadline', () => {
	it('a request that hangs fails at the deadline, as a deadline error, after one attempt', async () => {
		const fault = { path: '^/employee$', kind: 'timeout', ms: 60_000 };
		sandbox.state.faults.push(fault);
		const ctx = context().context();
		const { ms, error } = await timed(async () =>
			relatelRequest.call(ctx, 'employee.getCurrent', { deadline: Date.now() + 600 }),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(isDeadlineError(error)).toBe(true);
		expect((error as Error).message).toBe('Relatel did not answer in time');
		expect(ms).toBeGreaterThanOrEqual(500);
		expect(ms).toBeLessThan(5000);
		expect(requestsTo('/employee')).toBe(1);
	});

	it('a retry whose wait would end past the deadline is not made: the answer is the error', async () => {
		sandbox.state.faults.push({ path: '^/employee$', status: 503, retryAfter: 2, times: 5 });
		const ctx = context().context();
		const { ms, error } = await timed(async () =>
			relatelRequest.call(ctx, 'employee.getCurrent', { deadline: Date.now() + 1000 }),
		);
		expect((error as NodeApiError).httpCode).toBe('503');
		expect(isDeadlineError(error)).toBe(false);
		expect(ms).toBeLessThan(1000);
		expect(requestsTo('/employee')).toBe(1);
	});

	it('retries that fit before the deadline are made', async () => {
		sandbox.state.faults.push({ path: '^/employee$', status: 503, retryAfter: 0, times: 2 });
		const ctx = context().context();
		const response = await relatelRequest.call(ctx, 'employee.getCurrent', { deadline: Date.now() + 10_000 });
		expect(response.statusCode).toBe(200);
		expect(requestsTo('/employee')).toBe(3);
	});

	it('maxAttempts 1: not retried', async () => {
		sandbox.state.faults.push({ path: '^/employee$', status: 503, retryAfter: 0, times: 2 });
		const ctx = context().context();
		const { error } = await timed(async () =>
			relatelRequest.call(ctx, 'employee.getCurrent', { deadline: Date.now() + 10_000, maxAttempts: 1 }),
		);
		expect((error as NodeApiError).httpCode).toBe('503');
		expect(requestsTo('/employee')).toBe(1);
	});

	it('past the deadline nothing is sent', async () => {
		const ctx = context().context();
		const { error } = await timed(async () => relatelRequest.call(ctx, 'employee.getCurrent', { deadline: Date.now() - 1 }));
		expect(isDeadlineError(error)).toBe(true);
		expect(requestsTo('/employee')).toBe(0);
	});

	it('without a deadline, a dropped connection is retried as before', async () => {
		sandbox.state.faults.push({ path: '^/employee$', kind: 'hang', ms: 300, times: 1 });
		const ctx = context().context();
		// The sandbox drops the connection after 300 ms: a read is retried, and the retry answers.
		const response = await relatelRequest.call(ctx, 'employee.getCurrent');
		expect(response.statusCode).toBe(200);
		expect(requestsTo('/employee')).toBe(2);
	});
});

describe('credentials: read once per context', () => {
	it('the requests of a context share one credential read; after forgetCredentials the next one reads it again', async () => {
		const t = context();
		const ctx = t.context();
		for (let i = 0; i < 3; i++) await relatelRequest.call(ctx, 'employee.getCurrent');
		expect(t.credentialReads()).toBe(1);
		forgetCredentials(ctx);
		await relatelRequest.call(ctx, 'employee.getCurrent');
		expect(t.credentialReads()).toBe(2);
	});

	it('a failed read is not kept: the next request tries again', async () => {
		const t = context();
		const ctx = t.context();
		t.setCredentials({});
		await expect(relatelRequest.call(ctx, 'employee.getCurrent')).rejects.toThrow();
		t.setCredentials(defaultCredentials(sandbox.baseUrl, sandbox.state.accessToken));
		const response = await relatelRequest.call(ctx, 'employee.getCurrent');
		expect(response.statusCode).toBe(200);
	});
});

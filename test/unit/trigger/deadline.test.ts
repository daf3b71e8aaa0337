import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { QUIET_FAILURES } from '../../../nodes/RelatelTrigger/failures';
import { createTrigger, emitted, logLines } from '../../helpers/poll';
import { advanceClock, sandboxEvents, useTriggerSandbox, type Sandbox, type SandboxRequest } from '../../helpers/triggerSandbox';

/**
 * A request that hangs must not outlast the time n8n gives a poll: n8n would give up on the
 * poll, save nothing and count no failure, and the next poll would hang on the same request.
 * Every request of a poll is over by the poll's deadlines (paging: 60 % of the budget; the
 * voicemail audio: 85 %). Date is faked and stands still here, so a deadline is that many
 * real milliseconds away: the budgets are small.
 */

const MINUTE = 60_000;
let sandbox: Sandbox;
useTriggerSandbox((started) => (sandbox = started));

const trigger = (parameters: IDataObject, budgetMs: number) =>
	createTrigger({ parameters: parameters as never, baseUrl: sandbox.baseUrl, token: sandbox.state.accessToken, budgetMs });

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
	const started = performance.now();
	const result = await run();
	return { ms: performance.now() - started, result };
}

describe('Relatel Trigger: requests that hang', () => {
	it('a voicemail whose audio download hangs is emitted with audio_error once the poll is out of time (one attempt)', async () => {
		const t = trigger({ event: 'newVoicemail', attachAudio: true }, 2000);
		expect(await t.poll()).toBeNull();
		advanceClock(MINUTE);
		const hung = sandboxEvents.voicemail(sandbox.state, { created_at: sandbox.state.iso(Date.now() - 10_000) });
		const fault = { path: `^/voice_mails/${hung.id}/sound$`, kind: 'timeout', ms: 120_000, fired: 0 };
		sandbox.state.faults.push(fault);
		const lines = logLines.length;

		const { ms, result } = await timed(async () => await t.poll());
		const [item] = result![0];
		expect(item.json).toMatchObject({ id: hung.id });
		expect(item.json.audio_error).toMatch(/^Not downloaded: this poll ran out of time/);
		expect(item.binary).toBeUndefined();
		expect(fault.fired).toBe(1);
		// The output deadline is 2 s (the budget) after the poll began.
		expect(ms).toBeLessThan(6000);
		const warned = logLines.slice(lines).filter((l) => l.level === 'warn');
		expect(warned.some((l) => l.message.includes(`voicemail ${hung.id} is emitted without its audio`))).toBe(true);

		// It is not emitted again; the next one comes with its audio.
		advanceClock(MINUTE);
		const next = sandboxEvents.voicemail(sandbox.state, {});
		const items = (await t.poll())![0];
		expect(items.map((i) => i.json.id)).toEqual([next.id]);
		expect(items[0].binary?.data).toMatchObject({ mimeType: 'audio/mpeg' });
	});

	it('a page that hangs after the first: the poll emits what it read within its budget and goes on from there', async () => {
		const t = trigger({ event: 'callStarted' }, 2000);
		expect(await t.poll()).toBeNull();
		advanceClock(MINUTE);
		const calls = Array.from({ length: 150 }, (_, i) =>
			sandboxEvents.call(sandbox.state, { ended: false, started_at: sandbox.state.iso(Date.now() - 50_000 + i * 200) }),
		);
		sandbox.state.onRequest = (request: SandboxRequest) => {
			if (!request.query.started_at_lt_or_eq) return;
			sandbox.state.faults.push({ path: '^/calls$', kind: 'timeout', ms: 120_000, times: 1 });
		};
		const lines = logLines.length;

		const { ms, result } = await timed(async () => emitted(await t.poll()));
		expect(result.map((c) => c.call_uuid)).toEqual(calls.slice(50).map((c) => c.call_uuid));
		// Paging stops at 60 % of the 2 s budget.
		expect(ms).toBeLessThan(6000);
		expect(t.staticData().backlog).toBeDefined();
		// Running out of time is no failure.
		expect(t.staticData().failures).toBeUndefined();
		const failed = logLines.slice(lines).filter((l) => /this poll failed|failed part-way through this poll/.test(l.message));
		expect(failed).toEqual([]);

		sandbox.state.onRequest = undefined;
		advanceClock(MINUTE);
		expect(emitted(await t.poll()).map((c) => c.call_uuid)).toEqual(calls.slice(0, 50).map((c) => c.call_uuid));
		expect(t.staticData().backlog).toBeUndefined();
	});

	it(`the first page hangs: the poll fails within its budget, counted; from failure ${QUIET_FAILURES + 1} on reported to n8n`, async () => {
		const t = trigger({ event: 'callEnded' }, 1000);
		expect(await t.poll()).toBeNull();
		const saved = t.staticData();
		sandbox.state.faults.push({ path: '^/calls$', kind: 'timeout', ms: 120_000, times: QUIET_FAILURES + 1 });
		for (let i = 1; i <= QUIET_FAILURES; i++) {
			advanceClock(MINUTE);
			const lines = logLines.length;
			const { ms, result } = await timed(async () => await t.poll());
			expect(result).toBeNull();
			expect(ms).toBeLessThan(5000);
			expect(t.staticData()).toEqual({ ...saved, failures: { count: i, since: expect.any(String) } });
			const warning = logLines.slice(lines).find((l) => l.level === 'warn');
			expect(warning?.message).toContain('this poll failed');
			expect(warning?.message).toContain('Relatel did not answer in time');
		}
		advanceClock(MINUTE);
		const error = await t.poll().then(
			() => undefined,
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toBe('Relatel did not answer in time');
	});

	it('a Retry-After longer than the poll has left is not waited for: the poll fails at once and is counted', async () => {
		const t = trigger({ event: 'newSms' }, 10_000);
		expect(await t.poll()).toBeNull();
		advanceClock(MINUTE);
		// 20 s is short enough to wait for in a workflow run, not within a 6 s paging budget.
		sandbox.state.faults.push({ path: '^/messages$', status: 429, retryAfter: 20, times: 4 });
		const { ms, result } = await timed(async () => await t.poll());
		expect(result).toBeNull();
		expect(ms).toBeLessThan(3000);
		expect(t.staticData().failures).toMatchObject({ count: 1 });
		// The activation's request, and one attempt.
		expect(sandbox.state.requests.filter((r) => r.path === '/api/v2/messages')).toHaveLength(2);
	});

	it('M2M Order State Changed: a list that hangs fails within the budget and is counted', async () => {
		const t = trigger({ event: 'm2mOrderStateChanged' }, 1000);
		expect(await t.poll()).toBeNull();
		advanceClock(MINUTE);
		sandbox.state.faults.push({ path: '^/m2m/orders$', kind: 'timeout', ms: 120_000, times: 1 });
		const { ms, result } = await timed(async () => await t.poll());
		expect(result).toBeNull();
		expect(ms).toBeLessThan(5000);
		expect(t.staticData().failures).toMatchObject({ count: 1 });
	});
});

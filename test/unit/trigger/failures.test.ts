import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { QUIET_FAILURES } from '../../../nodes/RelatelTrigger/failures';
import { defaultCredentials } from '../../helpers/harness';
import { createTrigger, emitted, logLines, type TriggerHarness } from '../../helpers/poll';
import { advanceClock, sandboxEvents, useTriggerSandbox, type Sandbox } from '../../helpers/triggerSandbox';

/** Failures that do not heal by themselves must neither stall the trigger silently nor block later events. */

const MINUTE = 60_000;
let sandbox: Sandbox;
useTriggerSandbox((started) => (sandbox = started));

const trigger = (parameters: INodeParameters) =>
	createTrigger({
		parameters,
		baseUrl: sandbox.baseUrl,
		token: sandbox.state.accessToken,
	});
const position = (t: TriggerHarness) => ({
	...t.staticData(),
	failures: undefined,
});

describe('Relatel Trigger: polls that keep failing', () => {
	it(`logs the first ${QUIET_FAILURES} failures in a row, then reports each one to n8n until a poll succeeds; nothing is lost`, async () => {
		const t = trigger({ event: 'newSms', smsDirection: 'both' });
		expect(await t.poll()).toBeNull();
		const saved = position(t);
		const lines = logLines.length;
		const revokedAt = new Date().toISOString();
		const sms: IDataObject[] = [];
		sandbox.state.tokens.delete(sandbox.state.accessToken);

		for (let i = 1; i <= QUIET_FAILURES; i++) {
			advanceClock(MINUTE);
			sms.push(sandboxEvents.sms(sandbox.state, { body: `sms ${i}` }));
			expect(await t.poll()).toBeNull();
			expect(t.staticData().failures).toEqual({
				count: i,
				since: new Date(Date.parse(revokedAt) + MINUTE).toISOString(),
			});
		}
		const quiet = logLines.slice(lines);
		expect(quiet.filter((l) => l.level === 'warn' && l.message.includes('this poll failed'))).toHaveLength(QUIET_FAILURES);
		expect(quiet.filter((l) => l.level === 'error')).toEqual([]);

		// From the next failure on, the poll throws: n8n saves a failed execution and runs the error workflow.
		for (let i = 0; i < 2; i++) {
			advanceClock(MINUTE);
			const lines2 = logLines.length;
			const error = await t.poll().then(
				() => undefined,
				(e: Error & { description?: string }) => e,
			);
			expect(error?.message).toContain('The Relatel token was revoked or is invalid');
			// The request's own error, with its HTTP status, so n8n can tell a revoked token.
			expect(error).toBeInstanceOf(NodeApiError);
			expect((error as NodeApiError).httpCode).toBe('401');
			expect(error?.description).toContain('Create a new access token');
			expect(error?.description).toContain(
				`Every poll of this trigger since ${new Date(Date.parse(revokedAt) + MINUTE).toISOString()} has failed`,
			);
			expect(error?.description).not.toContain(sandbox.state.accessToken);
			expect(logLines.slice(lines2).filter((l) => l.level === 'error')).toHaveLength(1);
			expect(position(t)).toEqual(saved);
		}

		// A new token: everything since the revocation arrives once, and the count is reset.
		advanceClock(MINUTE);
		sandbox.state.tokens.add('new-token');
		t.setCredentials(defaultCredentials(sandbox.baseUrl, 'new-token'));
		expect(emitted(await t.poll()).map((m) => m.id)).toEqual(sms.map((m) => m.id));
		expect(t.staticData().failures).toBeUndefined();
		advanceClock(MINUTE);
		expect(await t.poll()).toBeNull();
	});

	it('a 429 that keeps coming: from the fifth failure on, the error thrown is still a 429 (HTTP status kept)', async () => {
		const t = trigger({ event: 'callStarted' });
		expect(await t.poll()).toBeNull();
		// Longer than the transport waits for: every poll fails on its first page.
		sandbox.state.faults.push({ path: '^/calls$', status: 429, retryAfter: 120, times: 100 });
		for (let i = 1; i <= QUIET_FAILURES; i++) {
			advanceClock(MINUTE);
			expect(await t.poll()).toBeNull();
		}
		advanceClock(MINUTE);
		const error = await t.poll().then(
			() => undefined,
			(e: NodeApiError) => e,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.httpCode).toBe('429');
		expect(error?.message).toBe('Relatel rate limited the request');
		expect(error?.description).toMatch(/^Every poll of this trigger since .* has failed \(at least 5 in a row\)\./);
		expect(error?.description).toContain('Relatel asked to wait 120 seconds.');
	});

	it('a success in between starts the count again', async () => {
		const t = trigger({ event: 'callEnded' });
		expect(await t.poll()).toBeNull();
		for (let round = 0; round < 3; round++) {
			for (let i = 0; i < QUIET_FAILURES; i++) {
				sandbox.state.faults.push({ path: '^/calls$', status: 500, times: 1 });
				advanceClock(MINUTE);
				expect(await t.poll()).toBeNull();
			}
			advanceClock(MINUTE);
			expect(await t.poll()).toBeNull();
			expect(t.staticData().failures).toBeUndefined();
		}
	});
});

describe('Relatel Trigger: New Voicemail whose audio cannot be downloaded', () => {
	it('is emitted without the audio and with audio_error, and does not hold back later voicemails', async () => {
		const t = trigger({
			event: 'newVoicemail',
			attachAudio: true,
			binaryPropertyName: 'audio',
		});
		expect(await t.poll()).toBeNull();
		advanceClock(MINUTE);
		const broken = sandboxEvents.voicemail(sandbox.state, {
			created_at: sandbox.state.iso(Date.now() - 20_000),
		});
		const fine = sandboxEvents.voicemail(sandbox.state, {
			created_at: sandbox.state.iso(Date.now() - 10_000),
		});
		// Relatel fails this one download every time.
		sandbox.state.faults.push({
			path: `^/voice_mails/${broken.id}/sound$`,
			status: 500,
			times: 1000,
		});
		const lines = logLines.length;

		const result = await t.poll();
		expect(result?.[0].map((item) => item.json.id)).toEqual([broken.id, fine.id]);
		const [first, second] = result![0];
		expect(first.binary).toBeUndefined();
		expect(first.json.audio_error).toBe('The audio could not be downloaded: Relatel had a problem on its side (HTTP 500)');
		expect(second.binary?.audio).toMatchObject({ mimeType: 'audio/mpeg' });
		expect(second.json.audio_error).toBeUndefined();
		expect(
			logLines
				.slice(lines)
				.some((l) => l.level === 'warn' && l.message.includes(`voicemail ${broken.id} is emitted without its audio`)),
		).toBe(true);

		// It is not emitted again, and later voicemails come through.
		advanceClock(MINUTE);
		const later = sandboxEvents.voicemail(sandbox.state, {});
		expect(emitted(await t.poll()).map((v) => v.id)).toEqual([later.id]);
		advanceClock(MINUTE);
		expect(await t.poll()).toBeNull();
	});

	it('a voicemail deleted before its audio was fetched: audio_error says so (404)', async () => {
		const t = trigger({ event: 'newVoicemail', attachAudio: true });
		expect(await t.poll()).toBeNull();
		advanceClock(MINUTE);
		const gone = sandboxEvents.voicemail(sandbox.state, {});
		sandbox.state.faults.push({
			path: `^/voice_mails/${gone.id}/sound$`,
			status: 404,
			times: 1,
		});
		const [item] = (await t.poll())![0];
		expect(item.json).toMatchObject({
			id: gone.id,
			audio_error: 'Relatel no longer has this voicemail (HTTP 404)',
		});
		expect(item.binary).toBeUndefined();
	});

	it('past the time budget the rest are emitted without downloading, with audio_error', async () => {
		const t = createTrigger({
			parameters: { event: 'newVoicemail', attachAudio: true },
			baseUrl: sandbox.baseUrl,
			token: sandbox.state.accessToken,
			budgetMs: 10_000,
		});
		expect(await t.poll()).toBeNull();
		advanceClock(MINUTE);
		const voicemails = Array.from({ length: 5 }, (_, i) =>
			sandboxEvents.voicemail(sandbox.state, {
				created_at: sandbox.state.iso(Date.now() - 50_000 + i * 1000),
			}),
		);
		// Each download takes 3 s: the output may run until 8.5 s into the poll.
		sandbox.state.onRequest = (request) => {
			if (request.path.endsWith('/sound')) advanceClock(3000);
		};
		const items = (await t.poll())![0];
		expect(items.map((item) => item.json.id)).toEqual(voicemails.map((v) => v.id));
		expect(items.map((item) => Boolean(item.binary))).toEqual([true, true, true, false, false]);
		expect(items[4].json.audio_error).toMatch(/^Not downloaded: this poll ran out of time/);
	});
});

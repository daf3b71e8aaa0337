import nock from 'nock';

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';
import { makeVoicemail } from './fixtures';

const net = useNock();
// useNock() leaves nock's HTTP interceptors on; a later test file in this worker would then
// miss its mocks. Restore them when this file is done.
afterAll(() => nock.restore());

const update = (extra: Record<string, unknown>) => ({ resource: 'voicemail', operation: 'update', ...extra });

describe('Voicemail → Mark as Heard or Unheard', () => {
	it('marks as heard by default and returns the voicemail', async () => {
		api()
			.put('/voice_mails/812', { voice_mail: { heard: true } })
			.reply(200, makeVoicemail({ heard: true }));

		const { items, error } = await runNode({ parameters: update({ voicemailId: '812' }) });

		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: makeVoicemail({ heard: true }), pairedItem: { item: 0 } }]);
	});

	it('marks as unheard with a comment', async () => {
		api()
			.put('/voice_mails/812', { voice_mail: { heard: false, comment: 'Ring tilbage i morgen' } })
			.reply(200, { voice_mail: makeVoicemail({ heard: false, comment: 'Ring tilbage i morgen' }) });

		const { items, error } = await runNode({
			parameters: update({ voicemailId: '812', heard: false, additionalFields: { comment: 'Ring tilbage i morgen' } }),
		});

		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: makeVoicemail({ heard: false, comment: 'Ring tilbage i morgen' }), pairedItem: { item: 0 } },
		]);
	});

	it('Heard from an expression; an empty answer still reports what was set', async () => {
		api().put('/voice_mails/77', { voice_mail: { heard: false } }).reply(204);
		const { items, error } = await runNode({
			items: [{ id: 77, heard: 'false' }],
			parameters: update({ voicemailId: '={{ $json.id }}', heard: '={{ $json.heard }}' }),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { id: 77, heard: false }, pairedItem: { item: 0 } }]);
	});

	it.each([
		[{ voicemailId: 'x12' }, `"x12" is not a valid ID in 'Voicemail ID'`],
		[{ voicemailId: '812', heard: '={{ "maybe" }}' }, `"maybe" is not true or false in 'Heard'`],
	])('refuses %j before any request', async (parameters, message) => {
		const { error } = await runNode({ parameters: update(parameters) });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(message);
		expect(error?.context?.itemIndex).toBe(0);
		expect(net.unmatched()).toEqual([]);
	});

	it('a PUT that got 503 is not sent again', async () => {
		api().put('/voice_mails/812').once().reply(503, {});
		const { error } = await runNode({ parameters: update({ voicemailId: '812' }) });
		expect(error?.httpCode).toBe('503');
		expect(net.unmatched()).toEqual([]);
	});
});

import nock from 'nock';

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';
import { makeVoicemail, simpleVoicemail } from './fixtures';

const net = useNock();
// useNock() leaves nock's HTTP interceptors on; a later test file in this worker would then
// miss its mocks. Restore them when this file is done.
afterAll(() => nock.restore());

const getAll = (extra: Record<string, unknown>) => ({ resource: 'voicemail', operation: 'getAll', ...extra });

/** Voicemail n, n hours before noon on 2026-11-20: newest first means ascending n. */
const at = (n: number) => new Date(Date.UTC(2026, 10, 20, 12) - n * 3_600_000).toISOString().replace('.000Z', 'Z');
const vm = (n: number, extra: Record<string, unknown> = {}) => makeVoicemail({ id: 1000 + n, created_at: at(n), ...extra });

describe('Voicemail → Get Many', () => {
	it('Limit, with the filters Relatel knows: endpoint, normalized number, created before', async () => {
		api()
			.get('/voice_mails')
			.query({ limit: 2, endpoint: 'Employee#2', number: '4561000001', created_at_lt_or_eq: '2026-11-20T12:00:00Z' })
			.reply(200, { voice_mails: [vm(1), vm(2)] });

		const { items, error } = await runNode({
			parameters: getAll({
				limit: 2,
				filters: {
					endpoint: { __rl: true, mode: 'list', value: 'Employee#2' },
					number: '+45 61 00 00 01',
					createdBefore: '2026-11-20T12:00:00Z',
				},
			}),
		});

		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: simpleVoicemail({ id: 1001, created_at: at(1) }), pairedItem: { item: 0 } },
			{ json: simpleVoicemail({ id: 1002, created_at: at(2) }), pairedItem: { item: 0 } },
		]);
	});

	it('Return All: pages back by created_at, the boundary voicemail is kept once', async () => {
		const page1 = Array.from({ length: 100 }, (_v, i) => vm(i + 1));
		const page2 = [vm(100), vm(101), vm(102)];
		api().get('/voice_mails').query({ limit: 100 }).reply(200, { voice_mails: page1 });
		api().get('/voice_mails').query({ limit: 100, created_at_lt_or_eq: at(100) }).reply(200, { voice_mails: page2 });

		const { items, error } = await runNode({ parameters: getAll({ returnAll: true, simplify: false }) });

		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual(Array.from({ length: 102 }, (_v, i) => 1001 + i));
		expect(items[0].json).toEqual(vm(1));
	});

	it('Created After is not sent (Relatel has none): pages back until past it, then stops', async () => {
		const page1 = Array.from({ length: 100 }, (_v, i) => vm(i + 1));
		// Voicemails 101-150 are after the bound, 151+ before it: no third page is asked for.
		const page2 = Array.from({ length: 100 }, (_v, i) => vm(i + 100));
		api().get('/voice_mails').query({ limit: 100 }).reply(200, { voice_mails: page1 });
		api().get('/voice_mails').query({ limit: 100, created_at_lt_or_eq: at(100) }).reply(200, { voice_mails: page2 });

		const { items, error } = await runNode({
			parameters: getAll({ returnAll: true, filters: { createdAfter: at(150) } }),
		});

		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual(Array.from({ length: 150 }, (_v, i) => 1001 + i));
		expect(net.unmatched()).toEqual([]);
	});

	it.each([
		['unheard', [1002, 1004]],
		['heard', [1001, 1003]],
		['all', [1001, 1002, 1003, 1004]],
	])('Heard = %s is filtered on our side', async (heard, ids) => {
		const list = [vm(1, { heard: true }), vm(2, { heard: false }), vm(3, { heard: true }), vm(4, { heard: false })];
		api().get('/voice_mails').query({ limit: 100 }).reply(200, { voice_mails: list });
		const { items, error } = await runNode({ parameters: getAll({ returnAll: true, filters: { heard } }) });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual(ids);
	});

	describe('bad input is refused before any request', () => {
		it.each([
			[{ number: '61000001' }, `"61000001" is not a valid phone number in 'Caller Number'`],
			[{ createdAfter: 'last week' }, `"last week" is not a valid date in 'Created After'`],
			[
				{ createdAfter: '2026-11-20T00:00:00Z', createdBefore: '2026-11-19T00:00:00Z' },
				`'Created After' is after 'Created Before'`,
			],
		])('filters %j', async (filters, message) => {
			const { error } = await runNode({ parameters: getAll({ filters }) });
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toBe(message);
			expect(error?.context?.itemIndex).toBe(0);
			expect(net.unmatched()).toEqual([]);
		});
	});

	it('a 401 says the token was revoked', async () => {
		api().get('/voice_mails').query(true).reply(401, { error: 'invalid_token' });
		const { error } = await runNode({ parameters: getAll({}) });
		expect(error?.message).toBe('The Relatel token was revoked or is invalid');
		expect(net.unmatched()).toEqual([]);
	});
});

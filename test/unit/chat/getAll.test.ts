import nock from 'nock';

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';

const net = useNock();
// Leave http unpatched for the next test file in this worker (see test/helpers/api.ts).
afterAll(() => nock.restore());

const chat = (n: number, state: string, startedAt: string) => ({
	uuid: `c4a7e000-0000-4000-8000-${String(n).padStart(12, '0')}`,
	state,
	from_name: `Besøgende ${n}`,
	from_email: null,
	endpoint: 'ChatReception#1',
	link: null,
	started_at: startedAt,
	answered_at: null,
	answered_by: null,
	ended_at: null,
	contact: null,
});
const chats = [
	chat(5, 'ringing', '2026-11-20T12:00:00Z'),
	chat(4, 'answered', '2026-11-20T10:00:00Z'),
	chat(3, 'ended', '2026-11-19T15:00:00Z'),
	chat(2, 'ended', '2026-11-18T09:00:00Z'),
	chat(1, 'ended', '2026-11-17T09:00:00Z'),
];

const getAll = (extra: Record<string, unknown>) => ({ resource: 'chat', operation: 'getAll', ...extra });

describe('Chat → Get Many', () => {
	it('Return All: every chat, one item each, no query sent', async () => {
		api().get('/chats').query({}).reply(200, { chats });
		const { items, error } = await runNode({ parameters: getAll({ returnAll: true }) });
		expect(error).toBeUndefined();
		expect(items).toEqual(chats.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('Limit is applied to the list Relatel sends', async () => {
		api().get('/chats').query({}).reply(200, { chats });
		const { items } = await runNode({ parameters: getAll({ limit: 2 }) });
		expect(items.map((i) => i.json)).toEqual(chats.slice(0, 2));
	});

	it('filters by state and start time, then limits', async () => {
		api().get('/chats').query({}).reply(200, { chats });
		const { items, error } = await runNode({
			parameters: getAll({
				limit: 1,
				filters: { state: ' Ended ', startedAfter: '2026-11-18T09:00:00Z', startedBefore: '2026-11-20T00:00:00Z' },
			}),
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.uuid)).toEqual([chats[2].uuid]);
	});

	it('the start bounds are inclusive', async () => {
		api().get('/chats').reply(200, { chats });
		const { items } = await runNode({
			parameters: getAll({
				returnAll: true,
				filters: { startedAfter: '2026-11-18T09:00:00Z', startedBefore: '2026-11-20T10:00:00Z' },
			}),
		});
		expect(items.map((i) => i.json.uuid)).toEqual([chats[1].uuid, chats[2].uuid, chats[3].uuid]);
	});

	it.each([
		[{ startedAfter: 'yesterday' }, `"yesterday" is not a valid date in 'Started After'`],
		[
			{ startedAfter: '2026-11-20T00:00:00Z', startedBefore: '2026-11-19T00:00:00Z' },
			`'Started After' is after 'Started Before'`,
		],
	])('refuses filters %j before any request', async (filters, message) => {
		const { error } = await runNode({ parameters: getAll({ filters }) });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(message);
		expect(net.unmatched()).toEqual([]);
	});
});

import nock from 'nock';

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';

/**
 * SMS → Get Many. Relatel documents no page size for messages, so the node cannot tell a
 * short page from a full one by its length: only a page as long as the longest before,
 * that comes again at the same time, shows more messages share that time than a page holds.
 */
const net = useNock();
afterAll(() => nock.restore());

const at = (second: number) => new Date(Date.UTC(2026, 10, 20, 12, 0, 0) - second * 1000).toISOString().replace('.000Z', 'Z');
const message = (id: number, createdAt: string) => ({ id, direction: 'incoming', body: `SMS ${id}`, created_at: createdAt });
const getAll = { resource: 'message', operation: 'getAll', returnAll: true, simplify: false };
const hints = (run: Awaited<ReturnType<typeof runNode>>['run']) => run.data.resultData.runData.Relatel[0].hints ?? [];

describe('SMS → Get Many, Return All', () => {
	it('pages by created_at, keeping the boundary message once', async () => {
		const page1 = Array.from({ length: 10 }, (_v, i) => message(100 - i, at(i)));
		const page2 = [message(91, at(9)), message(90, at(10)), message(89, at(11))];
		api().get('/messages').query({ limit: 100 }).reply(200, { messages: page1 });
		api().get('/messages').query({ limit: 100, created_at_lt_or_eq: at(9) }).reply(200, { messages: page2 });
		api().get('/messages').query({ limit: 100, created_at_lt_or_eq: at(11) }).reply(200, { messages: [message(89, at(11))] });

		const { items, error, run } = await runNode({ parameters: getAll });

		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual([100, 99, 98, 97, 96, 95, 94, 93, 92, 91, 90, 89]);
		expect(hints(run)).toEqual([]);
		expect(net.unmatched()).toEqual([]);
	});

	it('a short last page of two messages of the cursor time ends the list without a warning', async () => {
		const page1 = Array.from({ length: 10 }, (_v, i) => message(100 - i, i < 8 ? at(i) : at(8)));
		// Messages 92 and 91 share the last time; the page at that time brings 92, 91 and 90 (same time).
		const page2 = [message(92, at(8)), message(91, at(8)), message(90, at(8))];
		api().get('/messages').query({ limit: 100 }).reply(200, { messages: page1 });
		api().get('/messages').query({ limit: 100, created_at_lt_or_eq: at(8) }).times(2).reply(200, { messages: page2 });

		const { items, run } = await runNode({ parameters: getAll });

		expect(items.map((i) => i.json.id)).toEqual([100, 99, 98, 97, 96, 95, 94, 93, 92, 91, 90]);
		expect(hints(run)).toEqual([]);
		expect(net.unmatched()).toEqual([]);
	});

	it('a full page of one time that comes again: paging goes on 1 ms earlier, with a warning', async () => {
		const burst = Array.from({ length: 10 }, (_v, i) => message(100 - i, at(5)));
		api().get('/messages').query({ limit: 100 }).reply(200, { messages: burst });
		api().get('/messages').query({ limit: 100, created_at_lt_or_eq: at(5) }).reply(200, { messages: burst });
		const before = new Date(Date.parse(at(5)) - 1).toISOString();
		api().get('/messages').query({ limit: 100, created_at_lt_or_eq: before }).reply(200, { messages: [message(80, at(6)), message(79, at(7))] });
		api().get('/messages').query({ limit: 100, created_at_lt_or_eq: at(7) }).reply(200, { messages: [message(79, at(7))] });

		const { items, run } = await runNode({ parameters: getAll });

		expect(items.map((i) => i.json.id)).toEqual([100, 99, 98, 97, 96, 95, 94, 93, 92, 91, 80, 79]);
		expect(hints(run)).toEqual([expect.objectContaining({ type: 'warning', message: expect.stringContaining(`share the time ${at(5)}`) })]);
		expect(net.unmatched()).toEqual([]);
	});
});

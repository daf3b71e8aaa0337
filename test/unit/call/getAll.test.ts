import nock from 'nock';

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';
import { makeCall, simpleCall } from './fixtures';

const net = useNock();
// useNock() leaves nock's HTTP interceptors on; a later test file in this worker would then
// miss its mocks. Restore them when this file is done.
afterAll(() => nock.restore());

const getAll = (extra: Record<string, unknown>) => ({ resource: 'call', operation: 'getAll', ...extra });

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = (n: number) => new Date(Date.UTC(2026, 10, 20, 12, 0, 0) - n * 60_000).toISOString().replace('.000Z', 'Z');

/** Call n, n minutes before noon: newest first means ascending n. */
const call = (n: number, extra: Record<string, unknown> = {}) =>
	makeCall({ call_uuid: uuid(n), started_at: at(n), ...extra });

describe('Call → Get Many', () => {
	it('Limit: asks for that many, with every date and direction filter, and simplifies', async () => {
		api()
			.get('/calls')
			.query({
				started_at_gt_or_eq: '2026-11-01T00:00:00Z',
				started_at_lt_or_eq: '2026-11-30T23:59:59Z',
				ended_at_gt_or_eq: '2026-11-02T00:00:00Z',
				ended_at_lt_or_eq: '2026-11-29T00:00:00Z',
				direction: 'incoming',
				limit: 2,
			})
			.reply(200, { calls: [call(1), call(2)] });

		const { items, error } = await runNode({
			parameters: getAll({
				limit: 2,
				filters: {
					startedAfter: '2026-11-01T00:00:00Z',
					startedBefore: '2026-11-30T23:59:59Z',
					endedAfter: '2026-11-02T01:00:00+01:00',
					endedBefore: '2026-11-29T00:00:00+00:00',
					direction: 'incoming',
				},
			}),
		});

		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: simpleCall({ call_uuid: uuid(1), started_at: at(1) }), pairedItem: { item: 0 } },
			{ json: simpleCall({ call_uuid: uuid(2), started_at: at(2) }), pairedItem: { item: 0 } },
		]);
	});

	it('Return All: pages back by started_at, the boundary calls come again and are kept once', async () => {
		const page1 = Array.from({ length: 100 }, (_v, i) => call(i + 1));
		// Calls 99-102 share one started_at: the next page starts at it (inclusive).
		const shared = at(100);
		page1[98].started_at = shared;
		page1[99].started_at = shared;
		const page2 = [call(99, { started_at: shared }), call(100, { started_at: shared }), call(101, { started_at: shared }), call(102, { started_at: shared }), call(103)];
		api().get('/calls').query({ direction: 'outgoing', limit: 100 }).reply(200, { calls: page1 });
		api().get('/calls').query({ direction: 'outgoing', limit: 100, started_at_lt_or_eq: shared }).reply(200, { calls: page2 });

		const { items, error } = await runNode({
			parameters: getAll({ returnAll: true, filters: { direction: 'outgoing' }, simplify: false }),
		});

		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.call_uuid)).toEqual(Array.from({ length: 103 }, (_v, i) => uuid(i + 1)));
		expect(items[0].json).toEqual(call(1));
	});

	it('Return All: a full page of one started_at goes on past that second, with a warning above the output', async () => {
		const burst = at(1);
		const page1 = Array.from({ length: 100 }, (_v, i) => call(i + 1, { started_at: burst }));
		const older = Array.from({ length: 20 }, (_v, i) => call(200 + i));
		api().get('/calls').query({ limit: 100 }).reply(200, { calls: page1 });
		// The same cursor would bring the same 100 calls again: the next page starts 1 ms earlier.
		const justBefore = new Date(Date.parse(burst) - 1).toISOString();
		api().get('/calls').query({ limit: 100, started_at_lt_or_eq: justBefore }).reply(200, { calls: older });

		const { items, error, run } = await runNode({ parameters: getAll({ returnAll: true, simplify: false }) });

		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.call_uuid)).toEqual([...page1, ...older].map((c) => c.call_uuid));
		const hints = run.data.resultData.runData.Relatel[0].hints ?? [];
		expect(hints).toEqual([
			expect.objectContaining({ type: 'warning', message: expect.stringContaining(`share the time ${burst}`) }),
		]);
		expect(net.unmatched()).toEqual([]);
	});

	it('Return All: a last page that repeats only the boundary call ends the list without a warning', async () => {
		const page1 = Array.from({ length: 100 }, (_v, i) => call(i + 1));
		api().get('/calls').query({ limit: 100 }).reply(200, { calls: page1 });
		api().get('/calls').query({ limit: 100, started_at_lt_or_eq: at(100) }).reply(200, { calls: [call(100)] });

		const { items, run } = await runNode({ parameters: getAll({ returnAll: true }) });

		expect(items).toHaveLength(100);
		expect(run.data.resultData.runData.Relatel[0].hints ?? []).toEqual([]);
		expect(net.unmatched()).toEqual([]);
	});

	it('filters an expression left empty filter nothing; an endpoint written with spaces is read', async () => {
		const employeeCall = call(1, { endpoint: 'Employee#12' });
		api().get('/calls').query({ limit: 100 }).reply(200, { calls: [employeeCall, call(2, { endpoint: 'Reception#7' })] });

		const { items, error } = await runNode({
			parameters: getAll({
				limit: 5,
				simplify: false,
				filters: { direction: '={{ "" }}', answered: '={{ "" }}', endpoint: { __rl: true, mode: 'id', value: 'Employee # 12' } },
			}),
		});

		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.call_uuid)).toEqual([employeeCall.call_uuid]);
		expect(net.unmatched()).toEqual([]);
	});

	it('Endpoint is matched in path[]/nodes[] on our side and never sent to Relatel', async () => {
		const employeeInPath = call(1); // to Reception#21, John (Employee#2) only in path[]
		const otherEmployee = call(2, {
			endpoint: 'Employee#4',
			direction: 'outgoing',
			path: [{ endpoint: 'Employee#4' }],
			nodes: [{ endpoint: 'Employee#4' }],
		});
		const employeeInNodesOnly = call(3, {
			path: [{ endpoint: 'Reception#22' }],
			nodes: [{ endpoint: 'Reception#22' }, { endpoint: 'Employee#2' }],
		});
		const employeeAsEndpoint = call(4, { endpoint: 'Employee#2', direction: 'outgoing', path: [], nodes: [] });
		api()
			.get('/calls')
			.query({ limit: 100 })
			.reply(200, { calls: [employeeInPath, otherEmployee, employeeInNodesOnly, employeeAsEndpoint] });

		const { items, error } = await runNode({
			parameters: getAll({
				returnAll: true,
				filters: { endpoint: { __rl: true, mode: 'id', value: 'Employee#2' } },
				simplify: false,
			}),
		});

		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([employeeInPath, employeeInNodesOnly, employeeAsEndpoint]);
	});

	it('Limit with a client-side filter: pages until enough calls match', async () => {
		const missed = (n: number) => call(n, { answered_at: null, answered_by: null });
		const page1 = Array.from({ length: 100 }, (_v, i) => (i === 10 ? missed(i + 1) : call(i + 1)));
		const page2 = [call(100), missed(101), missed(102), call(103)];
		api().get('/calls').query({ limit: 100 }).reply(200, { calls: page1 });
		api().get('/calls').query({ limit: 100, started_at_lt_or_eq: at(100) }).reply(200, { calls: page2 });

		const { items, error } = await runNode({ parameters: getAll({ limit: 2, filters: { answered: 'missed' } }) });

		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.call_uuid, i.json.answered])).toEqual([
			[uuid(11), false],
			[uuid(101), false],
		]);
	});

	it('Answered: keeps only calls with an answered_at', async () => {
		const calls = [
			call(1),
			call(2, { answered_at: null, answered_by: null }),
			call(3, { direction: 'outgoing', answered_at: null, answered_by: null }),
			call(4, { direction: 'outgoing' }),
		];
		api().get('/calls').query({ limit: 100 }).reply(200, { calls });
		const { items } = await runNode({ parameters: getAll({ returnAll: true, filters: { answered: 'answered' } }) });
		expect(items.map((i) => i.json.call_uuid)).toEqual([uuid(1), uuid(4)]);
	});

	it('Missed: incoming, ended and never answered (a ringing call and an unanswered outgoing call are not missed)', async () => {
		const calls = [
			call(1, { answered_at: null, answered_by: null }),
			call(2, { answered_at: null, answered_by: null, ended_at: null, status: 'ringing' }),
			call(3, { direction: 'outgoing', answered_at: null, answered_by: null }),
			call(4),
		];
		api().get('/calls').query({ limit: 100 }).reply(200, { calls });
		const { items } = await runNode({ parameters: getAll({ returnAll: true, filters: { answered: 'missed' } }) });
		expect(items.map((i) => i.json.call_uuid)).toEqual([uuid(1)]);
	});

	it('an empty list gives no items', async () => {
		api().get('/calls').query({ limit: 50 }).reply(200, { calls: [] });
		const { items, error } = await runNode({ parameters: getAll({}) });
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	describe('bad input is refused before any request', () => {
		it.each([
			[{ startedAfter: 'yesterday' }, `"yesterday" is not a valid date in 'Started After'`],
			[{ endedBefore: '2026-13-45' }, `"2026-13-45" is not a valid date in 'Ended Before'`],
			[{ startedAfter: '2026-11-02T00:00:00Z', startedBefore: '2026-11-01T00:00:00Z' }, `'Started After' is after 'Started Before'`],
			[{ endedAfter: '2026-11-02T00:00:00Z', endedBefore: '2026-11-01T00:00:00Z' }, `'Ended After' is after 'Ended Before'`],
		])('filters %j', async (filters, message) => {
			const { error } = await runNode({ parameters: getAll({ filters }) });
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toBe(message);
			expect(error?.context?.itemIndex).toBe(0);
			expect(net.unmatched()).toEqual([]);
		});
	});

	describe('retries of a read', () => {
		it('503 then 200: retried and succeeds', async () => {
			api().get('/calls').query({ limit: 1 }).reply(503, { error: 'unavailable' });
			api().get('/calls').query({ limit: 1 }).reply(200, { calls: [call(1)] });
			const { items, error } = await runNode({ parameters: getAll({ limit: 1 }) });
			expect(error).toBeUndefined();
			expect(items.map((i) => i.json.call_uuid)).toEqual([uuid(1)]);
		});

		it('429 with Retry-After: 1 waits a second, then retries', async () => {
			const sent: number[] = [];
			api()
				.get('/calls')
				.query({ limit: 1 })
				.reply(() => {
					sent.push(Date.now());
					return [429, { error: 'rate_limited' }, { 'retry-after': '1' }];
				});
			api()
				.get('/calls')
				.query({ limit: 1 })
				.reply(() => {
					sent.push(Date.now());
					return [200, { calls: [call(1)] }];
				});
			const { items, error } = await runNode({ parameters: getAll({ limit: 1 }) });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			expect(sent).toHaveLength(2);
			expect(sent[1] - sent[0]).toBeGreaterThanOrEqual(950);
		});

		it('gives up after 4 attempts with the plain-words error', async () => {
			api().get('/calls').query({ limit: 1 }).times(4).reply(503, { error: 'unavailable' });
			const { error } = await runNode({ parameters: getAll({ limit: 1 }) });
			expect(error?.name).toBe('NodeApiError');
			expect(error?.message).toBe('Relatel had a problem on its side (HTTP 503)');
			expect(error?.description).toBe(
				'Relatel failed to answer GET /calls. n8n tried 4 times. Try again later. Relatel said: "unavailable".',
			);
			expect(error?.httpCode).toBe('503');
			// A fifth request would hit no interceptor.
			expect(net.unmatched()).toEqual([]);
		});
	});
});

import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { defaultCredentials, runNode } from '../../helpers/harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSandbox } = require('../../sandbox/server');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { iccFor } = require('../../sandbox/routes/m2m');

/**
 * M2M orders and subscriptions, smileys and statistics against the local Relatel: what one
 * operation changes, the next one sees.
 */
interface Sandbox {
	origin: string;
	baseUrl: string;
	state: { accessToken: string; db: Record<string, IDataObject[]>; requests: IDataObject[] };
	close(): Promise<void>;
}

let sandbox: Sandbox;
const clock = Date.parse('2026-11-20T10:00:00Z');

beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	sandbox = await startSandbox({ now: () => clock });
});

afterAll(async () => {
	await sandbox?.close();
	// Unhook this file's nock: test files that run next in the same worker bring their own.
	nock.restore();
});

beforeEach(() => {
	sandbox.state.requests.length = 0;
});

async function runRaw(parameters: INodeParameters) {
	return await runNode({ parameters, credentials: defaultCredentials(sandbox.baseUrl, sandbox.state.accessToken) });
}

async function run(parameters: INodeParameters) {
	const result = await runRaw(parameters);
	if (result.error) throw result.error;
	return result.items.map((item) => item.json);
}

async function control(path: string, body: unknown) {
	const response = await fetch(`${sandbox.origin}/__sandbox${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return (await response.json()) as IDataObject;
}

const requestsTo = (method: string, path: string) =>
	sandbox.state.requests.filter((r) => r.method === method && r.path === `/api/v2${path}`);

describe('sandbox: M2M orders and subscriptions keep their state', () => {
	const icc: string = iccFor(4242);
	let orderId: number;
	let subscriptionId: number;
	let number: string;

	it('activate creates a pending order and a subscription', async () => {
		const [order] = await run({
			resource: 'm2mOrder',
			operation: 'activate',
			// Spaced as printed on the card.
			iccId: icc.replace(/(\d{4})/g, '$1 ').trim(),
			productName: 'm2m-large-one',
			description: 'Vandpumpe 7',
		});
		expect(order).toMatchObject({
			type: 'Order::ActivateM2m',
			state: 'pending',
			icc_id: icc,
			product_name: 'm2m-large-one',
			description: 'Vandpumpe 7',
		});
		expect(order.number).toMatch(/^4571\d{6}$/);
		orderId = order.id as number;
		subscriptionId = order.subscription_id as number;
		number = order.number as string;
		expect(requestsTo('POST', '/m2m/orders/activate')).toHaveLength(1);

		const pending = await run({ resource: 'm2mOrder', operation: 'getAll', returnAll: true, filters: { state: 'pending' } });
		expect(pending.map((o) => o.id)).toEqual([orderId]);

		const [subscription] = await run({ resource: 'm2mSubscription', operation: 'get', subscriptionId: String(subscriptionId) });
		expect(subscription).toMatchObject({
			id: subscriptionId,
			order_id: orderId,
			description: 'Vandpumpe 7',
			product_name: 'm2m-large-one',
			state: 'pending',
			icc_id: icc,
		});
	});

	it('the order completes (m2mOrderState event): the subscription becomes active', async () => {
		const before = sandbox.state.db.m2m_orders.find((o) => o.id === orderId)!.updated_at as string;
		const changed = await control('/events/m2mOrderState', { id: orderId, state: 'completed' });
		expect(changed).toMatchObject({ id: orderId, state: 'completed', pending_tasks: false });
		expect(Date.parse(changed.updated_at as string)).toBeGreaterThan(Date.parse(before));

		const orders = await run({ resource: 'm2mOrder', operation: 'getAll', returnAll: true, filters: { type: 'activate' } });
		expect(orders.find((o) => o.id === orderId)).toMatchObject({ state: 'completed', subscription_id: subscriptionId });
		const [subscription] = await run({ resource: 'm2mSubscription', operation: 'get', subscriptionId: String(subscriptionId) });
		expect(subscription).toMatchObject({ state: 'active', activated_on: '2026-11-20' });
	});

	it('update changes description and overuse limit', async () => {
		const [updated] = await run({
			resource: 'm2mSubscription',
			operation: 'update',
			subscriptionId: String(subscriptionId),
			updateFields: { description: 'Vandpumpe 7, "nord"', overuseLimitDkk: 300 },
		});
		expect(updated).toMatchObject({ id: subscriptionId, description: 'Vandpumpe 7, "nord"', overuse_limit_dkk: 300 });
		const [again] = await run({ resource: 'm2mSubscription', operation: 'get', subscriptionId: String(subscriptionId) });
		expect(again).toEqual(updated);
	});

	it('charges include the new subscription, typed, with the CSV file', async () => {
		const result = await runRaw({
			resource: 'm2mSubscription',
			operation: 'getCharges',
			filters: { subscriptionIds: String(subscriptionId) },
			includeCsvFile: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{
				subscription_id: subscriptionId,
				subscription_state: 'active',
				phone_number: number,
				product_name: 'm2m-large-one',
				icc,
				type: 'subscription',
				count: 1,
				dkk_to_vat: 79,
				dkk_no_vat: 0,
				subscription_activated_on: '2026-11-20',
				subscription_cancelled_on: null,
				formatted_phone_number: `${number.slice(2, 4)} ${number.slice(4, 6)} ${number.slice(6, 8)} ${number.slice(8)}`,
				description: 'Vandpumpe 7, "nord"',
			},
		]);
		const [request] = requestsTo('GET', '/m2m/charges');
		expect(decodeURIComponent(request.rawQuery as string)).toBe(`?subscription_ids[]=${subscriptionId}`);
		const file = result.items[0].binary!.data;
		expect(file.mimeType).toBe('text/csv');
		expect(file.fileName).toBe('m2m-charges.csv');
		expect(Buffer.from(file.data, 'base64').toString('utf8')).toContain('"Vandpumpe 7, ""nord"""\r\n');
	});

	it('charges by number, across seeded subscriptions', async () => {
		const rows = await run({
			resource: 'm2mSubscription',
			operation: 'getCharges',
			filters: { numbers: `+45 71 99 12 34, ${number}` },
		});
		expect(rows.map((r) => [r.subscription_id, r.type])).toEqual([
			[4567, 'subscription'],
			[4567, 'data'],
			[4567, 'sms_roam'],
			[subscriptionId, 'subscription'],
		]);
		expect(rows[2]).toMatchObject({ count: 123, dkk_to_vat: 5.34, dkk_no_vat: 0 });
	});

	it('deactivate cancels the subscription; reactivate brings it back', async () => {
		const [off] = await run({ resource: 'm2mOrder', operation: 'deactivate', number: `+${number}`, recycleSim: true });
		expect(off).toMatchObject({ type: 'Order::DeactivateM2m', state: 'completed', number, subscription_id: subscriptionId, icc_id: icc });
		expect((await run({ resource: 'm2mSubscription', operation: 'get', subscriptionId: String(subscriptionId) }))[0]).toMatchObject({
			state: 'cancelled',
			cancelled_on: '2026-11-20',
		});

		const [on] = await run({ resource: 'm2mOrder', operation: 'reactivate', number });
		expect(on).toMatchObject({ type: null, state: null, number, subscription_id: subscriptionId });
		expect((await run({ resource: 'm2mSubscription', operation: 'get', subscriptionId: String(subscriptionId) }))[0]).toMatchObject({
			state: 'active',
			cancelled_on: null,
		});
	});

	it('convert a company subscription creates an M2M subscription', async () => {
		const [order] = await run({ resource: 'm2mOrder', operation: 'convertToM2m', number: '+45 20 00 00 09', mm: 'm2m-small-one' });
		expect(order).toMatchObject({ type: 'Order::CompanyM2mToM2m', state: 'completed', number: '4520000009', product_name: 'm2m-small-one' });
		const [subscription] = await run({ resource: 'm2mSubscription', operation: 'get', subscriptionId: String(order.subscription_id) });
		expect(subscription).toMatchObject({ product_name: 'm2m-small-one', state: 'active' });
	});

	it('a 503 on activate is not resent, and nothing is ordered twice', async () => {
		await control('/faults', { method: 'POST', path: '^/m2m/orders/activate$', status: 503, times: 1, retryAfter: 0 });
		const orders = sandbox.state.db.m2m_orders.length;
		const { error } = await runRaw({ resource: 'm2mOrder', operation: 'activate', iccId: iccFor(4243), productName: 'm2m-small-one' });
		expect(error?.httpCode).toBe('503');
		expect(requestsTo('POST', '/m2m/orders/activate')).toHaveLength(1);
		expect(sandbox.state.db.m2m_orders).toHaveLength(orders);
	});

	it('a wrong ICC never reaches Relatel; one already in use is refused by it', async () => {
		const wrong = await runRaw({ resource: 'm2mOrder', operation: 'activate', iccId: `${icc.slice(0, -1)}${(Number(icc.slice(-1)) + 1) % 10}`, productName: 'm2m-small-one' });
		expect(wrong.error?.message).toContain('is not a valid ICC');
		expect(sandbox.state.requests).toHaveLength(0);

		const used = await runRaw({ resource: 'm2mOrder', operation: 'activate', iccId: icc, productName: 'm2m-small-one' });
		expect(used.error?.message).toBe('Relatel could not accept the data: icc_id is already in use');
	});
});

describe("sandbox: Relatel's own example ICC", () => {
	it("89450123456789012346 (from Relatel's docs, no valid check digit) activates with 'Verify Check Digit' off", async () => {
		const [order] = await run({
			resource: 'm2mOrder',
			operation: 'activate',
			iccId: '89450123456789012346',
			productName: 'm2m-small-one',
			options: { checkDigit: false },
		});
		expect(order).toMatchObject({ type: 'Order::ActivateM2m', icc_id: '89450123456789012346' });
		expect(sandbox.state.db.m2m_subscriptions.some((s: { icc_id?: string }) => s.icc_id === '89450123456789012346')).toBe(true);
	});
});

describe('sandbox: smileys', () => {
	it('Return All pages across more than 100 smileys and returns each exactly once', async () => {
		const all = await run({ resource: 'smiley', operation: 'getAll', returnAll: true });
		const db = sandbox.state.db.smileys;
		expect(db.length).toBeGreaterThan(150);
		// Some smileys share a rated_at, so the inclusive cursor meets equal timestamps.
		expect(new Set(db.map((s) => s.rated_at)).size).toBeLessThan(db.length);
		expect(all).toHaveLength(db.length);
		expect(new Set(all.map((s) => s.id)).size).toBe(db.length);
		// Newest first.
		const times = all.map((s) => Date.parse(s.rated_at as string));
		expect(times).toEqual([...times].sort((a, b) => b - a));
		const pages = requestsTo('GET', '/smileys');
		expect(pages.length).toBeGreaterThan(1);
		expect(pages[1].query).toMatchObject({ limit: '100', rated_at_lt_or_eq: all[99].rated_at });
	});

	it('filters: negative smileys with a comment for reception 22 in a period', async () => {
		const db = sandbox.state.db.smileys;
		const after = new Date(clock - 20 * 24 * 3600 * 1000).toISOString();
		const expected = db
			.filter((s) => s.rating === 0 && s.comment && s.endpoint === 'Reception#22' && Date.parse(s.rated_at as string) >= Date.parse(after))
			.map((s) => s.id);
		expect(expected.length).toBeGreaterThan(0);
		const found = await run({
			resource: 'smiley',
			operation: 'getAll',
			returnAll: true,
			filters: {
				rating: 'negative',
				commented: true,
				endpoint: { __rl: true, mode: 'id', value: 'Reception#22' },
				ratedAfter: after,
			},
		});
		expect(found.map((s) => s.id).sort()).toEqual(expected.sort());
		expect(found.every((s) => s.kind === 'negative' && s.comment)).toBe(true);
	});

	it('a new smiley (event) shows up first', async () => {
		const created = await control('/events/smiley', { rating: 0, comment: 'Ingen svarede' });
		const [newest] = await run({ resource: 'smiley', operation: 'getAll', limit: 1 });
		expect(newest).toMatchObject({ id: created.id, rating: 0, kind: 'negative', comment: 'Ingen svarede', rated_at: '2026-11-20T10:00:00Z' });
	});

	it('statistics: one item per reception, counts match the smileys', async () => {
		const from = new Date(clock - 31 * 24 * 3600 * 1000).toISOString();
		const to = new Date(clock).toISOString();
		const receptions = await run({ resource: 'smiley', operation: 'getStatistics', fromTime: from, toTime: to });
		expect(receptions.map((r) => r.endpoint)).toEqual(['Reception#21', 'Reception#22', 'Reception#23']);
		const db = sandbox.state.db.smileys;
		for (const r of receptions) {
			const mine = db.filter((s) => s.endpoint === r.endpoint);
			expect(r.smileys_count).toBe(mine.length);
			expect(r.positive_smileys_count).toBe(mine.filter((s) => s.rating === 1).length);
		}
	});
});

describe('sandbox: statistics', () => {
	it('rows per day for the receptions, computed from the calls', async () => {
		const rows = await run({
			resource: 'statistics',
			operation: 'get',
			endpointType: 'Reception',
			groupBy: 'period_day',
			start: new Date(clock - 11 * 24 * 3600 * 1000).toISOString(),
			end: new Date(clock).toISOString(),
			endpoints: { endpoint: [{ endpoint: { __rl: true, mode: 'list', value: 'Reception#21' } }] },
		});
		expect(rows.length).toBeGreaterThan(5);
		expect(rows.every((r) => r.endpoint === 'Reception#21' && r.period_day === r.key)).toBe(true);
		const [request] = requestsTo('GET', '/statistics');
		expect(request.query).toMatchObject({ endpoint_type: 'Reception', group_by: 'period_day', endpoint: 'Reception#21' });
	});

	it('rows per employee', async () => {
		const rows = await run({
			resource: 'statistics',
			operation: 'get',
			endpointType: 'Employee',
			groupBy: 'employee_id',
			start: new Date(clock - 11 * 24 * 3600 * 1000).toISOString(),
			end: new Date(clock).toISOString(),
		});
		expect(rows.map((r) => r.key)).toEqual(['1', '2', '3', '4']);
		expect(rows.map((r) => r.endpoint)).toEqual(['Employee#1', 'Employee#2', 'Employee#3', 'Employee#4']);
	});
});

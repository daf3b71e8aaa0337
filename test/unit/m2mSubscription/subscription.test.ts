import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';

const net = useNock();

const op = (operation: string, extra: Record<string, unknown>) => ({ resource: 'm2mSubscription', operation, ...extra });

const subscription = {
	id: 4567,
	description: 'Gylletank 34',
	order_id: 1234,
	product_name: 'm2m-small-one',
	state: 'active',
	icc_id: '89450123456789012348',
	ordered_on: '2024-01-10',
	activated_on: '2024-01-10',
	cancelled_on: null,
	contract_expired_on: '2024-01-10',
	overuse_limit_dkk: 1500,
};

describe('M2M Subscription → Get', () => {
	it('gets the subscription by ID and outputs it as one item', async () => {
		api().get('/m2m/subscriptions/4567').reply(200, subscription);
		const { items, error } = await runNode({ parameters: op('get', { subscriptionId: ' 4567 ' }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: subscription, pairedItem: { item: 0 } }]);
	});

	it('also when Relatel wraps it in "subscription"', async () => {
		api().get('/m2m/subscriptions/4567').reply(200, { subscription });
		const { items } = await runNode({ parameters: op('get', { subscriptionId: 4567 }) });
		expect(items[0].json).toEqual(subscription);
	});

	it('refuses an ID that is not a number before any request', async () => {
		const { error } = await runNode({ parameters: op('get', { subscriptionId: '4567/../1' }) });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(`"4567/../1" is not a valid ID in 'Subscription ID'`);
		expect(net.unmatched()).toEqual([]);
	});

	it('a 404 says the path is inferred', async () => {
		api().get('/m2m/subscriptions/1').reply(404, { error: 'not_found' });
		const { error } = await runNode({ parameters: op('get', { subscriptionId: '1' }) });
		expect(error?.message).toBe('Not found in Relatel: check the ID');
		expect(error?.description).toContain('GET /m2m/subscriptions/{id}');
	});
});

describe('M2M Subscription → Update', () => {
	it('puts description and overuse limit', async () => {
		const updated = { ...subscription, description: "John's autocamper", overuse_limit_dkk: 100 };
		api()
			.put('/m2m/subscriptions/4567', { subscription: { description: "John's autocamper", overuse_limit_dkk: 100 } })
			.reply(200, updated);
		const { items, error } = await runNode({
			parameters: op('update', {
				subscriptionId: '4567',
				updateFields: { description: " John's autocamper ", overuseLimitDkk: 100 },
			}),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: updated, pairedItem: { item: 0 } }]);
	});

	it('an overuse limit of 0 alone, and from a text expression', async () => {
		api().put('/m2m/subscriptions/4567', { subscription: { overuse_limit_dkk: 0 } }).reply(200, { ...subscription, overuse_limit_dkk: 0 });
		api().put('/m2m/subscriptions/4567', { subscription: { overuse_limit_dkk: 250.5 } }).reply(200, { ...subscription, overuse_limit_dkk: 250.5 });
		let run = await runNode({ parameters: op('update', { subscriptionId: '4567', updateFields: { overuseLimitDkk: 0 } }) });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json.overuse_limit_dkk).toBe(0);
		run = await runNode({ parameters: op('update', { subscriptionId: '4567', updateFields: { overuseLimitDkk: '={{ "250,5" }}' } }) });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json.overuse_limit_dkk).toBe(250.5);
	});

	describe('bad input is refused before any request', () => {
		it.each([
			[{}, 'Nothing to update'],
			[{ description: '   ' }, 'Nothing to update'],
			[{ overuseLimitDkk: -1 }, `"-1" is not a valid amount in 'Overuse Limit (DKK)'`],
			[{ overuseLimitDkk: '={{ "lots" }}' }, `"lots" is not a valid amount in 'Overuse Limit (DKK)'`],
		])('%j', async (updateFields, message) => {
			const { error } = await runNode({ parameters: op('update', { subscriptionId: '4567', updateFields }) });
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toBe(message);
			expect(error?.description).toContain('Nothing was sent to Relatel.');
			expect(net.unmatched()).toEqual([]);
		});

		it('bad ID', async () => {
			const { error } = await runNode({ parameters: op('update', { subscriptionId: 'abc', updateFields: { description: 'x' } }) });
			expect(error?.message).toBe(`"abc" is not a valid ID in 'Subscription ID'`);
			expect(net.unmatched()).toEqual([]);
		});
	});

	it('a PUT that got 503 is not resent', async () => {
		api().put('/m2m/subscriptions/4567').once().reply(503, {});
		const { error } = await runNode({ parameters: op('update', { subscriptionId: '4567', updateFields: { description: 'x' } }) });
		expect(error?.httpCode).toBe('503');
		expect(net.unmatched()).toEqual([]);
	});
});

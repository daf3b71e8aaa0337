import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';

const net = useNock();

const op = (operation: string, extra: Record<string, unknown>) => ({ resource: 'm2mOrder', operation, ...extra });

describe('M2M Order → Deactivate', () => {
	it('posts the normalised number and the recycle flag; outputs the order flat', async () => {
		api()
			.post('/m2m/orders/deactivate', { order: { number: '4571991234', recycle_sim: true } })
			.reply(200, {
				order: {
					id: 1234,
					type: 'Order::DeactivateM2m',
					state: 'completed',
					icc_id: '89450123456789012348',
					number: '4571991234',
					subscription_id: 2345,
				},
			});
		const { items, error } = await runNode({ parameters: op('deactivate', { number: '+45 71 99 12 34', recycleSim: true }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					id: 1234,
					type: 'Order::DeactivateM2m',
					state: 'completed',
					number: '4571991234',
					icc_id: '89450123456789012348',
					subscription_id: 2345,
					recycle_sim: true,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('recycle_sim is sent as false by default', async () => {
		api()
			.post('/m2m/orders/deactivate', { order: { number: '4571991234', recycle_sim: false } })
			.reply(200, { order: { id: 1, type: 'Order::DeactivateM2m', state: 'pending' } });
		const { items, error } = await runNode({ parameters: op('deactivate', { number: '004571991234' }) });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			id: 1,
			type: 'Order::DeactivateM2m',
			state: 'pending',
			number: '4571991234',
			icc_id: null,
			subscription_id: null,
			recycle_sim: false,
		});
	});

	it.each([
		[{ number: '71991234' }, `"71991234" is not a valid phone number in 'Phone Number'`],
		[{ number: '={{ "" }}' }, `'Phone Number' is empty`],
		[{ number: '4571991234', recycleSim: '={{ "yes" }}' }, `'Recycle SIM' must be true or false`],
	])('refuses %j before any request', async (extra, message) => {
		const { error } = await runNode({ parameters: op('deactivate', extra) });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(message);
		expect(net.unmatched()).toEqual([]);
	});

	it('a 502 on deactivate is not resent', async () => {
		api().post('/m2m/orders/deactivate').once().reply(502, {});
		const { error } = await runNode({ parameters: op('deactivate', { number: '4571991234' }) });
		expect(error?.httpCode).toBe('502');
		expect(net.unmatched()).toEqual([]);
	});
});

describe('M2M Order → Reactivate', () => {
	it('posts number and recycle flag; the seed answer has no type or state', async () => {
		api()
			.post('/m2m/orders/reactivate', { order: { number: '4571991234', recycle_sim: false } })
			.reply(200, { order: { id: 1240, icc_id: '89450123456789012348', number: '4571991234', subscription_id: 2345 } });
		const { items, error } = await runNode({ parameters: op('reactivate', { number: '+45 71 99 12 34', recycleSim: false }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					id: 1240,
					type: null,
					state: null,
					number: '4571991234',
					icc_id: '89450123456789012348',
					subscription_id: 2345,
					recycle_sim: false,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('refuses a bad number before any request', async () => {
		const { error } = await runNode({ parameters: op('reactivate', { number: 'tractor' }) });
		expect(error?.message).toBe(`"tractor" is not a valid phone number in 'Phone Number'`);
		expect(net.unmatched()).toEqual([]);
	});
});

describe('M2M Order → Convert Company Subscription to M2M', () => {
	it('posts number and product as mm', async () => {
		api()
			.post('/m2m/orders/company_m2m_to_m2m', { order: { number: '4571991234', mm: 'm2m-large-one' } })
			.reply(200, {
				order: { id: 1250, type: 'Order::CompanyM2mToM2m', state: 'completed', number: '4571991234', subscription_id: 2345 },
			});
		const { items, error } = await runNode({ parameters: op('convertToM2m', { number: '4571991234', mm: 'm2m-large-one' }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					id: 1250,
					type: 'Order::CompanyM2mToM2m',
					state: 'completed',
					number: '4571991234',
					icc_id: null,
					subscription_id: 2345,
					product_name: 'm2m-large-one',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('a typed product', async () => {
		api()
			.post('/m2m/orders/company_m2m_to_m2m', { order: { number: '4571991234', mm: 'm2m-small-two' } })
			.reply(200, { order: { id: 1251, type: 'Order::CompanyM2mToM2m', state: 'pending', number: '4571991234', subscription_id: 2 } });
		const { items, error } = await runNode({
			parameters: op('convertToM2m', { number: '4571991234', mm: 'custom', mmCustom: 'm2m-small-two' }),
		});
		expect(error).toBeUndefined();
		expect(items[0].json.product_name).toBe('m2m-small-two');
	});

	it.each([
		[{ number: '4571', mm: 'm2m-large-one' }, `"4571" is not a valid phone number in 'Phone Number'`],
		[{ number: '4571991234', mm: 'custom', mmCustom: 'large one' }, `"large one" is not a valid product name in 'M2M Product'`],
	])('refuses %j before any request', async (extra, message) => {
		const { error } = await runNode({ parameters: op('convertToM2m', extra) });
		expect(error?.message).toBe(message);
		expect(net.unmatched()).toEqual([]);
	});
});

describe('M2M Order → Get Many', () => {
	const orders = [
		{ id: 1, type: 'Order::ActivateM2M', state: 'completed', pending_tasks: false },
		{ id: 2, type: 'Order::DeactivateM2M', state: 'completed', pending_tasks: false },
		{ id: 3, type: 'Order::ActivateM2m', state: 'pending', pending_tasks: true, number: '4571991234', icc_id: '89450123456789012348', subscription_id: 9 },
		{ id: 4, type: 'Order::CompanyM2mToM2m', state: 'completed', pending_tasks: false },
	];
	const flat = (order: Record<string, unknown>) => ({
		id: order.id,
		type: order.type,
		state: order.state,
		number: order.number ?? null,
		icc_id: order.icc_id ?? null,
		subscription_id: order.subscription_id ?? null,
		pending_tasks: order.pending_tasks,
	});

	it('Return All: every order, flat', async () => {
		api().get('/m2m/orders').reply(200, { orders });
		const { items, error } = await runNode({ parameters: op('getAll', { returnAll: true }) });
		expect(error).toBeUndefined();
		expect(items).toEqual(orders.map((o) => ({ json: flat(o), pairedItem: { item: 0 } })));
	});

	it('Limit applies after the filters; type matches whatever the case', async () => {
		api().get('/m2m/orders').reply(200, { orders });
		const { items, error } = await runNode({ parameters: op('getAll', { limit: 2, filters: { type: 'activate' } }) });
		expect(error).toBeUndefined();
		// ActivateM2M and ActivateM2m are the same type; the deactivation (id 2) is left out.
		expect(items.map((i) => i.json.id)).toEqual([1, 3]);
	});

	it('filters by state and by a Relatel type name from an expression', async () => {
		api().get('/m2m/orders').twice().reply(200, { orders });
		let run = await runNode({ parameters: op('getAll', { returnAll: true, filters: { state: 'Pending' } }) });
		expect(run.items.map((i) => i.json)).toEqual([flat(orders[2])]);
		run = await runNode({ parameters: op('getAll', { returnAll: true, filters: { type: '={{ "Order::CompanyM2mToM2m" }}' } }) });
		expect(run.items.map((i) => i.json.id)).toEqual([4]);
	});

	it('refuses an unknown type before any request', async () => {
		const { error } = await runNode({ parameters: op('getAll', { filters: { type: '={{ "cancel" }}' } }) });
		expect(error?.message).toBe(`"cancel" is not an order type in 'Type'`);
		expect(net.unmatched()).toEqual([]);
	});

	it('a 503 on a read is retried', async () => {
		api().get('/m2m/orders').reply(503, {}, { 'retry-after': '0' });
		api().get('/m2m/orders').reply(200, { orders: orders.slice(0, 1) });
		const { items, error } = await runNode({ parameters: op('getAll', {}) });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual([1]);
	});
});

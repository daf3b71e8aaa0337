import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';
import { iccProblem, luhnCheckDigit } from '../../../nodes/Relatel/actions/m2mOrder/common';

const net = useNock();

const activate = (extra: Record<string, unknown>) => ({
	resource: 'm2mOrder',
	operation: 'activate',
	iccId: '8945 0123 4567 8901 2348',
	productName: 'm2m-small-one',
	description: 'Gylletank 34',
	...extra,
});

const ICC = '89450123456789012348';

describe('M2M Order → Activate SIM', () => {
	it('posts the order with the ICC without spaces, and outputs the order flat', async () => {
		api()
			.post('/m2m/orders/activate', { order: { product_name: 'm2m-small-one', icc_id: ICC, description: 'Gylletank 34' } })
			.reply(200, {
				order: {
					id: 1234,
					type: 'Order::ActivateM2m',
					state: 'pending',
					icc_id: ICC,
					number: '4571991234',
					subscription_id: 2345,
				},
			});

		const { items, error } = await runNode({ parameters: activate({}) });

		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					id: 1234,
					type: 'Order::ActivateM2m',
					state: 'pending',
					number: '4571991234',
					icc_id: ICC,
					subscription_id: 2345,
					product_name: 'm2m-small-one',
					description: 'Gylletank 34',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('a typed product name and no description; missing answer fields are null', async () => {
		api()
			.post('/m2m/orders/activate', { order: { product_name: 'm2m-medium-two', icc_id: '8945012345678901235' } })
			.reply(200, { order: { id: 77, type: 'Order::ActivateM2m', state: 'pending' } });

		const { items, error } = await runNode({
			parameters: activate({
				iccId: '8945012345678901235',
				productName: 'custom',
				productNameCustom: ' M2M-Medium-Two ',
				description: '',
			}),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			id: 77,
			type: 'Order::ActivateM2m',
			state: 'pending',
			number: null,
			icc_id: '8945012345678901235',
			subscription_id: null,
			product_name: 'm2m-medium-two',
			description: null,
		});
	});

	it('a product from an expression', async () => {
		api()
			.post('/m2m/orders/activate', { order: { product_name: 'm2m-large-one', icc_id: ICC } })
			.reply(200, { order: { id: 78, type: 'Order::ActivateM2m', state: 'pending', icc_id: ICC, number: '4571991235', subscription_id: 2346 } });
		const { items, error } = await runNode({
			items: [{ product: 'm2m-large-one' }],
			parameters: activate({ productName: '={{ $json.product }}', description: '' }),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: 78, subscription_id: 2346 });
	});

	it('a 503 on activate is not resent (an order must never happen twice)', async () => {
		api().post('/m2m/orders/activate').once().reply(503, { error: 'unavailable' }, { 'retry-after': '0' });
		const { error } = await runNode({ parameters: activate({}) });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('503');
		expect(error?.description).toContain('n8n did not resend it');
		// A second POST would find no interceptor and show up here.
		expect(net.unmatched()).toEqual([]);
	});

	it('Relatel refusing the ICC: its words are shown', async () => {
		api().post('/m2m/orders/activate').reply(422, { errors: { icc_id: ['is already in use'] } });
		const { error } = await runNode({ parameters: activate({}) });
		expect(error?.message).toBe('Relatel could not accept the data: icc_id is already in use');
	});

	it("with 'Verify Check Digit' off, the ICC of Relatel's own example (no valid check digit) is ordered", async () => {
		api()
			.post('/m2m/orders/activate', { order: { product_name: 'm2m-small-one', icc_id: '89450123456789012346', description: 'Gylletank 34' } })
			.reply(200, { order: { id: 1235, type: 'Order::ActivateM2m', state: 'pending' } });

		const { items, error } = await runNode({
			parameters: activate({ iccId: '8945 0123 4567 8901 2346', options: { checkDigit: false } }),
		});

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: 1235, icc_id: '89450123456789012346' });
	});

	it("with 'Verify Check Digit' off, length, digits and the 89 prefix are still checked", async () => {
		const { error } = await runNode({ parameters: activate({ iccId: '99450123456789012346', options: { checkDigit: false } }) });
		expect(error?.message).toContain('starts with 89');
		expect(net.unmatched()).toEqual([]);
	});

	describe('bad input is refused before any request', () => {
		it.each([
			['={{ "" }}', `'SIM Card ICC' is empty`],
			['8945-0123-4567-8901-2348', `"8945-0123-4567-8901-2348" is not a valid ICC in 'SIM Card ICC': an ICC has only digits, and this has "-" in it`],
			['8945 0123 4567 8901', `"8945 0123 4567 8901" is not a valid ICC in 'SIM Card ICC': an ICC has 19 or 20 digits, and this has 16`],
			['894501234567890123456', `"894501234567890123456" is not a valid ICC in 'SIM Card ICC': an ICC has 19 or 20 digits, and this has 21`],
			['99450123456789012348', `"99450123456789012348" is not a valid ICC in 'SIM Card ICC': every SIM card's ICC starts with 89, and this starts with 99`],
			// The example in Relatel's docs: its last digit is not the check digit (see below).
			['89450123456789012346', `"89450123456789012346" is not a valid ICC in 'SIM Card ICC': the last digit is a check digit and should be 8 for these digits, not 6: a digit is probably mistyped`],
			['89450123456789012384', `"89450123456789012384" is not a valid ICC in 'SIM Card ICC': the last digit is a check digit and should be 9 for these digits, not 4: a digit is probably mistyped`],
			['={{ 89450123456789012348 }}', `'SIM Card ICC' must be text, not a number`],
		])('ICC %j', async (iccId, message) => {
			const { error } = await runNode({ parameters: activate({ iccId }) });
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toBe(message);
			expect(error?.description).toContain('Nothing was sent to Relatel.');
			expect(error?.context?.itemIndex).toBe(0);
			expect(net.unmatched()).toEqual([]);
		});

		it("a wrong check digit names the option that skips the check", async () => {
			const { error } = await runNode({ parameters: activate({ iccId: '89450123456789012346' }) });
			expect(error?.description).toContain("turn off 'Verify Check Digit' under Options");
			expect(net.unmatched()).toEqual([]);
		});

		it.each([
			[{ productName: 'custom', productNameCustom: '' }, `'Product' is empty`],
			[{ productName: '={{ "m2m small; drop" }}' }, `"m2m small; drop" is not a valid product name in 'Product'`],
		])('product %j', async (extra, message) => {
			const { error } = await runNode({ parameters: activate(extra) });
			expect(error?.message).toBe(message);
			expect(net.unmatched()).toEqual([]);
		});

		it('names the failing item, and the items before it were ordered', async () => {
			api().post('/m2m/orders/activate').reply(200, { order: { id: 1, type: 'Order::ActivateM2m', state: 'pending' } });
			const { error } = await runNode({
				items: [{ icc: ICC }, { icc: '8945012345678901234' }],
				parameters: activate({ iccId: '={{ $json.icc }}' }),
			});
			expect(error?.message).toContain(`"8945012345678901234" is not a valid ICC`);
			expect(error?.context?.itemIndex).toBe(1);
		});
	});
});

it("offers the products named in Relatel's docs, and a typed one", async () => {
	const { Relatel } = await import('../../../nodes/Relatel/Relatel.node');
	const field = new Relatel().description.properties.find(
		(p) => p.name === 'productName' && p.displayOptions?.show?.operation?.includes('activate'),
	);
	expect(field?.options?.map((o) => ('value' in o ? o.value : undefined))).toEqual(['m2m-large', 'm2m-large-one', 'm2m-small-one', 'custom']);
});

describe('ICC check digit (Luhn)', () => {
	it.each([
		['8945012345678901234', 8],
		['894501234567890123', 5],
		// The textbook example of the Luhn algorithm.
		['7992739871', 3],
	])('%s → %i', (payload, digit) => {
		expect(luhnCheckDigit(payload)).toBe(digit);
	});

	it.each(['89450123456789012348', '8945012345678901235', '89451000000000000009'])('%s is a valid ICC', (icc) => {
		expect(iccProblem(icc)).toBeUndefined();
	});
});

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';

const net = useNock();

const charges = (extra: Record<string, unknown>) => ({ resource: 'm2mSubscription', operation: 'getCharges', ...extra });

const HEADER =
	'subscription_id,subscription_state,phone_number,product_name,icc,type,count,dkk_to_vat,dkk_no_vat,subscription_activated_on,subscription_cancelled_on,formatted_phone_number,description';
const CSV =
	`${HEADER}\r\n` +
	'1234,"active","4571991234","m2m-large","89450123456789012348","sms_roam","123","5.34","0.0","2024-01-05","2024-02-01","71 99 12 34","Tractor 12"\r\n' +
	'1235,"active","4571991235","m2m-small-one","89450123456789012355","data","2048","12.5","10","2024-01-06","","71 99 12 35","Gylletank 34, ""Nord""\r\nbag laden"\r\n';

const ROWS = [
	{
		subscription_id: 1234,
		subscription_state: 'active',
		phone_number: '4571991234',
		product_name: 'm2m-large',
		icc: '89450123456789012348',
		type: 'sms_roam',
		count: 123,
		dkk_to_vat: 5.34,
		dkk_no_vat: 0,
		subscription_activated_on: '2024-01-05',
		subscription_cancelled_on: '2024-02-01',
		formatted_phone_number: '71 99 12 34',
		description: 'Tractor 12',
	},
	{
		subscription_id: 1235,
		subscription_state: 'active',
		phone_number: '4571991235',
		product_name: 'm2m-small-one',
		icc: '89450123456789012355',
		type: 'data',
		count: 2048,
		dkk_to_vat: 12.5,
		dkk_no_vat: 10,
		subscription_activated_on: '2024-01-06',
		subscription_cancelled_on: null,
		formatted_phone_number: '71 99 12 35',
		description: 'Gylletank 34, "Nord"\r\nbag laden',
	},
];

describe('M2M Subscription → Get Charges', () => {
	it('asks with numbers[] and subscription_ids[], and outputs one typed item per CSV row', async () => {
		api()
			.get('/m2m/charges')
			.query((query) => {
				expect(query).toEqual({ 'numbers[]': ['4571991234', '4571991235'], 'subscription_ids[]': ['1234', '1235'] });
				return true;
			})
			.reply(200, CSV, { 'content-type': 'text/csv; charset=utf-8' });

		const { items, error } = await runNode({
			parameters: charges({
				filters: { numbers: '+45 71 99 12 34, 0045 71991235', subscriptionIds: '1234, 1235, 1234' },
			}),
		});

		expect(error).toBeUndefined();
		expect(items).toEqual(ROWS.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('sends the raw query the way Relatel wants arrays', async () => {
		let path = '';
		api()
			.get(/^\/api\/v2\/m2m\/charges/)
			.reply(200, function (uri) {
				path = uri;
				return `${HEADER}\r\n`;
			});
		const { items, error } = await runNode({ parameters: charges({ filters: { numbers: '={{ ["4571991234", "4571991235"] }}' } }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(decodeURIComponent(path)).toBe('/api/v2/m2m/charges?numbers[]=4571991234&numbers[]=4571991235');
	});

	it('Include CSV File: the raw CSV is attached to the first item', async () => {
		api().get('/m2m/charges').reply(200, CSV, { 'content-type': 'text/csv' });
		const { items, error } = await runNode({ parameters: charges({ includeCsvFile: true }) });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual(ROWS);
		const file = items[0].binary?.data;
		expect(file?.mimeType).toBe('text/csv');
		expect(file?.fileName).toBe('m2m-charges.csv');
		expect(file?.fileExtension).toBe('csv');
		expect(Buffer.from(file?.data ?? '', 'base64').toString('utf8')).toBe(CSV);
		expect(items[1].binary).toBeUndefined();
	});

	it('Include CSV File with no rows: one summary item carries the file, in the chosen field', async () => {
		api()
			.get('/m2m/charges')
			.query({ 'subscription_ids[]': '99' })
			.reply(200, `${HEADER}\r\n`);
		const { items, error } = await runNode({
			parameters: charges({ filters: { subscriptionIds: '99' }, includeCsvFile: true, binaryPropertyName: 'charges' }),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({ row_count: 0, numbers: [], subscription_ids: ['99'] });
		expect(items[0].binary?.charges?.fileName).toBe('m2m-charges.csv');
		expect(Buffer.from(items[0].binary?.charges?.data ?? '', 'base64').toString('utf8')).toBe(`${HEADER}\r\n`);
	});

	it('an empty answer without the file: no items', async () => {
		api().get('/m2m/charges').reply(200, '');
		const { items, error } = await runNode({ parameters: charges({}) });
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	it('a file that is not CSV fails the item in plain words', async () => {
		api().get('/m2m/charges').reply(200, 'a,b\r\n"unclosed,1\r\n');
		const { error } = await runNode({ parameters: charges({}) });
		expect(error?.message).toBe("Relatel's charges file could not be read");
		expect(error?.description).toContain('a quoted field is not closed');
	});

	describe('bad input is refused before any request', () => {
		it.each([
			[{ numbers: '4571991234, 1234' }, `"1234" is not a valid phone number in 'Phone Numbers'`],
			[{ subscriptionIds: '12, x1' }, `"x1" is not a valid ID in 'Subscription IDs'`],
		])('%j', async (filters, message) => {
			const { error } = await runNode({ parameters: charges({ filters }) });
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toBe(message);
			expect(net.unmatched()).toEqual([]);
		});
	});
});

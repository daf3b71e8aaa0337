import { api, useNock } from '../../helpers/api';
import { runNode, TOKEN } from '../../helpers/harness';

const net = useNock();

const send = (extra: Record<string, unknown>) => ({ resource: 'message', operation: 'send', ...extra });

describe('SMS → Send', () => {
	it('posts the normalized numbers and body, and reports the cost', async () => {
		api()
			.post('/messages', { message: { body: 'Hej fra n8n' }, to_numbers: ['4571999999', '4520000000'] })
			.reply(200, { sent: 2, failed_numbers: [] });

		const { items, error } = await runNode({
			parameters: send({ toNumbers: '+45 71 99 99 99, 0045-2000-0000', body: 'Hej fra n8n' }),
		});

		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					sent: 2,
					failed_numbers: [],
					to_numbers: ['4571999999', '4520000000'],
					encoding: 'GSM-7',
					characters: 11,
					segments: 1,
					units: 2,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('sends as a reception with hidden number, and counts UCS-2 segments', async () => {
		const body = 'Tak for dit opkald 😊 '.repeat(4);
		api()
			.post('/messages', {
				message: { body, endpoint: 'Reception#21', from_number_hidden: true },
				to_numbers: ['4571999999'],
			})
			.reply(200, { sent: 1, failed_numbers: [] });

		const { items, error } = await runNode({
			parameters: send({
				toNumbers: '4571999999',
				body,
				options: { sendAsReception: { __rl: true, mode: 'list', value: '21' }, fromNumberHidden: true },
			}),
		});

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ encoding: 'UCS-2', segments: 2, units: 2 });
	});

	it('keeps failed numbers in the output', async () => {
		const failed = [{ id: 9, to_number: '4599912345' }];
		api().post('/messages').reply(200, { sent: 1, failed_numbers: failed });
		const { items } = await runNode({ parameters: send({ toNumbers: '4571999999, 4599912345', body: 'Hej' }) });
		expect(items[0].json).toMatchObject({ sent: 1, failed_numbers: failed, units: 1 });
	});

	it('one item per input item, each paired, numbers from an expression array', async () => {
		api().post('/messages', { message: { body: 'Hi A' }, to_numbers: ['4571000001'] }).reply(200, { sent: 1, failed_numbers: [] });
		api().post('/messages', { message: { body: 'Hi B' }, to_numbers: ['4571000002', '4571000003'] }).reply(200, { sent: 2, failed_numbers: [] });
		const { items, error } = await runNode({
			items: [
				{ name: 'A', numbers: ['+4571000001'] },
				{ name: 'B', numbers: ['4571000002', '45 71 00 00 03'] },
			],
			parameters: send({ toNumbers: '={{ $json.numbers }}', body: '=Hi {{ $json.name }}' }),
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.sent, i.pairedItem])).toEqual([
			[1, { item: 0 }],
			[2, { item: 1 }],
		]);
	});

	describe('bad input is refused before any request', () => {
		it.each([
			['+45 71 99', 'Hej', `"+45 71 99" is not a valid phone number in 'To'`],
			['71999999', 'Hej', `"71999999" is not a valid phone number in 'To'`],
			['4571999999, abc', 'Hej', `"abc" is not a valid phone number in 'To'`],
			['={{ "" }}', 'Hej', `'To' is empty`],
			['4571999999', '   ', `'Message' is empty`],
			['4571999999', 'x'.repeat(1531), `'Message' is too long for one SMS (11 segments)`],
		])('to=%j body=%j', async (toNumbers, body, message) => {
			const { error } = await runNode({ parameters: send({ toNumbers, body }) });
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toBe(message);
			expect(error?.context?.itemIndex).toBe(0);
			expect(net.unmatched()).toEqual([]);
		});

		it('hidden number without a reception', async () => {
			const { error } = await runNode({
				parameters: send({ toNumbers: '4571999999', body: 'Hej', options: { fromNumberHidden: true } }),
			});
			expect(error?.message).toBe("'Hide Number' needs 'Send as Reception'");
		});

		it('names the failing item', async () => {
			api().post('/messages').reply(200, { sent: 1, failed_numbers: [] });
			const { error } = await runNode({
				items: [{ to: '4571999999' }, { to: 'nope' }],
				parameters: send({ toNumbers: '={{ $json.to }}', body: 'Hej' }),
			});
			expect(error?.message).toBe(`"nope" is not a valid phone number in 'To'`);
			expect(error?.context?.itemIndex).toBe(1);
		});
	});

	describe('errors from Relatel', () => {
		it.each([
			[400, { error: 'rate_limit_reached' }, "Relatel's SMS rate limit was reached"],
			[400, { error: 'overuse_full' }, "The company's SMS overuse limit is full"],
			[400, { error: 'The short brand name is not approved' }, 'Relatel rejected the request: The short brand name is not approved'],
			[401, { error: 'invalid_token' }, 'The Relatel token was revoked or is invalid'],
			[403, { error: 'forbidden' }, "Your Relatel account can't do this: a product, feature or permission is missing"],
			[422, { errors: { body: ["can't be blank"] } }, "Relatel could not accept the data: body can't be blank"],
			[429, { error: 'slow down' }, 'Relatel rate limited the request'],
			[500, { error: 'boom' }, 'Relatel had a problem on its side (HTTP 500)'],
		])('HTTP %i → %j', async (status, body, message) => {
			api().post('/messages').once().reply(status, body);
			const { error } = await runNode({ parameters: send({ toNumbers: '4571999999', body: 'Hej' }) });
			expect(error?.name).toBe('NodeApiError');
			expect(error?.message).toBe(message);
			expect(error?.context?.itemIndex).toBe(0);
			expect(JSON.stringify(error)).not.toContain(TOKEN);
		});

		it.each([429, 502, 503, 504])('a POST that got %i is never sent again', async (status) => {
			api().post('/messages').once().reply(status, {}, { 'retry-after': '0' });
			const { error } = await runNode({ parameters: send({ toNumbers: '4571999999', body: 'Hej' }) });
			expect(error?.httpCode).toBe(String(status));
			// A second POST would hit no interceptor and show up here.
			expect(net.unmatched()).toEqual([]);
		});

		it('continueOnFail: the failing item becomes an error item, the others go on', async () => {
			api().post('/messages', { message: { body: 'Hej' }, to_numbers: ['4571999999'] }).reply(401, {});
			api().post('/messages', { message: { body: 'Hej' }, to_numbers: ['4571999998'] }).reply(200, { sent: 1, failed_numbers: [] });
			const { items, error } = await runNode({
				continueOnFail: true,
				items: [{ to: '4571999999' }, { to: 'bad' }, { to: '4571999998' }],
				parameters: send({ toNumbers: '={{ $json.to }}', body: 'Hej' }),
			});
			expect(error).toBeUndefined();
			expect(items.map((i) => [i.json.error ?? i.json.sent, i.pairedItem])).toEqual([
				['The Relatel token was revoked or is invalid', { item: 0 }],
				[`"bad" is not a valid phone number in 'To'`, { item: 1 }],
				[1, { item: 2 }],
			]);
		});
	});

	it('works with the OAuth2 credential', async () => {
		api().post('/messages').reply(200, { sent: 1, failed_numbers: [] });
		const { items, error } = await runNode({
			parameters: send({ authentication: 'oAuth2', toNumbers: '4571999999', body: 'Hej' }),
		});
		expect(error).toBeUndefined();
		expect(items[0].json.sent).toBe(1);
	});
});

it('an empty required field is refused by n8n before the node runs', async () => {
	const { error } = await runNode({ parameters: send({ toNumbers: '', body: 'Hej' }) });
	expect(error?.message).toContain('Parameter "To" is required');
	expect(net.unmatched()).toEqual([]);
});

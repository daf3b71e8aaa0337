import nock from 'nock';

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';

const net = useNock();
// useNock() leaves nock's HTTP interceptors on; a later test file in this worker would then
// miss its mocks. Restore them when this file is done.
afterAll(() => nock.restore());

const dial = (extra: Record<string, unknown>) => ({ resource: 'call', operation: 'dial', ...extra });

describe('Call → Dial', () => {
	it('posts the normalized number, rings any device by default', async () => {
		api()
			.post('/switch/dial', { to_number: '4571999999', restrict_to: '' })
			.reply(200, { message: 'Call initiated successfully' });

		const { items, error } = await runNode({ parameters: dial({ toNumber: '+45 71 99 99 99' }) });

		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: { message: 'Call initiated successfully', to_number: '4571999999', restrict_to: '' },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('rings only the mobile and shows a reception number', async () => {
		api()
			.post('/switch/dial', { to_number: '4520000000', restrict_to: 'mobile', cloak_reception_id: '21' })
			.reply(200, { message: 'Call initiated successfully' });

		const { items, error } = await runNode({
			parameters: dial({
				toNumber: '0045-2000-0000',
				restrictTo: 'mobile',
				additionalFields: { cloakReceptionId: { __rl: true, mode: 'list', value: '21' } },
			}),
		});

		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					message: 'Call initiated successfully',
					to_number: '4520000000',
					restrict_to: 'mobile',
					cloak_reception_id: '21',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('web call only; an empty reception is left out', async () => {
		api()
			.post('/switch/dial', { to_number: '4930123456', restrict_to: 'web_call' })
			.reply(200, { message: 'Call initiated successfully' });
		const { items, error } = await runNode({
			parameters: dial({
				toNumber: '+49 30 123456',
				restrictTo: 'web_call',
				additionalFields: { cloakReceptionId: { __rl: true, mode: 'list', value: '' } },
			}),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ message: 'Call initiated successfully', to_number: '4930123456', restrict_to: 'web_call' });
	});

	describe('bad input is refused before any call is placed', () => {
		it.each([
			[{ toNumber: '71999999' }, `"71999999" is not a valid phone number in 'To Number'`],
			[{ toNumber: '={{ "" }}' }, `'To Number' is empty`],
			[{ toNumber: '4571999999', restrictTo: '={{ "landline" }}' }, `"landline" is not a valid value in 'Ring On'`],
			[
				{ toNumber: '4571999999', additionalFields: { cloakReceptionId: { __rl: true, mode: 'id', value: 'Hovednummer' } } },
				`"Hovednummer" is not a valid ID in 'Show Reception Number'`,
			],
		])('%j', async (parameters, message) => {
			const { error } = await runNode({ parameters: dial(parameters) });
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toBe(message);
			expect(error?.context?.itemIndex).toBe(0);
			expect(net.unmatched()).toEqual([]);
		});
	});

	it.each([503, 429, 502])('a dial that got %i is NOT sent again (no second call)', async (status) => {
		api().post('/switch/dial').once().reply(status, { error: 'unavailable' }, { 'retry-after': '0' });
		const { error } = await runNode({ parameters: dial({ toNumber: '4571999999' }) });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe(String(status));
		// A resent POST would hit no interceptor and show up here.
		expect(net.unmatched()).toEqual([]);
	});

	it('a 503 says the call may already have been placed', async () => {
		api().post('/switch/dial').reply(503, {});
		const { error } = await runNode({ parameters: dial({ toNumber: '4571999999' }) });
		expect(error?.message).toBe('Relatel had a problem on its side (HTTP 503)');
		expect(error?.description).toBe(
			'Relatel failed to answer POST /switch/dial. The request may already have been carried out by Relatel, so n8n did not resend it (no duplicate SMS, calls or orders). Check in Relatel before running it again. Try again later.',
		);
		expect(net.unmatched()).toEqual([]);
	});
});

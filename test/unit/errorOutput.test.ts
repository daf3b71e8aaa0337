import { api, useNock } from '../helpers/api';
import { runNode } from '../helpers/harness';

const net = useNock();

const send = { resource: 'message', operation: 'send', toNumbers: '={{ $json.to }}', body: 'Hej' };

/**
 * The node's "On Error" settings, as n8n runs them: every item's outcome is visible, a
 * failing item never stops the others, and with "Continue (using error output)" the failing
 * items — from Relatel or from our own checks — leave by the error output.
 */
describe('On Error', () => {
	function mockThree() {
		api().post('/messages', { message: { body: 'Hej' }, to_numbers: ['4571999991'] }).reply(200, { sent: 1, failed_numbers: [] });
		api().post('/messages', { message: { body: 'Hej' }, to_numbers: ['4571999993'] }).reply(500, { error: 'boom' });
	}
	const items = [{ to: '4571999991' }, { to: 'nope' }, { to: '4571999993' }];

	it('Continue (using error output): successes on the first output, failures on the second', async () => {
		mockThree();
		const { items: success, error, run } = await runNode({ onError: 'continueErrorOutput', items, parameters: send });
		expect(error).toBeUndefined();
		expect(success.map((i) => [i.json.sent, i.pairedItem])).toEqual([[1, { item: 0 }]]);
		const failed = run.data.resultData.runData.Relatel[0].data!.main[1]!;
		// (In a workflow n8n also joins the input item's fields; this harness has no previous node.)
		expect(failed.map((i) => [i.json.error, i.pairedItem])).toEqual([
			[`"nope" is not a valid phone number in 'To'`, { item: 1 }],
			['Relatel had a problem on its side (HTTP 500)', { item: 2 }],
		]);
		expect(failed[1].json.details).toMatch(/may already have been carried out by Relatel, so n8n did not resend it/);
		expect(net.unmatched()).toEqual([]);
	});

	it('Continue (regular output): every item on the one output, failures as { error, details }', async () => {
		mockThree();
		const { items: output, error } = await runNode({ onError: 'continueRegularOutput', continueOnFail: true, items, parameters: send });
		expect(error).toBeUndefined();
		expect(output.map((i) => [i.json.sent ?? i.json.error, i.pairedItem])).toEqual([
			[1, { item: 0 }],
			[`"nope" is not a valid phone number in 'To'`, { item: 1 }],
			['Relatel had a problem on its side (HTTP 500)', { item: 2 }],
		]);
		expect(Object.keys(output[2].json)).toEqual(['error', 'details']);
	});
});

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';
import { rl } from '../employee/fixtures';

const net = useNock();

const FROM = '2026-11-02T00:00:00Z';
const TO = '2026-11-08T23:59:59Z';

const stats = (extra: Record<string, unknown> = {}) => ({
	resource: 'reception',
	operation: 'getStatistics',
	receptionId: rl('21'),
	answerTarget: 20,
	fromTime: FROM,
	toTime: TO,
	...extra,
});

const statistics = {
	total: 40,
	answered: 30,
	missed: 10,
	average_answer_time: 14,
	average_duration: 182,
	within_target: { missed: 4, answered: 24 },
};

describe('Reception → Get Call Statistics', () => {
	it('asks for the period and target, outputs the statistics with the rates', async () => {
		api()
			.get('/receptions/21/statistics')
			.query({ answer_target: '20', from_time: FROM, to_time: TO })
			.reply(200, { statistics });
		const { items, error } = await runNode({ parameters: stats() });
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					...statistics,
					reception_id: 21,
					from_time: FROM,
					to_time: TO,
					answer_target: 20,
					answer_rate: 0.75,
					within_target_rate: 0.6,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('phases become a comma-separated list; times are sent in UTC; rates are rounded', async () => {
		api()
			.get('/receptions/22/statistics')
			.query({ answer_target: '0', from_time: '2026-11-01T23:00:00Z', to_time: '2026-11-02T11:00:00Z', phase: 'open,backup' })
			.reply(200, {
				statistics: { ...statistics, total: 3, answered: 2, missed: 1, within_target: { missed: 0, answered: 1 } },
			});
		const { items, error } = await runNode({
			parameters: stats({
				receptionId: rl('22', 'id'),
				answerTarget: 0,
				fromTime: '2026-11-02T00:00:00+01:00',
				toTime: '2026-11-02T12:00:00+01:00',
				phases: ['open', 'backup'],
			}),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			reception_id: 22,
			from_time: '2026-11-01T23:00:00Z',
			to_time: '2026-11-02T11:00:00Z',
			answer_target: 0,
			answer_rate: 0.6667,
			within_target_rate: 0.3333,
		});
	});

	it('no calls: the rates are null, not 0', async () => {
		const none = { total: 0, answered: 0, missed: 0, average_answer_time: 0, average_duration: 0, within_target: { missed: 0, answered: 0 } };
		api()
			.get('/receptions/21/statistics')
			.query({ answer_target: '30', from_time: FROM, to_time: TO, phase: 'closed' })
			.reply(200, { statistics: none });
		const { items, error } = await runNode({ parameters: stats({ answerTarget: 30, phases: '={{ "Closed" }}' }) });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			...none,
			reception_id: 21,
			from_time: FROM,
			to_time: TO,
			answer_target: 30,
			answer_rate: null,
			within_target_rate: null,
		});
	});

	describe('bad input is refused before any request', () => {
		it.each([
			[{ fromTime: TO, toTime: FROM }, "'From' is after 'To'"],
			[{ fromTime: '={{ "" }}' }, "'From' is empty"],
			[{ toTime: 'last week' }, `"last week" is not a valid date in 'To'`],
			[{ answerTarget: '={{ -5 }}' }, `"-5" is not a valid number of seconds in 'Answer Target (Seconds)'`],
			[{ answerTarget: '={{ 2.5 }}' }, `"2.5" is not a valid number of seconds in 'Answer Target (Seconds)'`],
			[{ answerTarget: '={{ "soon" }}' }, `"soon" is not a valid number of seconds in 'Answer Target (Seconds)'`],
			[{ phases: '={{ "open, lunch" }}' }, `"lunch" is not a phase in 'Phases'`],
			[{ receptionId: rl('={{ "Hovednummer" }}') }, `"Hovednummer" is not a valid ID in 'Reception'`],
		])('%j', async (extra, message) => {
			const { error } = await runNode({ parameters: stats(extra) });
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toBe(message);
			expect(error?.context?.itemIndex).toBe(0);
			expect(net.unmatched()).toEqual([]);
		});

		it('an empty required date is refused by n8n before the node runs', async () => {
			const { error } = await runNode({ parameters: stats({ toTime: '' }) });
			expect(error?.message).toContain('Parameter "To" is required');
			expect(net.unmatched()).toEqual([]);
		});
	});

	it('a 404 explains that the path is inferred', async () => {
		api().get('/receptions/21/statistics').query(true).reply(404, {});
		const { error } = await runNode({ parameters: stats() });
		expect(error?.message).toBe('Not found in Relatel: check the ID');
		expect(error?.description).toContain('GET /receptions/{id}/statistics');
	});
});

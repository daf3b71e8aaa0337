import type { INode } from 'n8n-workflow';

import { optionalDate, wallClockToDate } from '../../../nodes/Relatel/helpers/validation';
import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';

const node = { name: 'Relatel' } as INode;

describe('dates without an offset are times in the workflow time zone', () => {
	it.each([
		['2026-01-15T09:30:00', 'Europe/Copenhagen', '2026-01-15T08:30:00.000Z'], // winter, UTC+1
		['2026-07-15T09:30:00', 'Europe/Copenhagen', '2026-07-15T07:30:00.000Z'], // summer, UTC+2
		['2026-03-29T03:30:00', 'Europe/Copenhagen', '2026-03-29T01:30:00.000Z'], // just after the spring change
		['2026-11-02T00:00:00', 'America/New_York', '2026-11-02T05:00:00.000Z'],
		['2026-11-02T00:00:00', 'UTC', '2026-11-02T00:00:00.000Z'],
		['2026-11-02', 'Europe/Copenhagen', '2026-11-01T23:00:00.000Z'],
	])('%s in %s', (text, zone, expected) => {
		expect(wallClockToDate(text, zone).toISOString()).toBe(expected);
	});

	it('an explicit offset or Z wins over the time zone', () => {
		expect(optionalDate(node, '2026-11-02T00:00:00Z', 'From', 0, 'Europe/Copenhagen')).toBe('2026-11-02T00:00:00Z');
		expect(optionalDate(node, '2026-11-02T00:00:00+05:00', 'From', 0, 'Europe/Copenhagen')).toBe('2026-11-01T19:00:00Z');
	});

	it('an unknown zone falls back to UTC rather than failing', () => {
		expect(optionalDate(node, '2026-11-02T00:00:00', 'From', 0, 'Mars/Olympus')).toBe('2026-11-02T00:00:00Z');
	});
});

describe('in a node: the date picker value is read in the workflow time zone', () => {
	useNock();

	it('Call → Get Many, Started After 2026-11-02T00:00:00 in Copenhagen asks from 23:00 UTC the day before', async () => {
		api()
			.get('/calls')
			.query({ started_at_gt_or_eq: '2026-11-01T23:00:00Z', limit: '100' })
			.reply(200, { calls: [] });
		const { error, items } = await runNode({
			timezone: 'Europe/Copenhagen',
			parameters: {
				resource: 'call',
				operation: 'getAll',
				returnAll: true,
				filters: { startedAfter: '2026-11-02T00:00:00' },
			},
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});
});

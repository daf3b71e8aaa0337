import { callMatchesEndpoint, isAnsweredCall, isMissedCall } from '../../../nodes/Relatel/helpers/callMatch';
import { makeCall } from './fixtures';

describe('callMatchesEndpoint', () => {
	// To the main number (Reception#21) → group EmployeeGroup#11 → Employee#2; Employee#3 rang too (nodes[] only).
	const call = makeCall();

	it.each([
		['Reception#21', true, 'the call endpoint'],
		['EmployeeGroup#11', true, 'in path[]'],
		['Employee#2', true, 'in path[] only, not the call endpoint'],
		['Employee#3', true, 'in nodes[] only'],
		['Employee#4', false, 'nowhere'],
		['Reception#2', false, 'a prefix of Reception#21 is not a match'],
		['Employee#21', false, 'same id, other type'],
		['employee#2', true, 'case does not matter'],
		[' Employee#2 ', true, 'surrounding spaces do not matter'],
	])('%s → %s (%s)', (endpoint, expected) => {
		expect(callMatchesEndpoint(call, endpoint)).toBe(expected);
	});

	it('an empty endpoint matches every call', () => {
		expect(callMatchesEndpoint(call, '')).toBe(true);
		expect(callMatchesEndpoint(call, undefined)).toBe(true);
		expect(callMatchesEndpoint(call, null)).toBe(true);
	});

	it('a call without path[] or nodes[] matches on its endpoint only', () => {
		const bare = { call_uuid: 'x', endpoint: 'Employee#1' };
		expect(callMatchesEndpoint(bare, 'Employee#1')).toBe(true);
		expect(callMatchesEndpoint(bare, 'Employee#2')).toBe(false);
		expect(callMatchesEndpoint({ endpoint: null, path: null, nodes: [null, {}] }, 'Employee#2')).toBe(false);
	});

	it('reads an endpoint written as an object { type, id }', () => {
		expect(callMatchesEndpoint({ endpoint: { type: 'Employee', id: 7 } }, 'Employee#7')).toBe(true);
		expect(callMatchesEndpoint({ path: [{ endpoint: { type: 'Reception', id: '21' } }] }, 'Reception#21')).toBe(true);
		expect(callMatchesEndpoint({ endpoint: { type: 'Employee' } }, 'Employee#7')).toBe(false);
	});
});

describe('isMissedCall', () => {
	it.each([
		['incoming, ended, never answered', { direction: 'incoming', ended_at: '2026-11-20T09:01:00Z', answered_at: null }, true],
		['incoming, ended, answered_at missing', { direction: 'incoming', ended_at: '2026-11-20T09:01:00Z' }, true],
		['incoming and answered', { direction: 'incoming', ended_at: '2026-11-20T09:01:00Z', answered_at: '2026-11-20T09:00:10Z' }, false],
		['incoming, still ringing', { direction: 'incoming', ended_at: null, answered_at: null }, false],
		['outgoing, nobody answered', { direction: 'outgoing', ended_at: '2026-11-20T09:01:00Z', answered_at: null }, false],
	])('%s → %s', (_label, call, expected) => {
		expect(isMissedCall(call)).toBe(expected);
	});
});

describe('isAnsweredCall', () => {
	it('is true when the call has an answered_at', () => {
		expect(isAnsweredCall({ answered_at: '2026-11-20T09:00:10Z' })).toBe(true);
		expect(isAnsweredCall({ answered_at: null })).toBe(false);
		expect(isAnsweredCall({})).toBe(false);
	});
});

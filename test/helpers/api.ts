import nock from 'nock';

import { BASE_URL, TOKEN } from './harness';

/** A nock scope for the Relatel API that only matches requests carrying our Bearer token. */
export function api(): nock.Scope {
	return nock(BASE_URL, { reqheaders: { authorization: `Bearer ${TOKEN}` } });
}

/**
 * Every test file: no real network, every interceptor used, and a count of requests
 * nock had no interceptor for (`unmatched()`), so a test can prove nothing was sent.
 */
export function useNock(): { unmatched: () => string[] } {
	const misses: string[] = [];
	const onMiss = (req: { method?: string; path?: string; options?: { method?: string; path?: string } }) =>
		misses.push(`${req.method ?? req.options?.method} ${req.path ?? req.options?.path}`);
	beforeAll(() => {
		if (!nock.isActive()) nock.activate();
	});
	// Jest loads nock afresh in every test file but Node's http module is shared: undo this
	// file's interception so the next file starts clean.
	afterAll(() => nock.restore());
	beforeEach(() => {
		misses.length = 0;
		nock.disableNetConnect();
		nock.emitter.on('no match', onMiss);
	});
	afterEach(() => {
		nock.emitter.removeListener('no match', onMiss);
		const pending = nock.pendingMocks();
		nock.cleanAll();
		expect(pending).toEqual([]);
	});
	return { unmatched: () => [...misses] };
}

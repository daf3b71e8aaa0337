import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';
import { hovednummer, kundeservice, reception, rl } from '../employee/fixtures';

const net = useNock();

const params = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'reception', operation, ...extra });

describe('Reception → Get', () => {
	it('gets the reception (a bare object)', async () => {
		api().get('/receptions/21').reply(200, hovednummer);
		const { items, error } = await runNode({ parameters: params('get', { receptionId: rl('21') }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: hovednummer, pairedItem: { item: 0 } }]);
	});

	it('also unwraps { reception: {...} }', async () => {
		api().get('/receptions/22').reply(200, { reception: kundeservice });
		const { items } = await runNode({ parameters: params('get', { receptionId: rl('22', 'id') }) });
		expect(items.map((i) => i.json)).toEqual([kundeservice]);
	});

	it('refuses a bad ID before any request', async () => {
		const { error } = await runNode({ parameters: params('get', { receptionId: rl('={{ "Salg" }}') }) });
		expect(error?.message).toBe(`"Salg" is not a valid ID in 'Reception'`);
		expect(error?.context?.itemIndex).toBe(0);
		expect(net.unmatched()).toEqual([]);
	});
});

describe('Reception → Get Many', () => {
	const salg = reception(23, 'Salg', '4570000002', { is_open: false });

	it('Return All: one item per reception', async () => {
		api().get('/receptions').reply(200, { receptions: [hovednummer, kundeservice, salg] });
		const { items, error } = await runNode({ parameters: params('getAll', { returnAll: true }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([hovednummer, kundeservice, salg].map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('Limit is applied here, nothing extra asked of Relatel', async () => {
		api().get('/receptions').reply(200, { receptions: [hovednummer, kundeservice, salg] });
		const { items, error } = await runNode({ parameters: params('getAll', { returnAll: false, limit: 1 }) });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([hovednummer]);
	});

	it('a missing product is said plainly', async () => {
		api().get('/receptions').reply(403, { error: 'forbidden' });
		const { error } = await runNode({ parameters: params('getAll', { returnAll: true }) });
		expect(error?.message).toBe("Your Relatel account can't do this: a product, feature or permission is missing");
	});
});

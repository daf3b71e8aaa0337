import {
	searchEmployeeGroups,
	searchEmployees,
	searchEndpoints,
	searchStatisticsEndpoints,
	searchReceptions,
} from '../../../nodes/Relatel/methods/listSearch';
import { getEmployeeGroups, getEmployees } from '../../../nodes/Relatel/methods/loadOptions';
import { api, useNock } from '../../helpers/api';
import { employees, group, hovednummer, kundeservice, sales, support } from '../employee/fixtures';
import { loadOptionsContext } from './loadOptionsContext';

const net = useNock();

describe('resource locator pickers (listSearch)', () => {
	it('searchEmployees: every employee, sorted by name, with the number', async () => {
		api().get('/employees').reply(200, { employees: [employees[2], employees[0], employees[1]] });
		const result = await searchEmployees.call(loadOptionsContext());
		expect(result).toEqual({
			results: [
				{ name: 'Jane Doe (20 00 00 01)', value: '1' },
				{ name: 'John Hansen (20 00 00 02)', value: '2' },
				{ name: 'Mette Larsen (20 00 00 03)', value: '3' },
			],
		});
	});

	it.each([
		['hansen', ['2']],
		['METTE@', ['3']],
		['20 00 00 01', ['1']],
		['4520000003', ['3']],
		['+45 20 00 00 02', ['2']],
		['nobody', []],
	])('searchEmployees filters by name, email or number: %j', async (filter, ids) => {
		api().get('/employees').reply(200, { employees });
		const result = await searchEmployees.call(loadOptionsContext(), filter);
		expect(result.results.map((r) => r.value)).toEqual(ids);
	});

	it('searchEmployeeGroups: sorted, filtered by name, bare array accepted', async () => {
		api().get('/employee_groups').reply(200, [support, sales, group(13, 'Salgsledere', [])]);
		const result = await searchEmployeeGroups.call(loadOptionsContext(), 'sal');
		expect(result).toEqual({
			results: [
				{ name: 'Sales', value: '12' },
				{ name: 'Salgsledere', value: '13' },
			],
		});
	});

	it('searchReceptions: name and number, filtered by brand name or number', async () => {
		api().get('/receptions').times(2).reply(200, { receptions: [kundeservice, hovednummer] });
		expect(await searchReceptions.call(loadOptionsContext())).toEqual({
			results: [
				{ name: 'Hovednummer (70 00 00 00)', value: '21' },
				{ name: 'Kundeservice (70 00 00 01)', value: '22' },
			],
		});
		expect((await searchReceptions.call(loadOptionsContext(), '70 00 00 01')).results).toEqual([
			{ name: 'Kundeservice (70 00 00 01)', value: '22' },
		]);
	});

	it('searchEndpoints: receptions, groups and employees, each sorted, the value is the endpoint', async () => {
		api().get('/employees').reply(200, { employees: [employees[1], employees[0]] });
		api().get('/employee_groups').reply(200, { employee_groups: [support, sales] });
		api().get('/receptions').reply(200, { receptions: [kundeservice, hovednummer] });
		const result = await searchEndpoints.call(loadOptionsContext());
		expect(result).toEqual({
			results: [
				{ name: 'Reception: Hovednummer (70 00 00 00)', value: 'Reception#21' },
				{ name: 'Reception: Kundeservice (70 00 00 01)', value: 'Reception#22' },
				{ name: 'Group: Sales', value: 'EmployeeGroup#12' },
				{ name: 'Group: Support', value: 'EmployeeGroup#11' },
				{ name: 'Employee: Jane Doe (20 00 00 01)', value: 'Employee#1' },
				{ name: 'Employee: John Hansen (20 00 00 02)', value: 'Employee#2' },
			],
		});
	});

	it('searchStatisticsEndpoints: receptions and employees only (Relatel keeps no statistics of groups)', async () => {
		api().get('/employees').reply(200, { employees: [employees[1], employees[0]] });
		api().get('/receptions').reply(200, { receptions: [kundeservice, hovednummer] });
		const result = await searchStatisticsEndpoints.call(loadOptionsContext());
		expect(result.results).toEqual([
			{ name: 'Reception: Hovednummer (70 00 00 00)', value: 'Reception#21' },
			{ name: 'Reception: Kundeservice (70 00 00 01)', value: 'Reception#22' },
			{ name: 'Employee: Jane Doe (20 00 00 01)', value: 'Employee#1' },
			{ name: 'Employee: John Hansen (20 00 00 02)', value: 'Employee#2' },
		]);
	});

	it("Statistic → Get's endpoint picker uses the statistics list", async () => {
		const { Relatel } = await import('../../../nodes/Relatel/Relatel.node');
		const endpoints = new Relatel().description.properties.find((p) => p.name === 'endpoints');
		const locator = (endpoints?.options?.[0] as { values: Array<{ modes?: Array<{ typeOptions?: { searchListMethod?: string } }> }> }).values[0];
		expect(locator.modes?.[0].typeOptions?.searchListMethod).toBe('searchStatisticsEndpoints');
	});

	it('searchEndpoints filters every kind', async () => {
		api().get('/employees').reply(200, { employees });
		api().get('/employee_groups').reply(200, { employee_groups: [support, sales] });
		api().get('/receptions').reply(200, { receptions: [kundeservice, hovednummer] });
		const result = await searchEndpoints.call(loadOptionsContext(), 'SUP');
		expect(result.results).toEqual([{ name: 'Group: Support', value: 'EmployeeGroup#11' }]);
	});

	it('searchEndpoints still lists the rest when one list is refused (e.g. no switch product)', async () => {
		api().get('/employees').reply(200, { employees: [employees[0]] });
		api().get('/employee_groups').reply(200, { employee_groups: [support] });
		api().get('/receptions').reply(403, { error: 'forbidden' });
		const result = await searchEndpoints.call(loadOptionsContext());
		expect(result.results).toEqual([
			{ name: 'Group: Support', value: 'EmployeeGroup#11' },
			{ name: 'Employee: Jane Doe (20 00 00 01)', value: 'Employee#1' },
		]);
	});

	it('searchEndpoints fails in plain words when every list fails', async () => {
		api().get('/employees').reply(401, {});
		api().get('/employee_groups').reply(401, {});
		api().get('/receptions').reply(401, {});
		await expect(searchEndpoints.call(loadOptionsContext())).rejects.toThrow('The Relatel token was revoked or is invalid');
	});

	it('a record without a name still gets one', async () => {
		api().get('/employees').reply(200, { employees: [{ id: 5, name: '', number_formatted: '20 00 00 05' }] });
		expect((await searchEmployees.call(loadOptionsContext())).results).toEqual([
			{ name: 'Employee 5 (20 00 00 05)', value: '5' },
		]);
	});

	it('a picker error is the plain-words Relatel error', async () => {
		api().get('/employees').reply(401, { error: 'invalid_token' });
		await expect(searchEmployees.call(loadOptionsContext())).rejects.toThrow('The Relatel token was revoked or is invalid');
	});

	it('uses the OAuth2 credential when the node is set to OAuth2', async () => {
		api().get('/employee_groups').reply(200, { employee_groups: [support] });
		const result = await searchEmployeeGroups.call(loadOptionsContext({ authentication: 'oAuth2' }));
		expect(result.results).toEqual([{ name: 'Support', value: '11' }]);
	});

	it('sends nothing but the one GET per list', async () => {
		api().get('/employees').reply(200, { employees });
		await searchEmployees.call(loadOptionsContext(), 'jane');
		expect(net.unmatched()).toEqual([]);
	});
});

describe('multi-select options (loadOptions)', () => {
	it('getEmployees: sorted by name, numeric IDs, email and number as description', async () => {
		api().get('/employees').reply(200, { employees: [employees[2], employees[0]] });
		expect(await getEmployees.call(loadOptionsContext())).toEqual([
			{ name: 'Jane Doe', value: 1, description: 'jane@firma.dk · 20 00 00 01' },
			{ name: 'Mette Larsen', value: 3, description: 'mette@firma.dk · 20 00 00 03' },
		]);
	});

	it('getEmployeeGroups: sorted by name with the member count; bare array accepted', async () => {
		api().get('/employee_groups').reply(200, [support, group(13, 'Alarm', [4])]);
		expect(await getEmployeeGroups.call(loadOptionsContext())).toEqual([
			{ name: 'Alarm', value: 13, description: '1 member' },
			{ name: 'Support', value: 11, description: '2 members' },
		]);
	});

	it('an unnamed record still gets a name', async () => {
		api().get('/employee_groups').reply(200, { employee_groups: [{ id: 14, employee_ids: [] }] });
		expect(await getEmployeeGroups.call(loadOptionsContext())).toEqual([
			{ name: 'Group 14', value: 14, description: '0 members' },
		]);
	});
});

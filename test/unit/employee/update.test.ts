import type { INodeParameters } from 'n8n-workflow';

import { api, useNock } from '../../helpers/api';
import { runNode } from '../../helpers/harness';
import { hovednummer, jane, john, rl } from './fixtures';

const net = useNock();

const update = (updateFields: INodeParameters, extra: INodeParameters = {}) => ({
	resource: 'employee',
	operation: 'update',
	employeeId: rl('2'),
	updateFields,
	...extra,
});
const updateCurrent = (updateFields: INodeParameters) => ({
	resource: 'employee',
	operation: 'updateCurrent',
	updateFields,
});

const UNTIL = '2099-06-01T14:00:00Z';

describe('Employee → Update', () => {
	it('do not disturb until a time: turns DND on with the end time', async () => {
		const updated = { ...john, do_not_disturb: true, dnd_timeout_at: UNTIL };
		api()
			.put('/employees/2', { employee: { do_not_disturb: true, dnd_timeout_at: UNTIL } })
			.reply(200, { employee: updated });
		const { items, error } = await runNode({ parameters: update({ dndTimeoutAt: '2099-06-01T16:00:00+02:00' }) });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: updated, pairedItem: { item: 0 } }]);
	});

	it("DND for one hour with {{ $now.plus(1, 'hour') }}", async () => {
		let sent: { employee: { do_not_disturb: boolean; dnd_timeout_at: string } } | undefined;
		api()
			.put('/employees/2', (body) => {
				sent = body;
				return true;
			})
			.reply(200, { employee: john });
		const before = Date.now();
		const { error } = await runNode({ parameters: update({ dndTimeoutAt: "={{ $now.plus(1, 'hour') }}" }) });
		expect(error).toBeUndefined();
		expect(Object.keys(sent!.employee).sort()).toEqual(['dnd_timeout_at', 'do_not_disturb']);
		expect(sent!.employee.do_not_disturb).toBe(true);
		expect(sent!.employee.dnd_timeout_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/);
		const until = Date.parse(sent!.employee.dnd_timeout_at);
		expect(until).toBeGreaterThanOrEqual(before + 3600_000 - 1000);
		expect(until).toBeLessThanOrEqual(Date.now() + 3600_000 + 1000);
	});

	it('every field at once, groups and reception as numbers', async () => {
		api()
			.put('/employees/2', {
				employee: {
					name: 'John Hansen Jr.',
					email: 'jhj@firma.dk',
					locale: 'en',
					do_not_disturb: true,
					dnd_timeout_at: UNTIL,
					employee_group_ids: [11, 12],
					cloak_reception_id: 21,
				},
			})
			.reply(200, { employee: { ...john, cloak_reception: hovednummer } });
		const { items, error } = await runNode({
			parameters: update({
				name: ' John Hansen Jr. ',
				email: 'jhj@firma.dk',
				locale: 'en',
				doNotDisturb: true,
				dndTimeoutAt: UNTIL,
				employeeGroupIds: [11, 12],
				cloakReceptionId: rl('21'),
			}),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { ...john, cloak_reception: hovednummer }, pairedItem: { item: 0 } }]);
	});

	it('Language from an expression: another language code (sv, en-GB) is sent as given', async () => {
		api().put('/employees/2', { employee: { locale: 'sv' } }).reply(200, { employee: john });
		api().put('/employees/2', { employee: { locale: 'en-GB' } }).reply(200, { employee: john });
		expect((await runNode({ parameters: update({ locale: '={{ "SV" }}' }) })).error).toBeUndefined();
		expect((await runNode({ parameters: update({ locale: '={{ "en-GB" }}' }) })).error).toBeUndefined();
	});

	it('turning DND off sends only do_not_disturb: false', async () => {
		api().put('/employees/2', { employee: { do_not_disturb: false } }).reply(200, { employee: john });
		const { error } = await runNode({ parameters: update({ doNotDisturb: false }) });
		expect(error).toBeUndefined();
	});

	it('clearing the cloak reception sends null', async () => {
		api().put('/employees/2', { employee: { cloak_reception_id: null } }).reply(200, { employee: john });
		const { items, error } = await runNode({ parameters: update({ clearCloakReception: true }) });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual(john);
	});

	it('groups from an expression: a comma-separated list, duplicates removed', async () => {
		api().put('/employees/2', { employee: { employee_group_ids: [12, 11] } }).reply(200, { employee: john });
		const { error } = await runNode({ parameters: update({ employeeGroupIds: '={{ "12, 11,12" }}' }) });
		expect(error).toBeUndefined();
	});

	it('one request per item, the employee from each item', async () => {
		api().put('/employees/1', { employee: { do_not_disturb: true } }).reply(200, { employee: jane });
		api().put('/employees/2', { employee: { do_not_disturb: true } }).reply(200, { employee: john });
		const { items, error } = await runNode({
			items: [{ id: 1 }, { id: 2 }],
			parameters: update({ doNotDisturb: true }, { employeeId: rl('={{ $json.id }}', 'id') }),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: jane, pairedItem: { item: 0 } },
			{ json: john, pairedItem: { item: 1 } },
		]);
	});

	describe('bad input is refused before any request', () => {
		it.each([
			[{}, "'Update Fields' is empty"],
			[{ dndTimeoutAt: '' }, "'Update Fields' is empty"],
			[{ clearCloakReception: false }, "'Update Fields' is empty"],
			[{ doNotDisturb: false, dndTimeoutAt: UNTIL }, "'Do Not Disturb Until' needs 'Do Not Disturb' turned on"],
			[{ dndTimeoutAt: '2020-01-01T00:00:00Z' }, "'Do Not Disturb Until' is in the past (2020-01-01T00:00:00Z)"],
			[{ dndTimeoutAt: 'next tuesday' }, `"next tuesday" is not a valid date in 'Do Not Disturb Until'`],
			[{ doNotDisturb: '={{ "maybe" }}' }, `"maybe" is not true or false in 'Do Not Disturb'`],
			[{ employeeGroupIds: [] }, "'Employee Group Names or IDs' is empty"],
			[{ employeeGroupIds: '={{ "11, sales" }}' }, `"sales" is not a valid ID in 'Employee Group Names or IDs'`],
			[
				{ clearCloakReception: true, cloakReceptionId: rl('21') },
				"'Cloak Reception' and 'Clear Cloak Reception' contradict each other",
			],
			[{ cloakReceptionId: rl('') }, "'Cloak Reception' is empty"],
			[{ name: '   ' }, "'Name' is empty"],
			[{ email: 'jane.firma.dk' }, `"jane.firma.dk" is not a valid email address in 'Email'`],
		])('%j', async (updateFields, message) => {
			const { error } = await runNode({ parameters: update(updateFields) });
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toBe(message);
			expect(error?.context?.itemIndex).toBe(0);
			expect(net.unmatched()).toEqual([]);
		});

		it('names the failing item', async () => {
			api().put('/employees/2', { employee: { do_not_disturb: true } }).reply(200, { employee: john });
			const { error } = await runNode({
				items: [{ on: true }, { on: 'ja' }],
				parameters: update({ doNotDisturb: '={{ $json.on }}' }),
			});
			expect(error?.message).toBe(`"ja" is not true or false in 'Do Not Disturb'`);
			expect(error?.context?.itemIndex).toBe(1);
		});
	});

	it("Relatel's validation error is shown in plain words and not resent", async () => {
		api()
			.put('/employees/2')
			.once()
			.reply(422, { errors: { cloak_reception_id: ['the reception cannot be used for cloaking'] } });
		const { error } = await runNode({ parameters: update({ cloakReceptionId: rl('23') }) });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(
			'Relatel could not accept the data: cloak_reception_id the reception cannot be used for cloaking',
		);
		expect(net.unmatched()).toEqual([]);
	});
});

describe('Employee → Update Current', () => {
	it('puts the changes to /employee and outputs the employee', async () => {
		const updated = { ...jane, do_not_disturb: true, dnd_timeout_at: UNTIL };
		api()
			.put('/employee', { employee: { do_not_disturb: true, dnd_timeout_at: UNTIL, employee_group_ids: [12] } })
			.reply(200, { employee: updated });
		const { items, error } = await runNode({
			parameters: updateCurrent({ doNotDisturb: true, dndTimeoutAt: UNTIL, employeeGroupIds: ['12'] }),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: updated, pairedItem: { item: 0 } }]);
	});

	it('refuses an empty update before any request', async () => {
		const { error } = await runNode({ parameters: updateCurrent({}) });
		expect(error?.message).toBe("'Update Fields' is empty");
		expect(error?.description).toBe("Add at least one field to change under 'Update Fields'. Nothing was sent to Relatel.");
		expect(net.unmatched()).toEqual([]);
	});
});

import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { defaultCredentials, runNode } from '../../helpers/harness';
import { rl } from '../employee/fixtures';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSandbox } = require('../../sandbox/server');

/**
 * Employees, groups and receptions against the local Relatel: what one operation changes,
 * the next one sees.
 */
interface Sandbox {
	baseUrl: string;
	state: { accessToken: string; db: Record<string, IDataObject[]>; currentEmployeeId: number; requests: IDataObject[] };
	close(): Promise<void>;
}

let sandbox: Sandbox;
let clock = Date.now();

beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	sandbox = await startSandbox({ now: () => clock });
});

afterAll(async () => {
	await sandbox?.close();
	nock.restore();
});

async function run(parameters: INodeParameters) {
	const result = await runNode({
		parameters,
		credentials: defaultCredentials(sandbox.baseUrl, sandbox.state.accessToken),
	});
	if (result.error) throw result.error;
	return result.items.map((item) => item.json);
}

const getGroup = async (id: number) =>
	(await run({ resource: 'employeeGroup', operation: 'get', employeeGroupId: rl(String(id)) }))[0];
const getEmployee = async (id: number) =>
	(await run({ resource: 'employee', operation: 'get', employeeId: rl(String(id)) }))[0];

describe('sandbox: employees and groups keep their state', () => {
	it('join adds the current employee to the group, leave removes it again', async () => {
		const me = (await run({ resource: 'employee', operation: 'getCurrent' }))[0];
		expect(me.id).toBe(sandbox.state.currentEmployeeId);
		expect((await getGroup(12)).employee_ids).not.toContain(me.id);

		const joined = await run({ resource: 'employeeGroup', operation: 'join', employeeGroupId: rl('12') });
		expect(joined).toHaveLength(1);
		expect(joined[0].id).toBe(12);
		expect(joined[0].employee_ids).toContain(me.id);
		expect((await getGroup(12)).employee_ids).toContain(me.id);
		expect((await run({ resource: 'employee', operation: 'getCurrent' }))[0].employee_group_ids).toContain(12);

		const left = await run({ resource: 'employeeGroup', operation: 'leave', employeeGroupId: rl('12') });
		expect(left[0].employee_ids).not.toContain(me.id);
		expect((await getGroup(12)).employee_ids).not.toContain(me.id);
		expect((await getEmployee(Number(me.id))).employee_group_ids).not.toContain(12);
	});

	it("updating an employee's groups shows in the groups", async () => {
		expect((await getGroup(11)).employee_ids).toContain(2);
		const updated = await run({
			resource: 'employee',
			operation: 'update',
			employeeId: rl('2'),
			updateFields: { employeeGroupIds: [12] },
		});
		expect(updated[0].employee_group_ids).toEqual([12]);
		expect((await getGroup(11)).employee_ids).not.toContain(2);
		expect((await getGroup(12)).employee_ids).toContain(2);
	});

	it("updating a group's members shows in the employees", async () => {
		const created = await run({ resource: 'employeeGroup', operation: 'create', name: 'Alarm', employeeIds: [3, 4] });
		const id = Number(created[0].id);
		expect(created[0]).toMatchObject({ name: 'Alarm', employee_ids: [3, 4], endpoint: `EmployeeGroup#${id}` });
		const all = await run({ resource: 'employeeGroup', operation: 'getAll', returnAll: true });
		expect(all.map((g) => g.name)).toContain('Alarm');

		await run({
			resource: 'employeeGroup',
			operation: 'update',
			employeeGroupId: rl(String(id)),
			updateFields: { name: 'Alarmgruppe', employeeIds: [4] },
		});
		expect(await getGroup(id)).toMatchObject({ name: 'Alarmgruppe', employee_ids: [4] });
		expect((await getEmployee(3)).employee_group_ids).not.toContain(id);
		expect((await getEmployee(4)).employee_group_ids).toContain(id);
	});

	it('an SMS to a group reaches every member', async () => {
		const group = await getGroup(12);
		const members = sandbox.state.db.employees.filter((e) => (group.employee_ids as number[]).includes(Number(e.id)));
		expect(members.length).toBeGreaterThan(1);
		const before = sandbox.state.db.messages.length;

		const [result] = await run({
			resource: 'employeeGroup',
			operation: 'sendSms',
			employeeGroupId: rl('12'),
			body: 'Salgsmøde kl. 14',
		});
		expect(result).toEqual({
			sent: members.length,
			failed_numbers: [],
			employee_group_id: 12,
			encoding: 'GSM-7',
			characters: 16,
			segments: 1,
			units: members.length,
		});
		const delivered = sandbox.state.db.messages.slice(before);
		expect(delivered.map((m) => m.to_number).sort()).toEqual(members.map((e) => e.number).sort());
		expect(delivered.every((m) => m.body === 'Salgsmøde kl. 14')).toBe(true);
	});

	it('an SMS to one employee goes to their mobile number', async () => {
		const before = sandbox.state.db.messages.length;
		const [result] = await run({ resource: 'employee', operation: 'sendSms', employeeId: rl('3'), body: 'Ring til kunden' });
		expect(result).toMatchObject({ sent: 1, employee_id: 3, units: 1 });
		expect(sandbox.state.db.messages.slice(before).map((m) => m.to_number)).toEqual(['4520000003']);
	});

	it('do not disturb for one hour, which then ends by itself', async () => {
		const [me] = await run({
			resource: 'employee',
			operation: 'updateCurrent',
			updateFields: { dndTimeoutAt: "={{ $now.plus(1, 'hour') }}" },
		});
		expect(me.do_not_disturb).toBe(true);
		const until = Date.parse(String(me.dnd_timeout_at));
		expect(Math.abs(until - (Date.now() + 3600_000))).toBeLessThan(60_000);

		clock = until - 1000;
		expect((await run({ resource: 'employee', operation: 'getCurrent' }))[0].do_not_disturb).toBe(true);
		clock = until + 1000;
		const [later] = await run({ resource: 'employee', operation: 'getCurrent' });
		expect(later).toMatchObject({ do_not_disturb: false, dnd_timeout_at: null, do_not_disturb_ended_at: me.dnd_timeout_at });
	});

	it('the cloak reception is set and cleared', async () => {
		const [cloaked] = await run({
			resource: 'employee',
			operation: 'update',
			employeeId: rl('2'),
			updateFields: { cloakReceptionId: rl('22') },
		});
		expect((cloaked.cloak_reception as IDataObject).id).toBe(22);
		const [cleared] = await run({
			resource: 'employee',
			operation: 'update',
			employeeId: rl('2'),
			updateFields: { clearCloakReception: true },
		});
		expect(cleared.cloak_reception).toBeNull();
	});

	it("Relatel's refusal of an unknown reception comes back in plain words and changes nothing", async () => {
		const { error } = await runNode({
			parameters: {
				resource: 'employee',
				operation: 'update',
				employeeId: rl('2'),
				updateFields: { cloakReceptionId: rl('99', 'id') },
			},
			credentials: defaultCredentials(sandbox.baseUrl, sandbox.state.accessToken),
		});
		expect(error?.message).toBe('Relatel could not accept the data: cloak_reception_id 99 is not a reception');
		expect((await getEmployee(2)).cloak_reception).toBeNull();
	});
});

describe('sandbox: receptions', () => {
	it('lists the receptions and computes call statistics for a period', async () => {
		const receptions = await run({ resource: 'reception', operation: 'getAll', returnAll: true });
		expect(receptions.map((r) => r.id)).toEqual([21, 22, 23]);

		const from = new Date(clock - 30 * 24 * 3600 * 1000).toISOString();
		const to = new Date(clock).toISOString();
		const [stats] = await run({
			resource: 'reception',
			operation: 'getStatistics',
			receptionId: rl('21'),
			answerTarget: 20,
			fromTime: from,
			toTime: to,
			phases: ['open', 'closed'],
		});
		const total = Number(stats.total);
		expect(total).toBeGreaterThan(0);
		expect(Number(stats.answered) + Number(stats.missed)).toBe(total);
		expect(stats.answer_rate).toBeCloseTo(Number(stats.answered) / total, 4);
		expect(stats.within_target_rate).toBeCloseTo(Number((stats.within_target as IDataObject).answered) / total, 4);
		expect(stats).toMatchObject({ reception_id: 21, answer_target: 20 });

		const request = sandbox.state.requests.filter((r) => r.path === '/api/v2/receptions/21/statistics').pop();
		expect(request?.query).toEqual({
			answer_target: '20',
			from_time: from.replace('.000Z', 'Z'),
			to_time: to.replace('.000Z', 'Z'),
			phase: 'open,closed',
		});
	});
});

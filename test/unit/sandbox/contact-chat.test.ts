import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { defaultCredentials, runNode } from '../../helpers/harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSandbox } = require('../../sandbox/server');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SEEDED_CONTACTS } = require('../../sandbox/routes/contact');

interface SandboxRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	body?: unknown;
}
interface Sandbox {
	baseUrl: string;
	origin: string;
	state: {
		accessToken: string;
		requests: SandboxRequest[];
		db: Record<string, Array<Record<string, unknown>>>;
	};
	close: () => Promise<void>;
}

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => {
	await sandbox.close();
	nock.restore();
});
beforeEach(() => {
	// Only the local sandbox: nothing leaves this machine.
	nock.disableNetConnect();
	nock.enableNetConnect('127.0.0.1');
	sandbox.state.requests.length = 0;
});
afterEach(() => nock.enableNetConnect());

const run = (parameters: INodeParameters, items?: IDataObject[]) =>
	runNode({ parameters, items, credentials: defaultCredentials(sandbox.baseUrl, sandbox.state.accessToken) });

const contactId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const sent = () => sandbox.state.requests.map((r) => `${r.method} ${r.path}${new URLSearchParams(r.query).size ? `?${new URLSearchParams(r.query)}` : ''}`);

describe('sandbox: contacts', () => {
	it('create → get → get by number → update → comment → delete', async () => {
		const created = await run({
			resource: 'contact',
			operation: 'create',
			number: '+45 71 99 88 77',
			additionalFields: { name: 'Bo Madsen', email: 'bo@madsen.dk', tags: 'kunde, vip' },
		});
		expect(created.error).toBeUndefined();
		const contact = created.items[0].json;
		expect(contact).toMatchObject({
			number: '4571998877',
			number_formatted: '71 99 88 77',
			name: 'Bo Madsen',
			email: 'bo@madsen.dk',
			flagged: false,
			tags: ['kunde', 'vip'],
			comments_count: 0,
		});
		expect(sandbox.state.requests[0].body).toEqual({
			contact: { number: '4571998877', name: 'Bo Madsen', email: 'bo@madsen.dk', tags: ['kunde', 'vip'] },
		});

		const got = await run({ resource: 'contact', operation: 'get', contactId: contactId(contact.id as number) });
		expect(got.items.map((i) => i.json)).toEqual([contact]);

		const byNumber = await run({ resource: 'contact', operation: 'getByNumber', number: '0045 71 99 88 77' });
		expect(byNumber.items.map((i) => i.json)).toEqual([contact]);

		const updated = await run({
			resource: 'contact',
			operation: 'update',
			contactId: contactId(contact.id as number),
			updateFields: { name: 'Bo Madsen ApS', flagged: true, email: '' },
		});
		expect(updated.error).toBeUndefined();
		expect(updated.items[0].json).toEqual({ ...contact, name: 'Bo Madsen ApS', flagged: true, email: null });

		const comment = await run({
			resource: 'contactComment',
			operation: 'create',
			contactId: contactId(contact.id as number),
			body: 'Ny kunde, ring tilbage i morgen',
			additionalFields: { recipientId: contactId(3) },
		});
		expect(comment.error).toBeUndefined();
		expect(comment.items[0].json).toMatchObject({
			body: 'Ny kunde, ring tilbage i morgen',
			contact_id: contact.id,
			employee: { id: 1, name: 'Jane Doe' },
			recipient: { id: 3, name: 'Mette Larsen' },
		});
		const comments = await run({ resource: 'contactComment', operation: 'getAll', contactId: contactId(contact.id as number), returnAll: true });
		expect(comments.items.map((i) => i.json)).toEqual([
			expect.objectContaining({ body: 'Ny kunde, ring tilbage i morgen', employee_name: 'Jane Doe', recipient_name: 'Mette Larsen' }),
		]);
		const counted = await run({ resource: 'contact', operation: 'get', contactId: contactId(contact.id as number) });
		expect(counted.items[0].json.comments_count).toBe(1);

		const deleted = await run({ resource: 'contact', operation: 'delete', contactId: contactId(contact.id as number) });
		expect(deleted.items.map((i) => i.json)).toEqual([{ deleted: true, id: contact.id }]);

		const gone = await run({ resource: 'contact', operation: 'getByNumber', number: '4571998877' });
		expect(gone.error?.message).toBe('No contact in Relatel has the number 4571998877');
		const goneById = await run({ resource: 'contact', operation: 'get', contactId: contactId(contact.id as number) });
		expect(goneById.error?.message).toBe('Not found in Relatel: check the ID');
	});

	it('a second contact with the same number is refused by Relatel', async () => {
		const existing = sandbox.state.db.contacts[0];
		const { error } = await run({ resource: 'contact', operation: 'create', number: String(existing.number) });
		expect(error?.message).toBe('Relatel could not accept the data: number has already been taken');
	});

	it(`Return All pages through all ${SEEDED_CONTACTS}+ contacts in ascending id order`, async () => {
		expect(SEEDED_CONTACTS).toBeGreaterThanOrEqual(130);
		const { items, error } = await run({ resource: 'contact', operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		const expected = sandbox.state.db.contacts.map((c) => c.id).sort((a, b) => Number(a) - Number(b));
		expect(items.map((i) => i.json.id)).toEqual(expected);
		expect(items.length).toBeGreaterThan(100);
		const first = expected[0] as number;
		expect(sent()).toEqual([
			'GET /api/v2/contacts?limit=100',
			`GET /api/v2/contacts?limit=100&id_gt_or_eq=${first + 100}`,
		]);
	});

	it('Limit 120 stops after two pages; the number filter finds one contact', async () => {
		const limited = await run({ resource: 'contact', operation: 'getAll', limit: 120 });
		expect(limited.items).toHaveLength(120);
		const target = sandbox.state.db.contacts[42];
		const filtered = await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filters: { number: `+${target.number}` },
		});
		expect(filtered.items.map((i) => i.json)).toEqual([target]);
	});
});

describe('sandbox: chats', () => {
	it('a new chat event is listed first and can be fetched', async () => {
		const res = await fetch(`${sandbox.origin}/__sandbox/events/chat`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ from_name: 'Karen Mortensen' }),
		});
		const chat = (await res.json()) as Record<string, unknown>;
		expect(chat).toMatchObject({ state: 'ringing', from_name: 'Karen Mortensen', answered_at: null });

		const ringing = await run({ resource: 'chat', operation: 'getAll', limit: 1, filters: { state: 'ringing' } });
		expect(ringing.items.map((i) => i.json)).toEqual([chat]);

		const got = await run({ resource: 'chat', operation: 'get', uuid: chat.uuid as string });
		expect(got.items.map((i) => i.json)).toEqual([chat]);
	});

	it('Get Many filters the seeded chats by start time', async () => {
		const all = await run({ resource: 'chat', operation: 'getAll', returnAll: true });
		expect(all.items.length).toBeGreaterThan(20);
		const started = all.items.map((i) => Date.parse(i.json.started_at as string));
		expect(started).toEqual([...started].sort((a, b) => b - a));
		const middle = all.items[10].json.started_at as string;
		const since = await run({ resource: 'chat', operation: 'getAll', returnAll: true, filters: { startedAfter: middle } });
		expect(since.items.map((i) => i.json)).toEqual(all.items.slice(0, 11).map((i) => i.json));
	});
});

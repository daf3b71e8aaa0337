import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { MAX_RECIPIENTS } from '../../nodes/Relatel/helpers/phone';
import { readRepoFile, updateRequested, writeRepoFile } from '../helpers/files';
import { BASE_URL, runNode } from '../helpers/harness';

/**
 * Bad input, a table across operations: every row is refused with a NodeOperationError that
 * names the field and the item, before any request for that item; or, for the copy-paste
 * artefacts we clean up on purpose, sent in the cleaned form. The same table is
 * docs/bad-input.md (`UPDATE_DOCS=1 npx jest test/unit/badInput` rewrites it).
 */

const DOC = 'docs/bad-input.md';

interface Operation {
	label: string;
	parameters: INodeParameters;
	/** An item that passes every check. Rows override one or two of its fields. */
	valid: IDataObject;
}

const rl = (expression: string) => ({ __rl: true, mode: 'id', value: expression });

const OPS = {
	smsSend: {
		label: 'SMS → Send',
		parameters: { resource: 'message', operation: 'send', toNumbers: '={{ $json.to }}', body: '={{ $json.body }}' },
		valid: { to: '+45 71 99 99 99', body: 'Hej' },
	},
	dial: {
		label: 'Call → Dial',
		parameters: { resource: 'call', operation: 'dial', toNumber: '={{ $json.to }}' },
		valid: { to: '+45 71 99 99 99' },
	},
	contactCreate: {
		label: 'Contact → Create',
		parameters: {
			resource: 'contact',
			operation: 'create',
			number: '={{ $json.number }}',
			additionalFields: { name: '={{ $json.name }}' },
		},
		valid: { number: '4571999999', name: 'Mette Jensen' },
	},
	contactGet: {
		label: 'Contact → Get',
		parameters: { resource: 'contact', operation: 'get', contactId: rl('={{ $json.id }}') },
		valid: { id: 2001 },
	},
	voicemailGet: {
		label: 'Voicemail → Get',
		parameters: { resource: 'voicemail', operation: 'get', voicemailId: '={{ $json.id }}' },
		valid: { id: 401 },
	},
	commentCreate: {
		label: 'Contact Comment → Create',
		parameters: { resource: 'contactComment', operation: 'create', contactId: rl('2001'), body: '={{ $json.body }}' },
		valid: { body: 'Ring tilbage i morgen' },
	},
	callGetAll: {
		label: 'Call → Get Many',
		parameters: {
			resource: 'call',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			filters: { startedAfter: '={{ $json.from }}', startedBefore: '={{ $json.to }}' },
		},
		valid: { from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' },
	},
	callGetAllChoices: {
		label: 'Call → Get Many',
		parameters: {
			resource: 'call',
			operation: 'getAll',
			returnAll: false,
			limit: '={{ $json.limit }}',
			filters: {
				direction: '={{ $json.direction }}',
				answered: '={{ $json.answered }}',
				endpoint: rl('={{ $json.endpoint }}'),
			},
		},
		valid: { limit: 5, direction: 'incoming', answered: 'missed', endpoint: 'Reception#7' },
	},
	voicemailGetAll: {
		label: 'Voicemail → Get Many',
		parameters: {
			resource: 'voicemail',
			operation: 'getAll',
			returnAll: false,
			limit: 10,
			filters: { heard: '={{ $json.heard }}', endpoint: rl('={{ $json.endpoint }}') },
		},
		valid: { heard: 'unheard', endpoint: 'Employee#12' },
	},
	employeeUpdate: {
		label: 'Employee → Update',
		parameters: { resource: 'employee', operation: 'update', employeeId: rl('12'), updateFields: { locale: '={{ $json.locale }}' } },
		valid: { locale: 'en' },
	},
	statistics: {
		label: 'Statistic → Get',
		parameters: {
			resource: 'statistics',
			operation: 'get',
			endpointType: 'Reception',
			groupBy: 'period_day',
			start: '={{ $json.start }}',
			end: '={{ $json.end }}',
		},
		valid: { start: '2026-12-01T00:00:00Z', end: '2026-12-31T23:59:59Z' },
	},
	m2mActivate: {
		label: 'M2M Order → Activate SIM',
		parameters: {
			resource: 'm2mOrder',
			operation: 'activate',
			iccId: '={{ $json.icc }}',
			productName: 'm2m-small-one',
			description: '={{ $json.label }}',
		},
		valid: { icc: '8945 0123 4567 8901 2348', label: 'Gylletank 34' },
	},
} satisfies Record<string, Operation>;

type OpKey = keyof typeof OPS;

interface Row {
	group: string;
	op: OpKey;
	/** The field as the node UI names it. */
	field: string;
	/** How the input reads in the table (values with invisible characters or megabytes cannot be shown). */
	input: string;
	set: IDataObject;
	/** The error message (refused), or what Relatel receives (accepted). */
	refused?: string;
	sends?: { path: string; has: string };
}

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
const GSM_11_SEGMENTS = 'a'.repeat(1531);
const UCS2_EMOJI_OVER = `${'Tak for dit opkald 😊 '.repeat(35)}`; // 770 UTF-16 units: 12 segments
const GSM_PLUS_ONE_EMOJI = `${'Hej '.repeat(170)}😊`; // 680 plain characters are 5 segments; one emoji makes it UCS-2, 11 segments
const RECIPIENTS = Array.from({ length: 10_000 }, (_, i) => `+45 71 ${String(100000 + i).slice(0, 2)} ${String(100000 + i).slice(2)}`);

const phoneRows = (op: OpKey, field: string, key: string): Row[] => [
	{ group: 'Phone number', op, field, input: '`+45 71 99`', set: { [key]: '+45 71 99' }, refused: `"+45 71 99" is not a valid phone number in '${field}'` },
	{ group: 'Phone number', op, field, input: '`+45 71 99 AB CD`', set: { [key]: '+45 71 99 AB CD' }, refused: `"+45 71 99 AB CD" is not a valid phone number in '${field}'` },
	{ group: 'Phone number', op, field, input: '`71999999` (8 digits, no country code)', set: { [key]: '71999999' }, refused: `"71999999" is not a valid phone number in '${field}'` },
	{ group: 'Phone number', op, field, input: '`4571999999123456` (16 digits)', set: { [key]: '4571999999123456' }, refused: `"4571999999123456" is not a valid phone number in '${field}'` },
	{ group: 'Phone number', op, field, input: 'empty', set: { [key]: '' }, refused: `'${field}' is empty` },
];

const ROWS: Row[] = [
	...phoneRows('smsSend', 'To', 'to'),
	...phoneRows('dial', 'To Number', 'to'),
	...phoneRows('contactCreate', 'Phone Number', 'number'),
	{ group: 'Phone number', op: 'smsSend', field: 'To', input: '`4571999999, abc` (one bad number in a list)', set: { to: '4571999999, abc' }, refused: `"abc" is not a valid phone number in 'To'` },
	{ group: 'Phone number', op: 'smsSend', field: 'To', input: '`٤٥٧١٩٩٩٩٩٩` (Arabic-Indic digits)', set: { to: '٤٥٧١٩٩٩٩٩٩' }, refused: `"٤٥٧١٩٩٩٩٩٩" is not a valid phone number in 'To'` },

	{ group: 'SMS text', op: 'smsSend', field: 'Message', input: 'empty', set: { body: '' }, refused: `'Message' is empty` },
	{ group: 'SMS text', op: 'smsSend', field: 'Message', input: 'spaces and a newline', set: { body: '   \n ' }, refused: `'Message' is empty` },
	{ group: 'SMS text', op: 'smsSend', field: 'Message', input: 'only zero-width spaces (U+200B)', set: { body: '\u200B\u200B' }, refused: `'Message' is empty` },
	{ group: 'SMS text', op: 'smsSend', field: 'Message', input: '1,531 plain characters (11 GSM-7 segments)', set: { body: GSM_11_SEGMENTS }, refused: `'Message' is too long for one SMS (11 segments)` },
	{ group: 'SMS text', op: 'smsSend', field: 'Message', input: '735 characters with emoji (12 UCS-2 segments)', set: { body: UCS2_EMOJI_OVER }, refused: `'Message' is too long for one SMS (12 segments)` },
	{ group: 'SMS text', op: 'smsSend', field: 'Message', input: '680 plain characters (5 segments) + one emoji → UCS-2, 11 segments', set: { body: GSM_PLUS_ONE_EMOJI }, refused: `'Message' is too long for one SMS (11 segments)` },

	{ group: 'Date', op: 'statistics', field: 'Start', input: '`2026-13-45`', set: { start: '2026-13-45' }, refused: `"2026-13-45" is not a valid date in 'Start'` },
	{ group: 'Date', op: 'statistics', field: 'Start', input: '`2026-02-30` (JavaScript would make it 2 March)', set: { start: '2026-02-30' }, refused: `"2026-02-30" is not a valid date in 'Start'` },
	{ group: 'Date', op: 'statistics', field: 'End', input: '`tomorrow`', set: { end: 'tomorrow' }, refused: `"tomorrow" is not a valid date in 'End'` },
	{ group: 'Date', op: 'statistics', field: 'End', input: 'empty', set: { end: '' }, refused: `'End' is empty` },
	{ group: 'Date', op: 'statistics', field: 'Start', input: 'Start after End', set: { start: '2026-12-02T00:00:00Z', end: '2026-12-01T00:00:00Z' }, refused: `'Start' is after 'End'` },
	{ group: 'Date', op: 'callGetAll', field: 'Started After', input: '`2026-12-01 25:00`', set: { from: '2026-12-01 25:00' }, refused: `"2026-12-01 25:00" is not a valid date in 'Started After'` },
	{ group: 'Date', op: 'callGetAll', field: 'Started After', input: 'Started After after Started Before', set: { from: '2026-12-03T00:00:00Z', to: '2026-12-02T00:00:00Z' }, refused: `'Started After' is after 'Started Before'` },

	...([0, -5, 2.5, 'ten'] as const).map((limit): Row => ({
		group: 'Choice and number',
		op: 'callGetAllChoices',
		field: 'Limit',
		input: `\`${limit}\``,
		set: { limit },
		refused: `"${limit}" is not a valid number in 'Limit'`,
	})),
	{ group: 'Choice and number', op: 'callGetAllChoices', field: 'Direction', input: '`sideways`', set: { direction: 'sideways' }, refused: `"sideways" is not a valid value in 'Direction'` },
	{ group: 'Choice and number', op: 'callGetAllChoices', field: 'Answered', input: '`yes`', set: { answered: 'yes' }, refused: `"yes" is not a valid value in 'Answered'` },
	{ group: 'Choice and number', op: 'callGetAllChoices', field: 'Endpoint', input: '`Reception 7`', set: { endpoint: 'Reception 7' }, refused: `"Reception 7" is not a valid endpoint in 'Endpoint'` },
	{ group: 'Choice and number', op: 'voicemailGetAll', field: 'Heard', input: '`true`', set: { heard: 'true' }, refused: `"true" is not a valid value in 'Heard'` },
	{ group: 'Choice and number', op: 'voicemailGetAll', field: 'Endpoint', input: '`12`', set: { endpoint: '12' }, refused: `"12" is not a valid endpoint in 'Endpoint'` },
	{ group: 'Choice and number', op: 'employeeUpdate', field: 'Language', input: '`danish`', set: { locale: 'danish' }, refused: `"danish" is not a valid value in 'Language'` },

	...(['0', '-1', '12.5', 'abc', '1234567890123456789012345', ''] as const).flatMap((id): Row[] => [
		{
			group: 'ID',
			op: 'contactGet',
			field: 'Contact',
			input: id ? `\`${id}\`` : 'empty',
			set: { id },
			refused: id ? `"${id}" is not a valid ID in 'Contact'` : `'Contact' is empty`,
		},
	]),
	{ group: 'ID', op: 'voicemailGet', field: 'Voicemail ID', input: '`9007199254740993` (beyond what a JavaScript number holds exactly)', set: { id: '9007199254740993' }, refused: `"9007199254740993" is not a valid ID in 'Voicemail ID'` },
	{ group: 'ID', op: 'voicemailGet', field: 'Voicemail ID', input: '`12.5` (a number)', set: { id: 12.5 }, refused: `"12.5" is not a valid ID in 'Voicemail ID'` },

	{ group: 'ICC', op: 'm2mActivate', field: 'SIM Card ICC', input: '`8945 0123 4567 8901 23` (18 digits)', set: { icc: '8945 0123 4567 8901 23' }, refused: `"8945 0123 4567 8901 23" is not a valid ICC in 'SIM Card ICC': an ICC has 19 or 20 digits, and this has 18` },
	{ group: 'ICC', op: 'm2mActivate', field: 'SIM Card ICC', input: '`89450123456789012349` (wrong check digit)', set: { icc: '89450123456789012349' }, refused: `"89450123456789012349" is not a valid ICC in 'SIM Card ICC': the last digit is a check digit and should be 8 for these digits, not 9: a digit is probably mistyped` },
	{ group: 'ICC', op: 'm2mActivate', field: 'SIM Card ICC', input: '`8945O123456789012348` (letter O)', set: { icc: '8945O123456789012348' }, refused: `"8945O123456789012348" is not a valid ICC in 'SIM Card ICC': an ICC has only digits, and this has "O" in it` },
	{ group: 'ICC', op: 'm2mActivate', field: 'SIM Card ICC', input: 'empty', set: { icc: '' }, refused: `'SIM Card ICC' is empty` },

	{ group: 'Oversized', op: 'smsSend', field: 'Message', input: 'a 10 MB text', set: { body: TEN_MB }, refused: `'Message' is too long for one SMS (10,485,760 characters)` },
	{ group: 'Oversized', op: 'smsSend', field: 'To', input: 'a 10 MB text', set: { to: TEN_MB }, refused: `"${TEN_MB.slice(0, 40)}" is not a valid phone number in 'To'` },
	{ group: 'Oversized', op: 'smsSend', field: 'To', input: `10,000 recipients in one item (at most ${MAX_RECIPIENTS.toLocaleString('en-US')})`, set: { to: RECIPIENTS }, refused: `'To' has too many numbers (10,000)` },
	{ group: 'Oversized', op: 'commentCreate', field: 'Comment', input: 'a 10 MB text (at most 65,535 characters)', set: { body: TEN_MB }, refused: `'Comment' is too long (10,485,760 characters)` },
	{ group: 'Oversized', op: 'contactCreate', field: 'Name', input: 'a 10 MB text (at most 65,535 characters)', set: { name: TEN_MB }, refused: `'Name' is too long (10,485,760 characters)` },
	{ group: 'Oversized', op: 'm2mActivate', field: 'Description', input: 'a 10 MB text (at most 255 characters)', set: { label: TEN_MB }, refused: `'Description' is too long (10,485,760 characters)` },
	{ group: 'Oversized', op: 'contactGet', field: 'Contact', input: 'a 10 MB text', set: { id: TEN_MB }, refused: `"${TEN_MB.slice(0, 40)}" is not a valid ID in 'Contact'` },
	{ group: 'Oversized', op: 'm2mActivate', field: 'SIM Card ICC', input: 'a 10 MB text', set: { icc: TEN_MB }, refused: `"${TEN_MB.slice(0, 40)}" is not a valid ICC in 'SIM Card ICC': an ICC has only digits, and this has "x" in it` },

	// Copy-paste artefacts: cleaned up on purpose (see nodes/Relatel/helpers/text.ts).
	{ group: 'Unicode', op: 'smsSend', field: 'To', input: 'right-to-left mark (U+200F) before `+45 71 99 99 99`', set: { to: '\u200F+45 71 99 99 99' }, sends: { path: '/messages', has: '"to_numbers":["4571999999"]' } },
	{ group: 'Unicode', op: 'smsSend', field: 'To', input: 'zero-width spaces (U+200B) inside `45 71 99 99 99`', set: { to: '45\u200B71\u200B99\u200B99\u200B99' }, sends: { path: '/messages', has: '"to_numbers":["4571999999"]' } },
	{ group: 'Unicode', op: 'smsSend', field: 'To', input: 'full-width digits `４５７１９９９９９９`', set: { to: '４５７１９９９９９９' }, sends: { path: '/messages', has: '"to_numbers":["4571999999"]' } },
	{ group: 'Unicode', op: 'dial', field: 'To Number', input: 'en dashes `+45 71–99–99–99` (from a word processor)', set: { to: '+45 71–99–99–99' }, sends: { path: '/switch/dial', has: '"to_number":"4571999999"' } },
	{ group: 'Unicode', op: 'contactGet', field: 'Contact', input: 'full-width `２００１` with a byte order mark (U+FEFF)', set: { id: '\uFEFF２００１' }, sends: { path: '/contacts/2001', has: '' } },
	{ group: 'Unicode', op: 'm2mActivate', field: 'SIM Card ICC', input: 'left-to-right marks (U+200E) around the ICC', set: { icc: '\u200E8945 0123 4567 8901 2348\u200E' }, sends: { path: '/m2m/orders/activate', has: '"icc_id":"89450123456789012348"' } },
	{ group: 'Unicode', op: 'smsSend', field: 'Message', input: 'right-to-left text (Arabic) with an RTL mark', set: { body: '\u200Fمرحبا' }, sends: { path: '/messages', has: '"body":"\u200Fمرحبا"' } },
];

/** Every request that reached "Relatel", as `METHOD path body`. */
const requests: string[] = [];

beforeAll(() => {
	if (!nock.isActive()) nock.activate();
	nock.disableNetConnect();
	for (const method of ['get', 'post', 'put', 'delete'] as const) {
		const scope = nock(BASE_URL).persist();
		scope[method](/.*/).reply(function (uri, body) {
				const path = uri.replace('/api/v2', '');
				requests.push(`${this.req.method} ${path} ${typeof body === 'string' ? body : JSON.stringify(body ?? '')}`);
				// Enough of an answer for every operation in the table to succeed on a good item.
				return [200, path === '/employee' ? { employee: { id: 1 } } : {}];
			});
	}
	nock.emitter.on('no match', (req: { method?: string; path?: string }) => requests.push(`UNMATCHED ${req.method} ${req.path}`));
});

afterAll(() => {
	nock.cleanAll();
	nock.restore();
});

beforeEach(() => {
	requests.length = 0;
});

async function run(op: Operation, items: IDataObject[]) {
	return await runNode({ parameters: op.parameters, items });
}

describe('bad input is refused before any request, naming the field and the item', () => {
	const refused = ROWS.filter((row) => row.refused);

	it.each(refused.map((row) => [`${OPS[row.op].label} · ${row.field} · ${row.input}`, row] as const))('%s', async (_name, row) => {
		const op = OPS[row.op];
		const bad = { ...op.valid, ...row.set };

		// Alone: refused as item 0, nothing sent.
		const alone = await run(op, [bad]);
		expect(alone.error?.name).toBe('NodeOperationError');
		expect(alone.error?.message).toBe(row.refused);
		expect(alone.error?.message).toContain(`'${row.field}'`);
		expect(alone.error?.context?.itemIndex).toBe(0);
		expect(alone.error?.description ?? '').toMatch(/Nothing was sent to Relatel\.$/);
		expect(requests).toEqual([]);

		// After a good item: the good item is sent, the bad one is refused as item 1 and sends nothing.
		expect((await run(op, [op.valid])).error).toBeUndefined();
		const goodOnly = requests.splice(0);
		expect(goodOnly.length).toBeGreaterThan(0);
		const second = await run(op, [op.valid, bad]);
		expect(second.error?.message).toBe(row.refused);
		expect(second.error?.context?.itemIndex).toBe(1);
		expect(requests).toEqual(goodOnly);
	});
});

describe('copy-paste artefacts are cleaned, and what is sent shows it', () => {
	const cleaned = ROWS.filter((row) => row.sends);

	it.each(cleaned.map((row) => [`${OPS[row.op].label} · ${row.field} · ${row.input}`, row] as const))('%s', async (_name, row) => {
		const op = OPS[row.op];
		const { error } = await run(op, [{ ...op.valid, ...row.set }]);
		expect(error).toBeUndefined();
		expect(requests).toHaveLength(1);
		const [method, path, ...body] = requests[0].split(' ');
		expect(method).not.toBe('UNMATCHED');
		expect(path.split('?')[0]).toBe(row.sends!.path);
		expect(body.join(' ')).toContain(row.sends!.has);
	});
});

function escapeCell(text: string): string {
	return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function renderDoc(): string {
	const lines = [
		'# Bad input: what the Relatel node refuses and what it cleans up',
		'',
		'<!-- generated by test/unit/badInput.test.ts: `UPDATE_DOCS=1 npx jest test/unit/badInput` -->',
		'',
		'Every row below is a unit test (`test/unit/badInput.test.ts`). A **refused** input fails',
		'its item with the error shown, naming the field, before anything is sent to Relatel — the',
		'test proves no request leaves n8n for that item, also when an earlier item was sent. With',
		'*Continue On Fail* the item becomes an `{ error, details }` item and the next one goes on.',
		'',
		'Decisions:',
		'',
		'- **Phone numbers** need the country code (`+45 71 99 99 99`); 9 to 15 digits. Spaces, dashes',
		'  (also en dashes from word processors), dots, brackets, `+` and `00` are fine.',
		'- **Copy-paste artefacts are cleaned, not refused**: invisible formatting characters',
		'  (right-to-left and left-to-right marks, zero-width spaces, byte order marks) are removed',
		'  from phone numbers, IDs and ICCs, and full-width digits (`４５`) become `45` (Unicode',
		'  NFKC). They cannot be seen in the field and carry no meaning in a number. Digits of other',
		'  scripts and letters are refused. The SMS text itself is sent as written.',
		'- **Caps**: an SMS has at most 10 segments (1,530 plain characters, 670 with emoji); one',
		`  item sends to at most ${MAX_RECIPIENTS.toLocaleString('en-US')} numbers (more is one request n8n could not safely`,
		'  resend: split the list into items); free text (names, comments) has at most 65,535',
		'  characters, labels 255; a number, ID or ICC field longer than 100 characters is refused',
		'  without being parsed.',
		'- **IDs** are whole numbers above 0 up to 9,007,199,254,740,991 (larger ones would change in',
		'  JavaScript). **Dates** are ISO 8601 (`2026-12-01T09:30:00Z`) and must exist in the calendar.',
		'- **ICCs** have 19 or 20 digits, start with 89 and end in their Luhn check digit; *Options →',
		"  Verify Check Digit* turns the last rule off (Relatel's own example ICC has no valid one).",
		'- **Dropdowns filled by an expression** (or an AI agent) must hold one of their values, and',
		'  **Limit** a whole number of at least 1: anything else is refused instead of being read as',
		'  another choice or as *Return All*. Endpoints are written `Type#ID` (`Reception#7`).',
		'',
		'| What | Operation · field | Input | Outcome |',
		'|---|---|---|---|',
	];
	for (const row of ROWS) {
		const outcome = row.refused
			? `Refused: *${escapeCell(row.refused.length > 120 ? `${row.refused.slice(0, 117)}…` : row.refused)}*`
			: `Cleaned and sent: \`${escapeCell(row.sends!.has || row.sends!.path)}\``;
		lines.push(`| ${row.group} | ${OPS[row.op].label} · ${row.field} | ${escapeCell(row.input)} | ${outcome} |`);
	}
	return `${lines.join('\n')}\n`;
}

describe('docs/bad-input.md', () => {
	it('is the table this test runs', () => {
		const doc = renderDoc();
		if (updateRequested()) writeRepoFile(DOC, doc);
		expect(readRepoFile(DOC)).toBe(doc);
	});
});

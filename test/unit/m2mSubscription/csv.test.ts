import { CsvError, decimal, integer, parseCsv, parseCsvRows } from '../../../nodes/Relatel/helpers/csv';

describe('parseCsvRows', () => {
	it.each<[string, string, string[][]]>([
		['plain fields, LF', 'a,b,c\n1,2,3\n', [['a', 'b', 'c'], ['1', '2', '3']]],
		['CRLF and no final line break', 'a,b\r\n1,2', [['a', 'b'], ['1', '2']]],
		['old Mac CR', 'a,b\r1,2\r', [['a', 'b'], ['1', '2']]],
		['quoted comma', '"x, y",z', [['x, y', 'z']]],
		['doubled quotes', '"say ""hej""",2', [['say "hej"', '2']]],
		['line breaks inside quotes', '"line 1\r\nline 2",x\n', [['line 1\r\nline 2', 'x']]],
		['empty fields', ',,\n', [['', '', '']]],
		['a quoted empty field is a row, not a blank line', '""\n', [['']]],
		['blank lines are skipped', 'a\n\n\r\nb\n', [['a'], ['b']]],
		['byte order mark', '\ufeffa,b\n', [['a', 'b']]],
		['spaces after a closing quote', '"a" ,b', [['a', 'b']]],
		['unicode', '"Søren Kierkegaard",æøå', [['Søren Kierkegaard', 'æøå']]],
		['empty text', '', []],
	])('%s', (_name, text, rows) => {
		expect(parseCsvRows(text)).toEqual(rows);
	});

	it.each([
		['"open', 'Line 1: a quoted field is not closed'],
		['a\n"x"y', 'Line 2: text after the closing quote of a field'],
		['ab"c', 'Line 1: a quote in the middle of a field that is not quoted'],
	])('%j fails: %s', (text, message) => {
		expect(() => parseCsvRows(text)).toThrow(new CsvError(message));
	});
});

describe('parseCsv', () => {
	it('objects keyed by the header, typed columns, empty → null', () => {
		const text = 'id,count,amount,when,note\r\n7,"12","5.34","2024-01-05",\r\n8,"",-0.5,"","x"\r\n';
		expect(parseCsv(text, { id: integer, count: integer, amount: decimal })).toEqual([
			{ id: 7, count: 12, amount: 5.34, when: '2024-01-05', note: null },
			{ id: 8, count: null, amount: -0.5, when: null, note: 'x' },
		]);
	});

	it('a value that is not a number stays text (nothing is lost)', () => {
		expect(parseCsv('count,amount\nn/a,"1,5"\n', { count: integer, amount: decimal })).toEqual([{ count: 'n/a', amount: '1,5' }]);
	});

	it('long digit strings stay text unless typed, and are never rounded', () => {
		expect(parseCsv('icc\n89450123456789012348\n')).toEqual([{ icc: '89450123456789012348' }]);
		expect(parseCsv('n\n89450123456789012348\n', { n: integer })).toEqual([{ n: '89450123456789012348' }]);
	});

	it('a short row fills the missing columns with null; a long row fails', () => {
		expect(parseCsv('a,b,c\n1\n')).toEqual([{ a: '1', b: null, c: null }]);
		expect(() => parseCsv('a\n1,2\n')).toThrow('Row 1 has 2 fields, the header has 1');
	});

	it('only a header: no rows', () => {
		expect(parseCsv('a,b\r\n')).toEqual([]);
	});
});

/**
 * A small RFC 4180 CSV reader for the files Relatel answers with (M2M charges): fields
 * separated by commas, optionally in double quotes; inside quotes a comma, a line break
 * and a doubled quote ("") are part of the field. Lines end in CRLF, LF or CR.
 */

export class CsvError extends Error {}

/** The rows of a CSV text, each a list of fields. Blank lines are skipped, a BOM is ignored. */
export function parseCsvRows(text: string): string[][] {
	const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let inQuotes = false;
	// The current field was quoted: `""` is an empty field, not a blank line.
	let wasQuoted = false;
	let line = 1;

	const endField = () => {
		row.push(field);
		field = '';
	};
	const endRow = () => {
		const blank = row.length === 0 && field === '' && !wasQuoted;
		endField();
		if (!blank) rows.push(row);
		row = [];
		wasQuoted = false;
	};

	for (let i = 0; i < source.length; i++) {
		const char = source[i];
		if (inQuotes) {
			if (char === '"' && source[i + 1] === '"') {
				field += '"';
				i++;
			} else if (char === '"') {
				inQuotes = false;
			} else {
				if (char === '\n') line++;
				field += char;
			}
		} else if (char === ',') {
			endField();
			wasQuoted = false;
		} else if (char === '\r' || char === '\n') {
			if (char === '\r' && source[i + 1] === '\n') i++;
			endRow();
			line++;
		} else if (wasQuoted) {
			// Spaces after a closing quote are harmless; anything else is a broken file.
			if (char === ' ' || char === '\t') continue;
			throw new CsvError(`Line ${line}: text after the closing quote of a field`);
		} else if (char === '"') {
			if (field !== '') throw new CsvError(`Line ${line}: a quote in the middle of a field that is not quoted`);
			inQuotes = true;
			wasQuoted = true;
		} else {
			field += char;
		}
	}
	if (inQuotes) throw new CsvError(`Line ${line}: a quoted field is not closed`);
	// The last line, when the text does not end with a line break.
	if (row.length > 0 || field !== '' || wasQuoted) endRow();
	return rows;
}

export type CsvValue = string | number | null;
export type CsvConverter = (value: string) => CsvValue;

/** A whole number, or the text unchanged when it is not one (no data is lost). */
export const integer: CsvConverter = (value) => (/^-?\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : value);

/** A decimal number (`5.34`, `-0.5`, `1e3`), or the text unchanged when it is not one. */
export const decimal: CsvConverter = (value) =>
	/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value.trim()) ? Number(value.trim()) : value;

/**
 * One object per data row, keyed by the header row. Empty fields become null; a column
 * listed in `types` is converted, every other column stays text (phone numbers and ICCs
 * keep their digits). Fails on a row with more fields than the header.
 */
export function parseCsv(text: string, types: Record<string, CsvConverter> = {}): Array<Record<string, CsvValue>> {
	const [header, ...rows] = parseCsvRows(text);
	if (!header) return [];
	const columns = header.map((name) => name.trim());
	return rows.map((fields, index) => {
		if (fields.length > columns.length) {
			throw new CsvError(`Row ${index + 1} has ${fields.length} fields, the header has ${columns.length}`);
		}
		const record: Record<string, CsvValue> = {};
		columns.forEach((column, i) => {
			const value = fields[i];
			if (value === undefined || value === '') record[column] = null;
			else record[column] = types[column] ? types[column](value) : value;
		});
		return record;
	});
}

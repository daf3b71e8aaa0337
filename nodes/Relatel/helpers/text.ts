/**
 * What copy-paste brings along with numbers, IDs and ICCs, and how it is handled:
 *
 * - Invisible formatting characters (Unicode category Cf: right-to-left and left-to-right
 *   marks, zero-width spaces and joiners, the byte order mark, soft hyphens) carry no
 *   meaning in a number. Web pages, spreadsheets and chat apps add them around numbers, and
 *   they cannot be seen in the field, so they are removed.
 * - Full-width digits (`４５７１９９９９９９`, typed with a Chinese or Japanese keyboard) are
 *   the same digits: Unicode NFKC turns them into `4571999999`.
 * - Everything else that is not a digit (letters, other scripts' digits) is refused.
 */
const INVISIBLE = /\p{Cf}/gu;
const CONTROL = /[\p{Cc}\p{Cf}]/gu;

/** Longer than this, a number, ID or ICC field holds something else (a document, a list). */
export const MAX_NUMBER_INPUT = 100;

/** NFKC without invisible formatting characters: `\u200F+４５ 71\u200B99…` → `+45 7199…`. */
export function cleanNumberInput(text: string): string {
	return text.normalize('NFKC').replace(INVISIBLE, '');
}

/** A user's value as an error message may quote it: no control or invisible characters, at most `max` characters. */
export function quoted(value: unknown, max = 40): string {
	return String(value ?? '')
		.slice(0, max * 2)
		.replace(CONTROL, '')
		.slice(0, max);
}

/** True when a text has nothing visible in it: only whitespace and invisible formatting characters. */
export function isBlank(text: string): boolean {
	return text.replace(CONTROL, '').trim() === '';
}

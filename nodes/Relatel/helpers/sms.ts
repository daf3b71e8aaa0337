/**
 * SMS cost preview: which encoding a text needs and how many segments (billing units per
 * recipient) it becomes, per the GSM 03.38 / concatenated SMS rules Relatel bills by.
 */
const GSM_BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
	'¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';

const basic = new Set(Array.from(GSM_BASIC));
const extended = new Set(Array.from(GSM_EXTENDED));

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsInfo {
	encoding: SmsEncoding;
	/** Characters as the user sees them. */
	characters: number;
	/** Segments per recipient: what one recipient costs in Relatel SMS units. */
	segments: number;
}

/** Largest text we send: 10 segments. Longer texts are usually a mistake (a whole document). */
export const MAX_SEGMENTS = 10;

/**
 * Segments for a text whose characters take `sizes` units each. One segment holds `single`
 * units; a longer text is split into segments of `multi` units (the rest carries the
 * concatenation header), and a character never straddles two segments: an escaped GSM
 * character (2 septets) or an emoji (2 UTF-16 units) that does not fit starts the next one.
 */
function segmentCount(sizes: number[], single: number, multi: number): number {
	const total = sizes.reduce((sum, size) => sum + size, 0);
	if (total <= single) return 1;
	let segments = 1;
	let used = 0;
	for (const size of sizes) {
		if (used + size > multi) {
			segments++;
			used = 0;
		}
		used += size;
	}
	return segments;
}

export function smsInfo(text: string): SmsInfo {
	const chars = Array.from(text);
	const isGsm = chars.every((char) => basic.has(char) || extended.has(char));
	if (isGsm) {
		// Extended characters take an escape + the character: two septets.
		const septets = chars.map((char) => (extended.has(char) ? 2 : 1));
		return { encoding: 'GSM-7', characters: chars.length, segments: segmentCount(septets, 160, 153) };
	}
	// UCS-2 counts UTF-16 code units: an emoji takes two.
	const units = chars.map((char) => char.length);
	return { encoding: 'UCS-2', characters: chars.length, segments: segmentCount(units, 70, 67) };
}

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

export function smsInfo(text: string): SmsInfo {
	const chars = Array.from(text);
	const isGsm = chars.every((char) => basic.has(char) || extended.has(char));
	if (isGsm) {
		// Extended characters take an escape + the character: two septets.
		const septets = chars.reduce((sum, char) => sum + (extended.has(char) ? 2 : 1), 0);
		return {
			encoding: 'GSM-7',
			characters: chars.length,
			segments: septets <= 160 ? 1 : Math.ceil(septets / 153),
		};
	}
	// UCS-2 counts UTF-16 code units: an emoji takes two.
	const units = text.length;
	return {
		encoding: 'UCS-2',
		characters: chars.length,
		segments: units <= 70 ? 1 : Math.ceil(units / 67),
	};
}

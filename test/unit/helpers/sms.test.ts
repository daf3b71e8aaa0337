import { smsInfo } from '../../../nodes/Relatel/helpers/sms';

/** Segment counts at the edges of the GSM 03.38 and UCS-2 rules (what one recipient costs). */
describe('SMS encoding and segments', () => {
	it.each([
		['empty', '', 'GSM-7', 1],
		['160 plain characters', 'a'.repeat(160), 'GSM-7', 1],
		['161 plain characters', 'a'.repeat(161), 'GSM-7', 2],
		['306 plain characters (2 × 153)', 'a'.repeat(306), 'GSM-7', 2],
		['307 plain characters', 'a'.repeat(307), 'GSM-7', 3],
		['1,530 plain characters (10 × 153)', 'a'.repeat(1530), 'GSM-7', 10],
		['Danish letters are GSM-7: 160 × æøå', 'æøå'.repeat(53) + 'Æ', 'GSM-7', 1],
		['80 × € (2 septets each) = 160 septets', '€'.repeat(80), 'GSM-7', 1],
		['81 × € = 162 septets', '€'.repeat(81), 'GSM-7', 2],
		['{ and ] count double too: 159 + "{"', `${'a'.repeat(159)}{`, 'GSM-7', 2],
		// 306 septets, but the escape pair of € cannot be split: 152 | 2 + 151 | 1.
		['an escaped character on a segment edge moves to the next segment', `${'a'.repeat(152)}€${'a'.repeat(152)}`, 'GSM-7', 3],
		['70 Cyrillic characters', 'ж'.repeat(70), 'UCS-2', 1],
		['71 Cyrillic characters', 'ж'.repeat(71), 'UCS-2', 2],
		['134 Cyrillic characters (2 × 67)', 'ж'.repeat(134), 'UCS-2', 2],
		['135 Cyrillic characters', 'ж'.repeat(135), 'UCS-2', 3],
		['35 emoji (2 UTF-16 units each) = 70 units', '😊'.repeat(35), 'UCS-2', 1],
		['36 emoji = 72 units', '😊'.repeat(36), 'UCS-2', 2],
		// 134 units, but the emoji's surrogate pair cannot be split: 66 | 2 + 65 | 1.
		['an emoji on a segment edge moves to the next segment', `${'ж'.repeat(66)}😊${'ж'.repeat(66)}`, 'UCS-2', 3],
		['one emoji makes a plain text UCS-2', `${'a'.repeat(69)}😊`, 'UCS-2', 2],
	] as const)('%s → %s, %i segment(s)', (_name, text, encoding, segments) => {
		expect(smsInfo(text)).toMatchObject({ encoding, segments });
	});

	it('counts characters as the user sees them (an emoji is one)', () => {
		expect(smsInfo('Hej 😊').characters).toBe(5);
	});
});

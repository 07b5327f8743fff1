/**
 * GSM 03.38 default alphabet. A text made only of these characters travels as GSM-7 (160 per SMS,
 * 153 per part); anything else forces UCS-2 (70, 67). Extension characters cost two septets.
 */
const GSM7_BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENDED = '^{}\\[~]|€\f';
const basic = new Set(GSM7_BASIC);
const extended = new Set(GSM7_EXTENDED);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsEstimate {
	encoding: SmsEncoding;
	characters: number;
	parts: number;
}

/** The part count SMSC will bill for one recipient, before any translit or link shortening. */
export function estimateSms(text: string): SmsEstimate {
	const chars = Array.from(text);
	let septets = 0;
	let gsm = true;
	for (const char of chars) {
		if (basic.has(char)) septets += 1;
		else if (extended.has(char)) septets += 2;
		else {
			gsm = false;
			break;
		}
	}
	if (gsm) {
		return {
			encoding: 'GSM-7',
			characters: chars.length,
			parts: septets <= 160 ? 1 : Math.ceil(septets / 153),
		};
	}
	const units = text.length;
	return {
		encoding: 'UCS-2',
		characters: chars.length,
		parts: units <= 70 ? 1 : Math.ceil(units / 67),
	};
}

/** SMSC keeps text after this marker in the account history only; the recipient never sees it. */
export const COMMENT_SEPARATOR = '\n~~~\n';

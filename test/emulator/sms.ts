/**
 * Message arithmetic the emulator needs: GSM-7 / UCS-2 detection, SMS part counting, phone
 * normalisation, transliteration and a tiny numbering plan (mcc/mnc, country, operator) for
 * recipients. Independent of `nodes/shared/smsc/sms.ts` on purpose.
 */

const GSM_BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXT = '^{}\\[~]|€\f';
const basic = new Set(Array.from(GSM_BASIC));
const ext = new Set(Array.from(GSM_EXT));

export interface PartInfo {
	encoding: 'gsm7' | 'ucs2';
	/** septets (GSM-7) or UTF-16 code units (UCS-2) */
	length: number;
	parts: number;
}

export function isGsm7(text: string): boolean {
	for (const ch of text) if (!basic.has(ch) && !ext.has(ch)) return false;
	return true;
}

/** 160 / 153 septets per part for GSM-7, 70 / 67 UTF-16 units for UCS-2. */
export function countParts(text: string): PartInfo {
	if (isGsm7(text)) {
		let n = 0;
		for (const ch of text) n += ext.has(ch) ? 2 : 1;
		return { encoding: 'gsm7', length: n, parts: n <= 160 ? 1 : Math.ceil(n / 153) };
	}
	const n = text.length;
	return { encoding: 'ucs2', length: n, parts: n <= 70 ? 1 : Math.ceil(n / 67) };
}

/** Cut `text` so that it fits into `maxParts` parts (the `maxsms` parameter). */
export function truncateToParts(text: string, maxParts: number): string {
	if (countParts(text).parts <= maxParts) return text;
	const gsm = isGsm7(text);
	const limit = maxParts === 1 ? (gsm ? 160 : 70) : maxParts * (gsm ? 153 : 67);
	if (!gsm) return text.slice(0, limit);
	let n = 0;
	let out = '';
	for (const ch of text) {
		const w = ext.has(ch) ? 2 : 1;
		if (n + w > limit) break;
		n += w;
		out += ch;
	}
	return out;
}

/** The comment separator ("Комментарии в SMS-сообщениях", SMPP page "Отправка сообщения"): text after "\n~~~\n" is kept in history only. */
export function splitComment(mes: string): { text: string; comment: string } {
	const i = mes.indexOf('\n~~~\n');
	if (i === -1) return { text: mes, comment: '' };
	return { text: mes.slice(0, i), comment: mes.slice(i + 5) };
}

const TRANSLIT: Record<string, string> = {
	а: 'a',
	б: 'b',
	в: 'v',
	г: 'g',
	д: 'd',
	е: 'e',
	ё: 'e',
	ж: 'zh',
	з: 'z',
	и: 'i',
	й: 'y',
	к: 'k',
	л: 'l',
	м: 'm',
	н: 'n',
	о: 'o',
	п: 'p',
	р: 'r',
	с: 's',
	т: 't',
	у: 'u',
	ф: 'f',
	х: 'h',
	ц: 'c',
	ч: 'ch',
	ш: 'sh',
	щ: 'sch',
	ъ: '',
	ы: 'y',
	ь: "'",
	э: 'e',
	ю: 'yu',
	я: 'ya',
	є: 'ye',
	і: 'i',
	ї: 'yi',
	ґ: 'g',
	қ: 'k',
	ң: 'n',
	ғ: 'g',
	ү: 'u',
	ұ: 'u',
	һ: 'h',
	ә: 'a',
	ө: 'o',
};
const LOOKALIKE: Record<string, string> = {
	а: 'a',
	в: 'B',
	е: 'e',
	к: 'K',
	м: 'M',
	н: 'H',
	о: 'o',
	р: 'p',
	с: 'c',
	т: 'm',
	у: 'y',
	х: 'x',
	и: 'u',
	л: 'JI',
	п: 'n',
	ш: 'w',
	ь: 'b',
	я: '9I',
	д: 'D',
	г: 'r',
	з: '3',
	б: '6',
	ч: '4',
};

/** translit=1 → "translit", translit=2 → look-alike Latin ("mpaHc/Ium"-style). */
export function transliterate(text: string, mode: number): string {
	if (mode !== 1 && mode !== 2) return text;
	let out = '';
	for (const ch of text) {
		const lower = ch.toLowerCase();
		const isUpper = lower !== ch;
		let t = (mode === 2 ? LOOKALIKE[lower] : undefined) ?? TRANSLIT[lower];
		if (t === undefined) {
			out += ch;
			continue;
		}
		if (isUpper && mode === 1) t = t.charAt(0).toUpperCase() + t.slice(1);
		out += t;
	}
	return out;
}

/**
 * Normalise one recipient. Accepts digits with an optional leading `+` and the separators people
 * type (spaces, dashes, parentheses, dots); 10–15 digits. Without `+` the Russian auto-correction
 * applies (8XXXXXXXXXX → 7XXXXXXXXXX, 9XXXXXXXXX → 79XXXXXXXXX). Returns digits only, or null.
 */
export function normalizePhone(raw: string): string | null {
	const s = raw.trim().replace(/[\s\-().]/g, '');
	const m = /^(\+?)(\d{10,15})$/.exec(s);
	if (!m) return null;
	let digits = m[2];
	if (!m[1]) {
		if (digits.length === 11 && digits.startsWith('8')) digits = '7' + digits.slice(1);
		else if (digits.length === 10 && digits.startsWith('9')) digits = '7' + digits;
	}
	return digits;
}

export interface NumberInfo {
	mccmnc: string;
	mcc: string;
	mnc: string;
	country: string;
	operator: string;
	region: string;
}

/** Prefix, MCC, country, then four networks as `MNC operator`: the number's last digit picks one. */
const PLAN: Array<[string, string, string, ...string[]]> = [
	['77', '401', 'Kazakhstan', '01 Beeline KZ', '02 Kcell', '07 Altel', '77 Tele2 KZ'],
	['7', '250', 'Russia', '01 MTS', '02 MegaFon', '99 Beeline', '20 Tele2'],
	['380', '255', 'Ukraine', '01 Vodafone UA', '03 Kyivstar', '06 lifecell', '07 3Mob'],
	['375', '257', 'Belarus', '01 A1', '02 MTS BY', '04 life:)', '01 A1'],
	['992', '436', 'Tajikistan', '01 Tcell', '02 Tcell', '03 MegaFon TJ', '04 Babilon-M'],
	['998', '434', 'Uzbekistan', '04 Beeline UZ', '05 Ucell', '07 UMS', '08 Uzmobile'],
	['44', '234', 'United Kingdom', '10 O2', '15 Vodafone', '20 Three', '30 EE'],
	['49', '262', 'Germany', '01 Telekom', '02 Vodafone DE', '03 O2 DE', '07 O2 DE'],
	['1', '310', 'USA', '260 T-Mobile', '410 AT&T', '120 Sprint', '004 Verizon'],
];

/** Deterministic numbering-plan facts for a normalised phone. */
export function numberInfo(phone: string): NumberInfo {
	for (const [prefix, mcc, country, ...networks] of PLAN) {
		if (phone.startsWith(prefix)) {
			const network = networks[Number(phone.charAt(phone.length - 1)) % networks.length];
			const [, mnc, operator] = /^(\d+) (.+)$/.exec(network)!;
			return { mcc, mnc, mccmnc: mcc + mnc, country, operator, region: '' };
		}
	}
	return {
		mcc: '000',
		mnc: '00',
		mccmnc: '00000',
		country: 'Unknown',
		operator: 'Unknown',
		region: '',
	};
}

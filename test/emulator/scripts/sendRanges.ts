/**
 * The ranges and value lists SMSC's send page ("Відправка SMS-повідомлення") states for send.php
 * parameters, enforced on their own so the emulator refuses what the page refuses whatever the
 * client checks. The page gives no error code for a value out of range; error 1 ("error in the
 * parameters") is a guess.
 */

/** Flags the page lists as 0 or 1 (`bin` and `translit` also take 2; `cost` is checked by send). */
const ZERO_ONE = [
	'flash',
	'push',
	'hlr',
	'ping',
	'mms',
	'mail',
	'soc',
	'viber',
	'whatsapp',
	'call',
	'tinyurl',
	'err',
	'op',
	'nl',
];
const ZERO_ONE_TWO = ['bin', 'translit'];

/** "m, m2, m3, m4, w, w2, w3, w4", optionally with a language "in the form "m, en", "w, fr"". */
const VOICE = /^(m|m2|m3|m4|w|w2|w3|w4)(,\s?[a-z]{2})?$/;
/** `bot`: "in the format "@botname_bot"" (the `_bot` ending is Telegram's rule, not enforced). */
const BOT = /^@[A-Za-z0-9_]{1,64}$/;

function number(raw: string): number | undefined {
	return /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : undefined;
}

/** Whether every documented range holds; `p` are the request's parameters after decoding. */
export function withinDocumentedRanges(p: Record<string, string | undefined>): boolean {
	const given = (name: string) => p[name] !== undefined && p[name] !== '';
	for (const name of ZERO_ONE) if (given(name) && !['0', '1'].includes(p[name]!)) return false;
	for (const name of ZERO_ONE_TWO)
		if (given(name) && !['0', '1', '2'].includes(p[name]!)) return false;
	// period: "a number from 0.1 to 720 hours"; freq: "from 1 to 1440 minutes"
	if (given('period')) {
		const period = number(p.period!);
		if (period === undefined || period < 0.1 || period > 720) return false;
	}
	if (given('freq')) {
		const freq = number(p.freq!);
		if (freq === undefined || freq < 1 || freq > 1440) return false;
	}
	// maxsms: "the maximum number of SMS" a message may be split into; no bound is stated
	if (given('maxsms') && !(/^\d+$/.test(p.maxsms!) && Number(p.maxsms) >= 1)) return false;
	if (given('voice') && !VOICE.test(p.voice!)) return false;
	if (given('bot') && !BOT.test(p.bot!)) return false;
	return true;
}

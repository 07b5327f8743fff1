/**
 * SMSC's rules for what it accepts, each stated once, with the page of SMSC's API documentation
 * ("Интеграция с сервисом (API)") that states it.
 */

/** send.php takes at most 1000 characters in `mes` (SMSC page "Відправка SMS-повідомлення"). */
export const MAX_MESSAGE_LENGTH = 1000;

/** The length SMSC counts in `mes`: characters (code points), so an emoji is one, not two UTF-16 units. */
export function messageLength(mes: string): number {
	return Array.from(mes).length;
}

/** `valid` (SMSC page "Відправка SMS-повідомлення"): 1 to 24 hours, or hh:mm from 00:01 to 24:00. */
export function validValidity(raw: string): boolean {
	if (/^\d{1,2}$/.test(raw)) return Number(raw) >= 1 && Number(raw) <= 24;
	const time = /^(\d{1,2}):(\d{2})$/.exec(raw);
	if (!time || Number(time[2]) > 59) return false;
	const minutes = Number(time[1]) * 60 + Number(time[2]);
	return minutes >= 1 && minutes <= 24 * 60;
}

/**
 * `tz`, hours from Moscow, "positive or negative" (SMSC page "Відправка SMS-повідомлення"). The page
 * gives no range; -15 to 11 covers every zone on Earth (UTC-12 to UTC+14) — a guess.
 */
export function validTimeZone(raw: string): boolean {
	if (!/^[+-]?\d{1,2}(\.\d+)?$/.test(raw)) return false;
	const hours = Number(raw);
	return hours >= -15 && hours <= 11;
}

/**
 * Spreading a send (SMSC page "Відправка SMS-повідомлення"): `period` "a number from 0.1 to 720
 * hours", `freq` "from 1 to 1440 minutes".
 */
export const PERIOD_HOURS = { min: 0.1, max: 720 } as const;
export const FREQ_MINUTES = { min: 1, max: 1440 } as const;

/** The numbers a field takes; `whole` when only whole numbers; `max` may be Infinity. */
export interface NumberRange {
	readonly min: number;
	readonly max: number;
	readonly whole?: boolean;
}

/** An unset value: undefined, null, or text of nothing but spaces. */
export function blank(raw: unknown): boolean {
	return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/** A count: a whole number of 1 or more (Limit, Max SMS Parts, a group's number). */
export const ONE_OR_MORE: NumberRange = { min: 1, max: Infinity, whole: true };

/** Whether `raw` is a number within `range` (and a whole one when the range says so); blank is not. */
export function inRange(raw: unknown, range: NumberRange): boolean {
	const n = blank(raw) ? NaN : Number(raw);
	return (
		Number.isFinite(n) && n >= range.min && n <= range.max && (!range.whole || Number.isInteger(n))
	);
}

/** The one wording of a field left empty; `hint` says what to enter, e.g. `Enter the code SMSC sent.` */
export function emptyField(field: string, hint?: string): string {
	return hint === undefined ? `The ${field} is empty.` : `The ${field} is empty. ${hint}`;
}

/**
 * The one wording of a value outside its range, e.g. `Limit "0" is not a whole number of 1 or
 * more.`; `field` is the field's name as the editor shows it.
 */
export function outOfRange(field: string, raw: unknown, range: NumberRange): string {
	const kind = range.whole ? 'a whole number' : 'a number';
	const bounds =
		range.max === Infinity ? `of ${range.min} or more` : `from ${range.min} to ${range.max}`;
	if (blank(raw)) return emptyField(field, `Enter ${kind} ${bounds}.`);
	return `${field} "${String(raw)}" is not ${kind} ${bounds}.`;
}

/** A sender name shows at most 11 characters, or 15 digits (SMSC page "Відправка SMS-повідомлення", `sender`). */
export const MAX_SENDER_LETTERS = 11;
export const MAX_SENDER_DIGITS = 15;
/** A numeric (digital) sender name, a phone number with an optional "+". */
export const DIGITAL_SENDER = /^\+?\d+$/;
/**
 * A sender name has "English letters, digits, space and some symbols" (SMSC page "Відправка
 * SMS-повідомлення", `sender`). The page does not list the symbols: taking every printable ASCII
 * symbol is a guess; anything else (Cyrillic, emoji) is outside what the page allows.
 */
export const PRINTABLE_ASCII = /^[\x20-\x7E]+$/;

/** Whether a sender name is longer than SMSC shows (digits counted without the "+"). */
export function senderNameTooLong(sender: string): boolean {
	return DIGITAL_SENDER.test(sender)
		? sender.replace('+', '').length > MAX_SENDER_DIGITS
		: sender.length > MAX_SENDER_LETTERS;
}

/**
 * What is wrong with a sender name for send.php, as an error text and a hint, or undefined when
 * nothing is: the one check the Send and Send and Wait for Response share.
 */
export function senderNameProblem(sender: string): { message: string; hint: string } | undefined {
	if (sender === '') return undefined;
	if (!DIGITAL_SENDER.test(sender) && !PRINTABLE_ASCII.test(sender))
		return {
			message: `Sender name "${sender}" has characters SMSC does not allow in a sender name.`,
			hint: 'SMSC allows English letters, digits, spaces and some symbols in a sender name.',
		};
	if (senderNameTooLong(sender))
		return {
			message: `Sender name "${sender}" is too long.`,
			hint: `SMSC shows at most ${MAX_SENDER_LETTERS} characters of a letter name, or ${MAX_SENDER_DIGITS} digits of a numeric one.`,
		};
	return undefined;
}

/** An e-mail address as recipient or sender; `,` and `;` separate addresses in SMSC lists. */
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

export function isEmail(raw: string): boolean {
	return EMAIL.test(raw);
}

/** The one wording of "this is not an e-mail address"; `field` is left out as in notAPhone(). */
export function notAnEmail(text: string, field?: string): string {
	const value = `"${text}" is not an e-mail address, e.g. name@example.com.`;
	return field === undefined ? value : `The ${field} ${value}`;
}

/** What Telegram delivers: "only numeric codes of 4 to 8 digits" (SMSC page "Отправка сообщения в Telegram"). */
export const TELEGRAM_CODE = /^\d{4,8}$/;

/**
 * What an MMS may carry: "text (txt), images of various formats (jpg, gif, png), music (wav, amr,
 * mp3, mid) and video (mp4, 3gp)" (SMSC page "Відправка SMS-повідомлення", `mms`). The page states
 * no size and no count of files, for MMS or for e-mail and call attachments. `jpeg` is taken as
 * `jpg`, the same format under its other name (a guess).
 */
export const MMS_FILE_TYPES: readonly string[] = [
	'txt',
	'jpg',
	'gif',
	'png',
	'wav',
	'amr',
	'mp3',
	'mid',
	'mp4',
	'3gp',
];

/** A file's type as SMSC's list names it: its extension, lower case, `jpeg` as `jpg`; '' without one. */
export function fileType(fileName: string, fileExtension?: string): string {
	const extension = (/\.([A-Za-z0-9]+)$/.exec(fileName)?.[1] ?? fileExtension ?? '').toLowerCase();
	return extension === 'jpeg' ? 'jpg' : extension;
}

/** A message ID as SMSC stores it: the `id` of send.php, up to 40 letters, digits and `. - _`. */
const MESSAGE_ID = /^[A-Za-z0-9.\-_]{1,40}$/;
/** The largest numeric message ID send.php accepts. */
export const MAX_NUMERIC_MESSAGE_ID = 2147483647;

/** Whether SMSC accepts this as a message ID when reading statuses or deleting. */
export function isMessageId(raw: string): boolean {
	return MESSAGE_ID.test(raw);
}

/** Whether send.php accepts this as the client's own `id`: 1 to 2147483647, or an ID in letters. */
export function isClientMessageId(raw: string): boolean {
	return /^\d+$/.test(raw)
		? Number(raw) >= 1 && Number(raw) <= MAX_NUMERIC_MESSAGE_ID
		: MESSAGE_ID.test(raw);
}

/** Whether an ID SMSC gives a group (phones.php `grp`, `id`) or a sender name (senders.php `id`) is a positive whole number. */
export function isPositiveId(raw: string): boolean {
	return /^\d+$/.test(raw) && Number(raw) >= 1;
}

/** A contact group number as send.php takes it in `phones` (`G<number>`), with or without the G. */
export function groupNumber(raw: string): string | undefined {
	return /^[Gg]?(\d+)$/.exec(raw)?.[1];
}

/** SMSC refuses the 15th concurrent request under one login (error 9). */
export const MAX_CONCURRENCY = 14;

/** phones.php returns at most 1000 records per request (SMSC page "Управление контактами"). */
export const PHONES_PAGE_SIZE = 1000;

/** get.php limits (SMSC page "Получение данных": incoming messages and the sent history). */
export const GET = {
	/** get_messages returns at most this many of the newest sent messages per request */
	sentPerRequest: 1000,
	/** get_answers returns at most this many incoming messages per request */
	incomingPerRequest: 10000,
	/** get_answers looks back at most this many hours without after_id */
	maxIncomingHours: 168,
	/** get_messages searches at most six months at once */
	maxSentRangeDays: 186,
} as const;

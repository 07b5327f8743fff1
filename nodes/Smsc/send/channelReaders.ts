import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { emptyField, inRange, outOfRange, TELEGRAM_CODE } from '../../shared/smsc/rules';

/*
 * What each channel of Send and Get Cost reads from an item: its text and its own fields, checked
 * and turned into send.php parameters (SMSC page "Відправка SMS-повідомлення"). The rows of
 * channels.ts name which of these each channel uses.
 */

/** What a channel reader needs from the item being prepared. */
export interface ChannelItem {
	/** the value of one of the item's fields */
	get<T>(name: string, fallback: T): T;
	/** refuses the item with a NodeOperationError that names it */
	fail(message: string, description?: string): never;
}

const HEX = /^(?:[0-9A-Fa-f]{2})+$/;

/** The text in the `message` parameter, required (whitespace alone is empty); `empty` refuses it. */
function textParameter(item: ChannelItem, empty: string): string {
	const text = String(item.get<string>('message', '') ?? '');
	if (text.trim() === '') item.fail(empty);
	return text;
}

/** The Message field, which every channel with text requires. */
export function requiredMessage(item: ChannelItem): string {
	return textParameter(item, emptyField('Message', 'Enter the text to send.'));
}

/** Telegram's Code field, the same parameter as Message under the name the editor shows for it. */
export function requiredCode(item: ChannelItem): string {
	return textParameter(
		item,
		emptyField('Code', 'Enter a numeric code of 4 to 8 digits, e.g. 4821.'),
	);
}

export function binaryText(item: ChannelItem): string {
	const text = String(item.get<string>('binaryMessage', '') ?? '').replace(/\s+/g, '');
	if (!HEX.test(text))
		item.fail('Hex Message must be pairs of hexadecimal digits, e.g. 0048656C6C6F.');
	return text;
}

/**
 * `bin` (SMSC page "Відправка SMS-повідомлення"): 2 is the bytes as a hex string, 1 the bytes
 * themselves, "urlencoded in the http request". Both come from Hex Message.
 */
export function binaryParams(item: ChannelItem): IDataObject {
	return item.get<string>('binaryFormat', 'hex') === 'bytes' ? { bin: 1 } : {};
}

export function binaryBytes(params: IDataObject, text: string): Buffer | undefined {
	return params.bin === 1 ? Buffer.from(text, 'hex') : undefined;
}

export function pushText(item: ChannelItem): string {
	const url = String(item.get<string>('pushUrl', '') ?? '').trim();
	const title = String(item.get<string>('pushTitle', '') ?? '').trim();
	if (url === '') item.fail(emptyField('Link', 'Enter the address the WAP push opens.'));
	// SMSC page "Відправка SMS-повідомлення", `push`: "the link and the title separated by a line break"
	if (title === '') item.fail(emptyField('Link Title', 'SMSC needs both the link and its title.'));
	return `${url}\n${title}`;
}

export function telegramParams(item: ChannelItem, text: string): IDataObject {
	if (!TELEGRAM_CODE.test(text.trim())) {
		item.fail(
			'Telegram delivers only a numeric code of 4 to 8 digits.',
			'SMSC delivers only numeric codes of 4 to 8 digits by Telegram, e.g. 4821. For other text use the Telegram Bot channel.',
		);
	}
	return {};
}

export function botParams(item: ChannelItem): IDataObject {
	const bot = String(item.get<string>('botName', '') ?? '').trim();
	if (bot === '' || bot === '@')
		item.fail(emptyField('Bot Name', "Enter the bot's username, e.g. @shop_news_bot."));
	// `bot`: "in the format "@botname_bot"" (SMSC page "Відправка SMS-повідомлення")
	if (!/^@?[A-Za-z0-9_]+$/.test(bot))
		item.fail(`Bot Name "${bot}" is not a Telegram bot name such as @shop_news_bot.`);
	return { bot: bot.startsWith('@') ? bot : `@${bot}` };
}

export function callParams(item: ChannelItem): IDataObject {
	const params: IDataObject = {};
	const voice = String(item.get<string>('voice', 'm3') ?? '').trim();
	if (!VOICE_CODES.includes(voice))
		item.fail(`Voice "${voice}" is not one SMSC offers.`, `Use one of ${VOICE_CODES.join(', ')}.`);
	const callOptions = item.get<IDataObject>('callOptions', {});
	const language = String(callOptions.language ?? '').trim();
	if (language !== '' && !/^[A-Za-z]{2}$/.test(language))
		item.fail(`The call language "${language}" is not a two-letter code such as en.`);
	// the language "in the form "m, en", "w, fr"" (SMSC page "Відправка SMS-повідомлення", `voice`)
	params.voice = language ? `${voice}, ${language.toLowerCase()}` : voice;
	// `param` is "w,i,n" as a whole, and one value SMSC does not accept makes it use every default
	// (SMSC page "Відправка SMS-повідомлення", `param`): so the node sends only what the user set,
	// which must be all three values, and never fills in numbers of its own.
	const set = CALL_PARAM_FIELDS.filter(
		([name]) => callOptions[name] !== undefined && callOptions[name] !== '',
	);
	if (set.length > 0) {
		if (set.length < CALL_PARAM_FIELDS.length) {
			const missing = CALL_PARAM_FIELDS.filter((field) => !set.includes(field)).map(
				([, label]) => label,
			);
			item.fail(
				`Set ${missing.join(' and ')} too, or none of the three call timings.`,
				'SMSC takes Wait for Answer, Retry Interval and Attempts only together; with one of them missing or out of range it uses its own defaults for all three (8 attempts, 25 s, retries 3 to 14 s apart).',
			);
		}
		params.param = CALL_PARAM_FIELDS.map(([name, label, min, max]) => {
			const range = { min, max, whole: true };
			if (!inRange(callOptions[name], range))
				item.fail(outOfRange(label, callOptions[name], range));
			return Number(callOptions[name]);
		}).join(',');
	}
	return params;
}

/**
 * The voices SMSC's page "Відправка SMS-повідомлення" lists for `voice`, as the Voice field offers
 * them (by name); the check below accepts exactly these codes.
 */
export const VOICES: INodePropertyOptions[] = [
	{ name: 'Female 1', value: 'w' },
	{ name: 'Female 2', value: 'w2' },
	{ name: 'Female 3', value: 'w3' },
	{ name: 'Female 4', value: 'w4' },
	{ name: 'Male 1', value: 'm' },
	{ name: 'Male 2', value: 'm2' },
	{ name: 'Male 3', value: 'm3' },
	{ name: 'Male 4', value: 'm4' },
];
const VOICE_CODES = VOICES.map((voice) => String(voice.value)).sort();

/**
 * The `param` values in SMSC's order w,i,n, with the ranges SMSC works in (SMSC page "Відправка
 * SMS-повідомлення"); the Call Options fields take their limits from here.
 */
const CALL_PARAM_FIELDS: Array<[CallTiming, string, number, number]> = [
	['waitSeconds', 'Wait for Answer (Seconds)', 10, 35],
	['retryInterval', 'Retry Interval (Seconds)', 10, 3600],
	['attempts', 'Attempts', 1, 9],
];

type CallTiming = 'waitSeconds' | 'retryInterval' | 'attempts';

/** The editor's limits of one Call Options timing: the range SMSC works in. */
export function callTimingLimits(timing: CallTiming): { minValue: number; maxValue: number } {
	const [, , minValue, maxValue] = CALL_PARAM_FIELDS.find(([name]) => name === timing)!;
	return { minValue, maxValue };
}

/** A voice call reads the text or plays the attached files: "both text and attached files" (SMSC page "Відправка SMS-повідомлення", `call`). */
export function callText(item: ChannelItem): string {
	const attachments = String(item.get<string>('attachments', '') ?? '').trim();
	if (attachments !== '') return optionalText(item);
	return textParameter(
		item,
		emptyField('Message', 'Enter the text the call reads out, or files in Attachments.'),
	);
}

export function optionalText(item: ChannelItem): string {
	return String(item.get<string>('message', '') ?? '');
}

/** MMS: "a subject or a text is required" (SMSC page "Відправка SMS-повідомлення", `subj`); a file alone is a guess. */
export function mmsParams(item: ChannelItem, text: string): IDataObject {
	const subject = String(item.get<string>('subject', '') ?? '').trim();
	const attachments = String(item.get<string>('attachments', '') ?? '').trim();
	if (text.trim() === '' && subject === '' && attachments === '') {
		item.fail('An MMS needs a text, a subject or a file. Fill in Message, Subject or Attachments.');
	}
	return subject === '' ? {} : { subj: subject };
}

export function mailParams(item: ChannelItem): IDataObject {
	const subject = String(item.get<string>('subject', '') ?? '').trim();
	if (subject === '') item.fail('An e-mail needs a subject. Enter it in Subject.');
	return { subj: subject };
}

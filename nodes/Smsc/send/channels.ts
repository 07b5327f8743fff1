import type { IDataObject } from 'n8n-workflow';

import { MMS_FILE_TYPES, TELEGRAM_CODE } from '../../shared/smsc/rules';

/** The fields of Send and Get Cost that belong to one or more channels (see fields.ts). */
export type ChannelField =
	| 'phones'
	| 'emails'
	| 'message'
	| 'optionalMessage'
	| 'codeOrMessage'
	| 'binaryMessage'
	| 'binaryFormat'
	| 'pushUrl'
	| 'pushTitle'
	| 'subject'
	| 'mmsSubject'
	| 'attachments'
	| 'senderEmail'
	| 'botName'
	| 'voice'
	| 'callOptions';

/** What a channel reader needs from the item being prepared. */
export interface ChannelItem {
	/** the value of one of the item's fields */
	get<T>(name: string, fallback: T): T;
	/** refuses the item with a NodeOperationError that names it */
	fail(message: string, description?: string): never;
}

/** One channel of Send and Get Cost: everything the node knows about it, in one place. */
export interface ChannelRow {
	/** the send.php parameters that choose the channel (SMSC page "Відправка SMS-повідомлення") */
	flags: IDataObject;
	/** the fields shown for the channel; the recipients come from `phones` or `emails` */
	fields: ChannelField[];
	/** reads the text the channel carries; a channel without it sends no `mes` */
	text?: (item: ChannelItem) => string;
	/** reads and checks the channel's own fields into send.php parameters, after the text */
	params?: (item: ChannelItem, text: string, recipients: string[]) => IDataObject;
	/** whether the phone network counts the text in SMS parts (so the node can estimate them) */
	smsParts: boolean;
	/** whether items may share one `list` request */
	list: boolean;
	/** set when SMSC reads the text after the comment marker as something else than a comment */
	commentMeans?: string;
	/** the text sent is the text read with this prefix (SMSC page "Отправка сообщения в Telegram") */
	prefix?: string;
	/**
	 * For a channel whose `mes` can be bytes rather than text: those bytes, which the transport sends
	 * percent-encoded one by one; such an item never shares a `list` line (a byte may be a line break)
	 */
	bytes?: (params: IDataObject, text: string) => Buffer | undefined;
	/** the file types SMSC names for the channel's attachments; unset: its page names none */
	fileTypes?: readonly string[];
}

const HEX = /^(?:[0-9A-Fa-f]{2})+$/;

function requiredText(item: ChannelItem): string {
	const text = String(item.get<string>('message', '') ?? '');
	if (text.trim() === '') item.fail('The message is empty. Enter the text to send in Message.');
	return text;
}

function binaryText(item: ChannelItem): string {
	const text = String(item.get<string>('binaryMessage', '') ?? '').replace(/\s+/g, '');
	if (!HEX.test(text))
		item.fail('Hex Message must be pairs of hexadecimal digits, e.g. 0048656C6C6F.');
	return text;
}

/**
 * `bin` (SMSC page "Відправка SMS-повідомлення"): 2 is the bytes as a hex string, 1 the bytes
 * themselves, "urlencoded in the http request". Both come from Hex Message.
 */
function binaryParams(item: ChannelItem): IDataObject {
	return item.get<string>('binaryFormat', 'hex') === 'bytes' ? { bin: 1 } : {};
}

function binaryBytes(params: IDataObject, text: string): Buffer | undefined {
	return params.bin === 1 ? Buffer.from(text, 'hex') : undefined;
}

function pushText(item: ChannelItem): string {
	const url = String(item.get<string>('pushUrl', '') ?? '').trim();
	const title = String(item.get<string>('pushTitle', '') ?? '').trim();
	if (url === '') item.fail('The WAP push link is empty. Enter the address in Link.');
	// SMSC page "Відправка SMS-повідомлення", `push`: "the link and the title separated by a line break"
	if (title === '')
		item.fail(
			'The WAP push title is empty. Enter it in Title: SMSC needs both the link and the title.',
		);
	return `${url}\n${title}`;
}

function telegramParams(item: ChannelItem, text: string): IDataObject {
	if (!TELEGRAM_CODE.test(text.trim())) {
		item.fail(
			'Telegram delivers only a numeric code of 4 to 8 digits.',
			'SMSC delivers only numeric codes of 4 to 8 digits by Telegram, e.g. 4821. For other text use the Telegram Bot channel.',
		);
	}
	return {};
}

function botParams(item: ChannelItem): IDataObject {
	const bot = String(item.get<string>('botName', '') ?? '').trim();
	if (bot === '' || bot === '@')
		item.fail('The bot name is empty. Enter it in Bot Name, e.g. @shop_news_bot.');
	// `bot`: "in the format "@botname_bot"" (SMSC page "Відправка SMS-повідомлення")
	if (!/^@?[A-Za-z0-9_]+$/.test(bot))
		item.fail(`Bot Name "${bot}" is not a Telegram bot name such as @shop_news_bot.`);
	return { bot: bot.startsWith('@') ? bot : `@${bot}` };
}

function callParams(item: ChannelItem): IDataObject {
	const params: IDataObject = {};
	const voice = String(item.get<string>('voice', 'm3') ?? '').trim();
	if (!VOICES.includes(voice))
		item.fail(`Voice "${voice}" is not one SMSC offers.`, `Use one of ${VOICES.join(', ')}.`);
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
			const n = Number(callOptions[name]);
			if (!Number.isInteger(n) || n < min || n > max)
				item.fail(`${label} must be a whole number from ${min} to ${max}.`);
			return n;
		}).join(',');
	}
	return params;
}

/** The voices SMSC's page "Відправка SMS-повідомлення" lists for `voice`. */
const VOICES = ['m', 'm2', 'm3', 'm4', 'w', 'w2', 'w3', 'w4'];

/** The `param` values in SMSC's order w,i,n, with the ranges SMSC works in (SMSC page "Відправка SMS-повідомлення"). */
const CALL_PARAM_FIELDS: Array<[string, string, number, number]> = [
	['waitSeconds', 'Wait for Answer (Seconds)', 10, 35],
	['retryInterval', 'Retry Interval (Seconds)', 10, 3600],
	['attempts', 'Attempts', 1, 9],
];

/** A voice call reads the text or plays the attached files: "both text and attached files" (SMSC page "Відправка SMS-повідомлення", `call`). */
function callText(item: ChannelItem): string {
	const attachments = String(item.get<string>('attachments', '') ?? '').trim();
	return attachments === '' ? requiredText(item) : optionalText(item);
}

function optionalText(item: ChannelItem): string {
	return String(item.get<string>('message', '') ?? '');
}

/** MMS: "a subject or a text is required" (SMSC page "Відправка SMS-повідомлення", `subj`); a file alone is a guess. */
function mmsParams(item: ChannelItem, text: string): IDataObject {
	const subject = String(item.get<string>('subject', '') ?? '').trim();
	const attachments = String(item.get<string>('attachments', '') ?? '').trim();
	if (text.trim() === '' && subject === '' && attachments === '') {
		item.fail('An MMS needs a text, a subject or a file. Fill in Message, Subject or Attachments.');
	}
	return subject === '' ? {} : { subj: subject };
}

function mailParams(item: ChannelItem): IDataObject {
	const subject = String(item.get<string>('subject', '') ?? '').trim();
	if (subject === '') item.fail('An e-mail needs a subject. Enter it in Subject.');
	return { subj: subject };
}

/**
 * Every channel Send and Get Cost offer, one row each. Adding a channel is a row here plus its
 * fields (and its Channel option) in fields.ts.
 */
export const CHANNELS = {
	bin: {
		flags: { bin: 2 },
		fields: ['phones', 'binaryMessage', 'binaryFormat'],
		text: binaryText,
		params: binaryParams,
		bytes: binaryBytes,
		smsParts: false,
		list: true,
		commentMeans: 'Binary messages: SMSC reads the text after the comment marker as pid and dcs',
	},
	bot: {
		flags: {},
		fields: ['phones', 'message', 'botName'],
		text: requiredText,
		params: botParams,
		smsParts: false,
		list: true,
	},
	call: {
		flags: { call: 1 },
		fields: ['phones', 'optionalMessage', 'voice', 'callOptions', 'attachments'],
		text: callText,
		params: callParams,
		smsParts: false,
		list: true,
		commentMeans: 'Voice Call: SMSC reads the text after the comment marker as the call parameters',
	},
	flash: {
		flags: { flash: 1 },
		fields: ['phones', 'message'],
		text: requiredText,
		smsParts: true,
		list: true,
	},
	hlr: { flags: { hlr: 1 }, fields: ['phones'], smsParts: false, list: false },
	mail: {
		flags: { mail: 1 },
		fields: ['emails', 'message', 'subject', 'senderEmail', 'attachments'],
		text: requiredText,
		params: mailParams,
		smsParts: false,
		list: false,
	},
	// files "in the body of the http request" (SMSC page "Відправка SMS-повідомлення", `mms`)
	mms: {
		flags: { mms: 1 },
		fields: ['phones', 'optionalMessage', 'mmsSubject', 'attachments'],
		text: optionalText,
		params: mmsParams,
		fileTypes: MMS_FILE_TYPES,
		smsParts: false,
		list: true,
	},
	ping: { flags: { ping: 1 }, fields: ['phones'], smsParts: false, list: false },
	push: {
		flags: { push: 1 },
		fields: ['phones', 'pushUrl', 'pushTitle'],
		text: pushText,
		smsParts: false,
		list: true,
		commentMeans: 'WAP Push: the comment would become part of the link title',
	},
	sms: { flags: {}, fields: ['phones', 'message'], text: requiredText, smsParts: true, list: true },
	// users of "Одноклассники", "ВКонтакте" or "Mail.Ru Агент" (SMSC page "Відправка SMS-повідомлення", `soc`)
	soc: {
		flags: { soc: 1 },
		fields: ['phones', 'message'],
		text: requiredText,
		smsParts: false,
		list: true,
	},
	// SMSC documents Telegram only as the `__TGM__: <code>` message prefix, not as an HTTP flag; a
	// prefixed code inside a `list` line is undocumented, so a Telegram item goes alone.
	tg: {
		flags: {},
		fields: ['phones', 'codeOrMessage'],
		text: requiredText,
		params: telegramParams,
		prefix: '__TGM__: ',
		smsParts: false,
		list: false,
		commentMeans: 'Telegram: SMSC accepts only the code',
	},
	viber: {
		flags: { viber: 1 },
		fields: ['phones', 'message'],
		text: requiredText,
		smsParts: false,
		list: true,
	},
	whatsapp: {
		flags: { whatsapp: 1 },
		fields: ['phones', 'message'],
		text: requiredText,
		smsParts: false,
		list: true,
	},
} satisfies Record<string, ChannelRow>;

/** The channels Send and Get Cost offer; each is one row of CHANNELS. */
export type Channel = keyof typeof CHANNELS;

export function channelRow(channel: string): ChannelRow | undefined {
	return (CHANNELS as Record<string, ChannelRow>)[channel];
}

/** The channels that show a field, for its displayOptions. */
export function channelsShowing(field: ChannelField): Channel[] {
	return (Object.keys(CHANNELS) as Channel[]).filter((channel) =>
		(CHANNELS[channel] as ChannelRow).fields.includes(field),
	);
}

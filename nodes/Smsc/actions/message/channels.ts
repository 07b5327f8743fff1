import type { IDataObject } from 'n8n-workflow';

import { TELEGRAM_CODE } from '../../../shared/rules';

/** The fields of Send and Get Cost that belong to one or more channels (see fields.ts). */
export type ChannelField =
	| 'phones'
	| 'emails'
	| 'message'
	| 'codeOrMessage'
	| 'binaryMessage'
	| 'pushUrl'
	| 'pushTitle'
	| 'subject'
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
	/** whether a Telegram user ID (#ID) is a recipient as well as a phone number */
	telegramIds?: boolean;
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
}

const HEX = /^(?:[0-9A-Fa-f]{2})+$/;

function messageText(item: ChannelItem): string {
	const text = String(item.get<string>('message', '') ?? '');
	if (text.trim() === '') item.fail('The message is empty. Enter the text to send in Message.');
	return text;
}

function binaryText(item: ChannelItem): string {
	const text = String(item.get<string>('binaryMessage', '') ?? '').replace(/\s+/g, '');
	if (!HEX.test(text)) item.fail('Hex Message must be pairs of hexadecimal digits, e.g. 0048656C6C6F.');
	return text;
}

function pushText(item: ChannelItem): string {
	const url = String(item.get<string>('pushUrl', '') ?? '').trim();
	const title = String(item.get<string>('pushTitle', '') ?? '').trim();
	if (url === '') item.fail('The WAP push link is empty. Enter the address in Link.');
	return title ? `${url}\n${title}` : url;
}

function telegramParams(item: ChannelItem, text: string, recipients: string[]): IDataObject {
	if (recipients.some((r) => !r.startsWith('#')) && !TELEGRAM_CODE.test(text.trim())) {
		item.fail(
			'Telegram delivers only a numeric code of 4 to 8 digits to a phone number.',
			'Send a code such as 4821, or address the Telegram user ID as #ID to send other text.',
		);
	}
	return {};
}

function botParams(item: ChannelItem): IDataObject {
	const bot = String(item.get<string>('botName', '') ?? '').trim();
	if (bot === '' || bot === '@') item.fail('The bot name is empty. Enter it in Bot Name, e.g. @shop_news_bot.');
	return { bot: bot.startsWith('@') ? bot : `@${bot}` };
}

function callParams(item: ChannelItem): IDataObject {
	const params: IDataObject = {};
	const voice = item.get<string>('voice', 'm3');
	const callOptions = item.get<IDataObject>('callOptions', {});
	const language = String(callOptions.language ?? '').trim();
	if (language !== '' && !/^[A-Za-z]{2}$/.test(language)) item.fail(`The call language "${language}" is not a two-letter code such as en.`);
	params.voice = language ? `${voice},${language.toLowerCase()}` : voice;
	if (['waitSeconds', 'retryInterval', 'attempts'].some((name) => callOptions[name] !== undefined)) {
		params.param = [callOptions.waitSeconds ?? 25, callOptions.retryInterval ?? 10, callOptions.attempts ?? 8]
			.map((n) => Math.round(Number(n)))
			.join(',');
	}
	return params;
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
	bin: { flags: { bin: 2 }, fields: ['phones', 'binaryMessage'], text: binaryText, smsParts: false, list: true, commentMeans: 'Binary messages: SMSC reads the text after the comment marker as pid and dcs' },
	bot: { flags: {}, fields: ['phones', 'message', 'botName'], text: messageText, params: botParams, smsParts: false, list: true },
	call: { flags: { call: 1 }, fields: ['phones', 'message', 'voice', 'callOptions'], text: messageText, params: callParams, smsParts: false, list: true, commentMeans: 'Voice Call: SMSC reads the text after the comment marker as the call parameters' },
	flash: { flags: { flash: 1 }, fields: ['phones', 'message'], text: messageText, smsParts: true, list: true },
	hlr: { flags: { hlr: 1 }, fields: ['phones'], smsParts: false, list: false },
	mail: { flags: { mail: 1 }, fields: ['emails', 'message', 'subject', 'senderEmail'], text: messageText, params: mailParams, smsParts: false, list: false },
	ping: { flags: { ping: 1 }, fields: ['phones'], smsParts: false, list: false },
	push: { flags: { push: 1 }, fields: ['phones', 'pushUrl', 'pushTitle'], text: pushText, smsParts: false, list: true, commentMeans: 'WAP Push: the comment would become part of the link title' },
	sms: { flags: {}, fields: ['phones', 'message'], text: messageText, smsParts: true, list: true },
	// SMSC documents Telegram only as the `__TGM__: <code>` message prefix, not as an HTTP flag; a
	// prefixed code inside a `list` line is undocumented, so a Telegram item goes alone.
	tg: { flags: {}, fields: ['phones', 'codeOrMessage'], telegramIds: true, text: messageText, params: telegramParams, prefix: '__TGM__: ', smsParts: false, list: false, commentMeans: 'Telegram: SMSC accepts only the code' },
	viber: { flags: { viber: 1 }, fields: ['phones', 'message'], text: messageText, smsParts: false, list: true },
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

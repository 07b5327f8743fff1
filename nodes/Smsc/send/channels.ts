import type { IDataObject } from 'n8n-workflow';

import { MMS_FILE_TYPES } from '../../shared/smsc/rules';
import {
	binaryBytes,
	binaryParams,
	binaryText,
	botParams,
	callParams,
	callText,
	mailParams,
	mmsParams,
	optionalText,
	pushText,
	requiredCode,
	requiredMessage,
	telegramParams,
} from './channelReaders';
import type { ChannelItem } from './channelReaders';

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

/**
 * A channel that carries the Message field to phones and has no field of its own; `smsParts` when
 * the phone network counts the text in SMS parts.
 */
function messageChannel(flags: IDataObject, smsParts = false): ChannelRow {
	return { flags, fields: ['phones', 'message'], text: requiredMessage, smsParts, list: true };
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
		text: requiredMessage,
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
	flash: messageChannel({ flash: 1 }, true),
	hlr: { flags: { hlr: 1 }, fields: ['phones'], smsParts: false, list: false },
	mail: {
		flags: { mail: 1 },
		fields: ['emails', 'message', 'subject', 'senderEmail', 'attachments'],
		text: requiredMessage,
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
	sms: messageChannel({}, true),
	// users of "Одноклассники", "ВКонтакте" or "Mail.Ru Агент" (SMSC page "Відправка SMS-повідомлення", `soc`)
	soc: messageChannel({ soc: 1 }),
	// SMSC documents Telegram only as the `__TGM__: <code>` message prefix, not as an HTTP flag; a
	// prefixed code inside a `list` line is undocumented, so a Telegram item goes alone.
	tg: {
		flags: {},
		fields: ['phones', 'codeOrMessage'],
		text: requiredCode,
		params: telegramParams,
		prefix: '__TGM__: ',
		smsParts: false,
		list: false,
		commentMeans: 'Telegram: SMSC accepts only the code',
	},
	viber: messageChannel({ viber: 1 }),
	whatsapp: messageChannel({ whatsapp: 1 }),
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

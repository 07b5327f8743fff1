import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { cleanPhone, splitList } from '../../../shared/phones';
import { COMMENT_SEPARATOR, estimateSms } from '../../../shared/sms';
import type { SmsEstimate } from '../../../shared/sms';
import type { Channel } from './fields';
import { SMS_CHANNELS, TEXTLESS_CHANNELS } from './fields';
import type { ItemParameters } from './itemParameters';
import { isEmail, isTelegramId, recipientKey } from './recipients';
import { smscTime, toInstant } from './schedule';

/** send.php takes at most 1000 characters in `mes` (003). */
export const MAX_MESSAGE_LENGTH = 1000;
const CLIENT_ID_TEXT = /^[A-Za-z0-9.\-_]{1,40}$/;
const MAX_NUMERIC_CLIENT_ID = 2147483647;
const HOUR_WINDOW = /^(\d{1,2})\s*-\s*(\d{1,2})$/;
const HEX = /^(?:[0-9A-Fa-f]{2})+$/;
const TELEGRAM_CODE = /^\d{4,8}$/;
const TELEGRAM_PREFIX = '__TGM__: ';
/** Channels where SMSC reads the text after `\n~~~\n` as something else than a comment (003, 004). */
const COMMENT_MEANS_SOMETHING_ELSE: Record<string, string> = {
	bin: 'Binary messages: SMSC reads the text after the comment marker as pid and dcs',
	call: 'Voice Call: SMSC reads the text after the comment marker as the call parameters',
	push: 'WAP Push: the comment would become part of the link title',
	tg: 'Telegram: SMSC accepts only the code',
};
/** A sender name is at most 11 characters, or 15 digits (003). */
const MAX_SENDER_LETTERS = 11;
const MAX_SENDER_DIGITS = 15;
/**
 * A `list` line whose numbers SMSC does not recognise makes the whole request fail (error 1), so
 * numbers shorter than usual go in a request of their own, where only their own item can fail.
 */
const MIN_LIST_DIGITS = 10;
/** Characters that would break a `list` line (`sender,tz|phones:mes`) if they appeared in a sender name. */
const LIST_SENDER_BREAKERS = /[,|:\n]/;

export interface SendOptions {
	batchSize?: number;
	batching?: boolean;
	clientId?: string;
	comment?: string;
	concurrency?: number;
	costReport?: number;
	delayMinutes?: number;
	freq?: number;
	hourWindow?: string;
	maxParts?: number;
	period?: number;
	perRecipient?: boolean;
	rawResponse?: boolean;
	sendAt?: string;
	sender?: string;
	shortenLinks?: boolean;
	translit?: number;
	tz?: number;
	valid?: number;
}

/** One input item, checked and turned into what send.php needs. */
export interface PreparedMessage {
	itemIndex: number;
	channel: Channel;
	/** recipients exactly as they go to SMSC (`G<n>` for a group) */
	recipients: string[];
	/** recipientKey() of each recipient, to pair SMSC's per-phone results with items */
	keys: string[];
	group?: string;
	/** `mes` as sent, comment included; '' for channels without text */
	mes: string;
	sender: string;
	/** request-wide send.php parameters except phones, mes, sender, list and cost/op */
	params: IDataObject;
	/** equal keys → the items may share one `list` request */
	batchKey: string;
	/** false when the item cannot be written as a `list` line and must go alone */
	batchable: boolean;
	estimate?: SmsEstimate;
	costReport: number;
	perRecipient: boolean;
	rawResponse: boolean;
}

/**
 * Reads one item's Send / Get Cost fields and refuses, before any request, everything SMSC would
 * reject anyway, so no money or rate limit is spent on a doomed request.
 */
export function prepareMessage(
	this: IExecuteFunctions,
	parameters: ItemParameters,
	itemIndex: number,
): PreparedMessage {
	const fail = (message: string, description?: string): never => {
		throw new NodeOperationError(this.getNode(), message, { itemIndex, description });
	};
	const channel = parameters.get<Channel>('channel', itemIndex, 'sms');
	const options = parameters.get<SendOptions>('options', itemIndex, {});
	const params: IDataObject = {};

	// Recipients
	const recipientType = parameters.get<string>('recipientType', itemIndex, 'phones');
	let recipients: string[];
	let group: string | undefined;
	if (recipientType === 'group') {
		const raw = String(parameters.get<string>('group', itemIndex, '', true) ?? '').trim();
		const number = /^[Gg]?(\d+)$/.exec(raw);
		if (!number) fail(`The contact group "${raw}" is not a group number. Pick a group from the list or enter its number, e.g. 5.`);
		group = `G${number![1]}`;
		recipients = [group];
	} else if (channel === 'mail') {
		recipients = splitList(parameters.get<unknown>('emails', itemIndex, ''));
		if (recipients.length === 0) fail('No e-mail address to send to. Enter at least one address in Email Addresses.');
		const bad = recipients.find((address) => !isEmail(address));
		if (bad !== undefined) fail(`"${bad}" is not a valid e-mail address.`);
	} else {
		const raw = splitList(parameters.get<unknown>('phones', itemIndex, ''));
		if (raw.length === 0) fail('No phone number to send to. Enter at least one number in Phone Numbers.');
		recipients = raw.map((phone) => {
			if (channel === 'tg' && isTelegramId(phone)) return phone;
			const clean = cleanPhone(phone);
			if (clean === undefined) {
				fail(
					`"${phone}" is not a valid phone number${channel === 'tg' ? ' or Telegram user ID (#ID)' : ''}.`,
					'Use international format with 7 to 15 digits, e.g. +79991234567.',
				);
			}
			return clean!;
		});
	}

	// Channel fields and text
	let text = '';
	switch (channel) {
		case 'sms':
		case 'flash':
		case 'viber':
		case 'call':
		case 'mail':
		case 'bot':
		case 'tg':
			text = String(parameters.get<string>('message', itemIndex, '') ?? '');
			if (text.trim() === '') fail('The message is empty. Enter the text to send in Message.');
			break;
		case 'bin': {
			text = String(parameters.get<string>('binaryMessage', itemIndex, '') ?? '').replace(/\s+/g, '');
			if (!HEX.test(text)) fail('Hex Message must be pairs of hexadecimal digits, e.g. 0048656C6C6F.');
			break;
		}
		case 'push': {
			const url = String(parameters.get<string>('pushUrl', itemIndex, '') ?? '').trim();
			const title = String(parameters.get<string>('pushTitle', itemIndex, '') ?? '').trim();
			if (url === '') fail('The WAP push link is empty. Enter the address in Link.');
			text = title ? `${url}\n${title}` : url;
			break;
		}
		default:
			break;
	}
	switch (channel) {
		case 'flash':
			params.flash = 1;
			break;
		case 'viber':
			params.viber = 1;
			break;
		case 'tg':
			// SMSC documents Telegram only as the `__TGM__: <code>` message prefix (004), not as an HTTP flag.
			if (recipients.some((r) => !r.startsWith('#')) && !TELEGRAM_CODE.test(text.trim())) {
				fail(
					'Telegram delivers only a numeric code of 4 to 8 digits to a phone number.',
					'Send a code such as 4821, or address the Telegram user ID as #ID to send other text.',
				);
			}
			break;
		case 'bot': {
			const bot = String(parameters.get<string>('botName', itemIndex, '') ?? '').trim();
			if (bot === '' || bot === '@') fail('The bot name is empty. Enter it in Bot Name, e.g. @shop_news_bot.');
			params.bot = bot.startsWith('@') ? bot : `@${bot}`;
			break;
		}
		case 'call': {
			params.call = 1;
			const voice = parameters.get<string>('voice', itemIndex, 'm3');
			const callOptions = parameters.get<IDataObject>('callOptions', itemIndex, {});
			const language = String(callOptions.language ?? '').trim();
			if (language !== '' && !/^[A-Za-z]{2}$/.test(language)) fail(`The call language "${language}" is not a two-letter code such as en.`);
			params.voice = language ? `${voice},${language.toLowerCase()}` : voice;
			if (['waitSeconds', 'retryInterval', 'attempts'].some((name) => callOptions[name] !== undefined)) {
				params.param = [callOptions.waitSeconds ?? 25, callOptions.retryInterval ?? 10, callOptions.attempts ?? 8]
					.map((n) => Math.round(Number(n)))
					.join(',');
			}
			break;
		}
		case 'mail': {
			params.mail = 1;
			const subject = String(parameters.get<string>('subject', itemIndex, '') ?? '').trim();
			if (subject === '') fail('An e-mail needs a subject. Enter it in Subject.');
			params.subj = subject;
			break;
		}
		case 'hlr':
			params.hlr = 1;
			break;
		case 'ping':
			params.ping = 1;
			break;
		case 'push':
			params.push = 1;
			break;
		case 'bin':
			params.bin = 2;
			break;
		default:
			break;
	}

	const comment = String(options.comment ?? '');
	if (comment.trim() && channel in COMMENT_MEANS_SOMETHING_ELSE) {
		fail(`Comment cannot be used with ${COMMENT_MEANS_SOMETHING_ELSE[channel]}.`, 'Remove the Comment option for this channel.');
	}
	const body = channel === 'tg' ? `${TELEGRAM_PREFIX}${text.trim()}` : text;
	const mes = TEXTLESS_CHANNELS.includes(channel) ? '' : comment.trim() ? `${body}${COMMENT_SEPARATOR}${comment}` : body;
	if (mes.length > MAX_MESSAGE_LENGTH) {
		fail(
			`The message is ${mes.length} characters long; SMSC accepts at most ${MAX_MESSAGE_LENGTH}${comment.trim() ? ' (text and comment together)' : ''}.`,
		);
	}

	// Sender
	let sender = '';
	if (channel === 'mail') {
		sender = String(parameters.get<string>('senderEmail', itemIndex, '') ?? '').trim();
		if (!isEmail(sender)) fail(`Sender Email "${sender}" is not a valid e-mail address.`);
	} else {
		sender = String(options.sender ?? '').trim();
		const digital = /^\+?\d+$/.test(sender);
		if (sender !== '' && (digital ? sender.replace('+', '').length > MAX_SENDER_DIGITS : sender.length > MAX_SENDER_LETTERS)) {
			fail(
				`Sender name "${sender}" is too long.`,
				`SMSC shows at most ${MAX_SENDER_LETTERS} characters of a letter name, or ${MAX_SENDER_DIGITS} digits of a numeric one.`,
			);
		}
	}

	// Options
	const schedules = [options.sendAt ? 'Send At' : '', options.delayMinutes !== undefined ? 'Send After (Minutes)' : '', options.hourWindow ? 'Hour Window' : ''].filter(Boolean);
	if (schedules.length > 1) fail(`Choose one way to schedule the message, not ${schedules.join(' and ')}.`);
	if (options.sendAt) {
		const instant = toInstant(options.sendAt, this.getTimezone());
		if (instant === undefined) fail(`Send At "${String(options.sendAt)}" is not a date and time.`, 'Use an n8n date or an ISO date such as 2025-03-01T09:30:00.');
		params.time = smscTime(instant!);
	} else if (options.delayMinutes !== undefined) {
		const minutes = Number(options.delayMinutes);
		if (!Number.isFinite(minutes) || minutes <= 0) fail('Send After (Minutes) must be a positive number of minutes.');
		params.time = `+${Math.round(minutes)}`;
	} else if (options.hourWindow) {
		const window = HOUR_WINDOW.exec(String(options.hourWindow).trim());
		if (!window || Number(window[1]) > 24 || Number(window[2]) > 24) {
			fail(`Hour Window "${String(options.hourWindow)}" is not an hour range such as 9-21.`);
		}
		params.time = `${Number(window![1])}-${Number(window![2])}`;
	}
	if (options.tz !== undefined) params.tz = Number(options.tz);
	if (options.period !== undefined || options.freq !== undefined) {
		if (options.period === undefined || options.freq === undefined) {
			fail('Spread Over (Hours) and Spread Step (Minutes) work together; set both or neither.');
		}
		params.period = Number(options.period);
		params.freq = Number(options.freq);
	}
	if (options.valid !== undefined) params.valid = Number(options.valid);
	if (options.maxParts !== undefined) params.maxsms = Number(options.maxParts);
	if (options.translit) params.translit = Number(options.translit);
	if (options.shortenLinks) params.tinyurl = 1;
	const clientId = String(options.clientId ?? '').trim();
	if (clientId !== '') {
		const numeric = /^\d+$/.test(clientId);
		const ok = numeric ? Number(clientId) >= 1 && Number(clientId) <= MAX_NUMERIC_CLIENT_ID : CLIENT_ID_TEXT.test(clientId);
		if (!ok) {
			fail(
				`Client Message ID "${clientId}" is not accepted by SMSC.`,
				'Use a number from 1 to 2147483647, or up to 40 Latin letters, digits and the characters . - _',
			);
		}
		params.id = clientId;
	}

	const keys = recipients.map(recipientKey);
	const costReport = Number(options.costReport ?? 0);
	const perRecipient = options.perRecipient === true;
	const batchable =
		group === undefined &&
		recipients.every((recipient) => recipient.startsWith('#') || recipient.replace(/\D/g, '').length >= MIN_LIST_DIGITS) &&
		// a prefixed Telegram code inside a list line is undocumented
		!['hlr', 'ping', 'mail', 'tg'].includes(channel) &&
		!LIST_SENDER_BREAKERS.test(sender) &&
		// SMSC splits a list line at `|` into sender and phones, so such a text could lose its start
		!mes.includes('|') &&
		!mes.includes('\r') &&
		!mes.includes('\\n');
	const batchKey = JSON.stringify([params, sender === '' ? 0 : 1, costReport, perRecipient]);

	return {
		itemIndex,
		channel,
		recipients,
		keys,
		group,
		mes,
		sender,
		params,
		batchKey,
		batchable,
		estimate: SMS_CHANNELS.includes(channel) ? estimateSms(text) : undefined,
		costReport,
		perRecipient,
		rawResponse: options.rawResponse === true,
	};
}

/** The send.php parameters for one item sent on its own. */
export function singleRequestParams(message: PreparedMessage): IDataObject {
	return {
		...message.params,
		phones: message.recipients.join(','),
		...(message.mes !== '' ? { mes: message.mes } : {}),
		...(message.sender !== '' ? { sender: message.sender } : {}),
	};
}

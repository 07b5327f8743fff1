import { NodeOperationError } from 'n8n-workflow';
import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { FormFile } from '../../shared/transport/body';

import { splitList } from '../../shared/smsc/phones';
import {
	fileType,
	MAX_MESSAGE_LENGTH,
	messageLength,
	validValidity,
	isClientMessageId,
	isEmail,
	notAnEmail,
	inRange,
	ONE_OR_MORE,
	outOfRange,
	senderNameProblem,
} from '../../shared/smsc/rules';
import { COMMENT_SEPARATOR, estimateSms } from '../../shared/smsc/sms';
import type { Channel, ChannelRow } from './channels';
import { channelRow } from './channels';
import type { ItemParameters } from './itemParameters';
import type { Attachment, BulkOptions, ItemReader, PreparedMessage, SendOptions } from './item';
import { locatorValue } from '../descriptions/locators';
import { mappedParameters, readInputField } from './mapping';
import { readRecipients, recipientKey } from './recipients';
import { readSchedule } from './schedule';

/**
 * A `list` line whose numbers SMSC does not recognise makes the whole request fail (error 1), so
 * numbers shorter than usual go in a request of their own, where only their own item can fail.
 */
const MIN_LIST_DIGITS = 10;
/**
 * Characters that would break a `list` line (`sender,tz|phones:mes`) if they appeared in a sender
 * name: SMSC separates phones and message by "a colon or a semicolon" (SMSC page "Відправка SMS-повідомлення", `list`).
 */
const LIST_SENDER_BREAKERS = /[,|:;\n]/;
/** A channel the table does not know (a hand-edited workflow): phones, no text, no flag. */
const UNKNOWN_CHANNEL: ChannelRow = {
	flags: {},
	fields: ['phones'],
	text: () => '',
	smsParts: false,
	list: true,
};

/**
 * Reads one item's Send / Get Cost fields and refuses, before any request, everything SMSC would
 * reject anyway, so no money or rate limit is spent on a doomed request.
 */
export function prepareMessage(
	this: IExecuteFunctions,
	parameters: ItemParameters,
	itemIndex: number,
): PreparedMessage {
	const channel = parameters.get<Channel>('channel', itemIndex, 'sms');
	const mapped = mappedParameters(parameters, itemIndex);
	const item: ItemReader = {
		context: this,
		parameters,
		itemIndex,
		channel,
		row: channelRow(channel) ?? UNKNOWN_CHANNEL,
		options: parameters.get<SendOptions>('options', itemIndex, {}),
		get: <T>(name: string, fallback: T) =>
			mapped?.[name] !== undefined
				? (readInputField(this, item, name, mapped[name]) as T)
				: parameters.get<T>(name, itemIndex, fallback),
		fail: (message: string, description?: string): never => {
			throw new NodeOperationError(this.getNode(), message, { itemIndex, description });
		},
	};

	const { recipients, group } = readRecipients(item);
	const text = item.row.text?.(item) ?? '';
	const params: IDataObject = { ...item.row.flags, ...item.row.params?.(item, text, recipients) };
	const mes = readMes(item, text);
	const mesBytes = item.row.bytes?.(params, text);
	const attachments = readAttachments(item);
	const sender = readSender(item);
	Object.assign(params, readSchedule(item), readDeliveryOptions(item));

	const { options } = item;
	const keys = recipients.map(recipientKey);
	const costReport = Number(options.costReport ?? 0);
	// cost=1 would price the message and send nothing, so an expression may not choose it here
	if (![0, 2, 3].includes(costReport))
		item.fail(
			`Cost Reporting "${String(options.costReport)}" is not 0 (None), 2 (Cost) or 3 (Cost and New Balance).`,
		);
	const perRecipient = options.perRecipient === true;
	const batchable =
		group === undefined &&
		recipients.every((recipient) => recipient.replace(/\D/g, '').length >= MIN_LIST_DIGITS) &&
		item.row.list &&
		mesBytes === undefined &&
		// a `list` request has no way to say which line a file belongs to
		attachments.length === 0 &&
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
		mesBytes,
		attachments,
		sender,
		params,
		batchKey,
		batchable,
		estimate: item.row.smsParts ? estimateSms(text) : undefined,
		costReport,
		perRecipient,
		rawResponse: parameters.get<BulkOptions>('bulkOptions', itemIndex, {}).rawResponse === true,
	};
}

/** `mes` as sent: the channel's text with its prefix and the comment, or '' for a channel without text. */
function readMes(item: ItemReader, text: string): string {
	const { row, options, fail } = item;
	const comment = String(options.comment ?? '');
	if (comment.trim() && row.commentMeans !== undefined) {
		fail(
			`Comment cannot be used with ${row.commentMeans}.`,
			'Remove the Comment option for this channel.',
		);
	}
	const body = row.prefix !== undefined ? `${row.prefix}${text.trim()}` : text;
	const mes =
		row.text === undefined ? '' : comment.trim() ? `${body}${COMMENT_SEPARATOR}${comment}` : body;
	// `mes` as sent, comment and its marker included, in characters (not UTF-16 units)
	const length = messageLength(mes);
	if (length > MAX_MESSAGE_LENGTH) {
		fail(
			`The message is ${length} characters long; SMSC accepts at most ${MAX_MESSAGE_LENGTH}${comment.trim() ? ' (text, comment and the comment marker together)' : ''}.`,
		);
	}
	return mes;
}

/**
 * Attachments: binary fields of the item, checked before any request against the file types SMSC
 * names for the channel (only MMS has such a list; no page states a size or a count).
 */
function readAttachments(item: ItemReader): Attachment[] {
	const { row, context, itemIndex, fail } = item;
	if (!row.fields.includes('attachments')) return [];
	const properties = splitList(item.get<unknown>('attachments', '')).filter(
		(name, index, all) => all.indexOf(name) === index,
	);
	return properties.map((property) => {
		let binary: IBinaryData | undefined;
		try {
			binary = context.helpers.assertBinaryData(itemIndex, property);
		} catch {
			fail(
				`The item has no binary field "${property}" to attach.`,
				'Enter in Attachments the names of binary fields of the input item, e.g. data.',
			);
		}
		const fileName =
			binary!.fileName ?? `${property}${binary!.fileExtension ? `.${binary!.fileExtension}` : ''}`;
		if (
			row.fileTypes !== undefined &&
			!row.fileTypes.includes(fileType(fileName, binary!.fileExtension))
		) {
			fail(
				`The file "${fileName}" (binary field "${property}") cannot go in an MMS: SMSC takes only ${row.fileTypes.join(', ')} files.`,
				'SMSC takes text, pictures, music and video of these types in an MMS.',
			);
		}
		return { property, fileName, contentType: binary!.mimeType || 'application/octet-stream' };
	});
}

/** The sender: Sender Email for a channel that shows it, else the Sender Name option. */
function readSender(item: ItemReader): string {
	const { row, options, fail } = item;
	if (row.fields.includes('senderEmail')) {
		const sender = String(item.get<string>('senderEmail', '') ?? '').trim();
		if (!isEmail(sender)) fail(notAnEmail(sender, 'Sender Email'));
		return sender;
	}
	const sender = locatorValue(options.sender).value;
	const problem = senderNameProblem(sender);
	if (problem) fail(problem.message, problem.hint);
	return sender;
}

/** The remaining send.php options: validity, parts, translit, short links and the client's message ID. */
function readDeliveryOptions(item: ItemReader): IDataObject {
	const { options, fail } = item;
	const params: IDataObject = {};
	const valid = String(options.valid ?? '').trim();
	if (valid !== '') {
		if (!validValidity(valid))
			fail(
				`Validity "${valid}" is not 1 to 24 hours or a time hh:mm from 00:01 to 24:00.`,
				'E.g. 12 for twelve hours, or 00:05 for five minutes.',
			);
		params.valid = valid;
	}
	const fileUrl = String(options.fileUrl ?? '').trim();
	if (fileUrl !== '') {
		if (!/^https?:\/\/\S+$/i.test(fileUrl))
			fail(`File URL "${fileUrl}" is not an http or https address.`);
		params.fileurl = fileUrl;
	}
	if (options.wrongNumbers) params.err = 1;
	const userIp = String(options.userIp ?? '').trim();
	const captcha = String(options.captchaCode ?? '').trim();
	if (captcha !== '' && userIp === '')
		fail("Captcha Code needs the visitor's address in Visitor IP Address.");
	if (userIp !== '') params.userip = userIp;
	if (captcha !== '') params.imgcode = captcha;
	if (options.confirmEveryDays !== undefined) {
		const days = { min: 10, max: 999, whole: true };
		if (!inRange(options.confirmEveryDays, days))
			fail(outOfRange('Confirm Number Every (Days)', options.confirmEveryDays, days));
		params.smsreq = Number(options.confirmEveryDays);
	}
	if (options.maxParts !== undefined) {
		// "the maximum number of SMS" a long message may be split into: the page states no upper bound
		if (!inRange(options.maxParts, ONE_OR_MORE))
			fail(outOfRange('Max SMS Parts', options.maxParts, ONE_OR_MORE));
		params.maxsms = Number(options.maxParts);
	}
	if (options.translit) {
		if (![1, 2].includes(Number(options.translit)))
			fail(`Translit "${String(options.translit)}" is not 0, 1 or 2.`);
		params.translit = Number(options.translit);
	}
	if (options.shortenLinks) params.tinyurl = 1;
	const clientId = String(options.clientId ?? '').trim();
	if (clientId !== '') {
		if (!isClientMessageId(clientId)) {
			fail(
				`Client Message ID "${clientId}" is not accepted by SMSC.`,
				'Use a number from 1 to 2147483647, or up to 40 Latin letters, digits and the characters . - _',
			);
		}
		params.id = clientId;
	}
	return params;
}

/** The send.php parameters for one item sent on its own. */
export function singleRequestParams(message: PreparedMessage): IDataObject {
	return {
		...message.params,
		phones: message.recipients.join(','),
		...(message.mes !== '' && message.mesBytes === undefined ? { mes: message.mes } : {}),
		...(message.sender !== '' ? { sender: message.sender } : {}),
	};
}

/**
 * What a request for one item sent on its own carries besides its text parameters: `mes` as bytes
 * (bin=1) and the files, read from the item's binary data now. The page names no form field for a
 * file; `file0`, `file1`, … is a guess.
 */
export async function singleRequestPayload(
	this: IExecuteFunctions,
	message: PreparedMessage,
): Promise<{ bytes?: Record<string, Buffer>; files?: FormFile[] }> {
	const files = await Promise.all(
		message.attachments.map(async ({ property, fileName, contentType }, index) => ({
			field: `file${index}`,
			fileName,
			contentType,
			bytes: await this.helpers.getBinaryDataBuffer(message.itemIndex, property),
		})),
	);
	return {
		...(message.mesBytes !== undefined ? { bytes: { mes: message.mesBytes } } : {}),
		...(files.length > 0 ? { files } : {}),
	};
}

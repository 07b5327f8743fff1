import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { groupNumberLocator } from '../descriptions/locators';
import { channelFields } from './channelFields';
import { channelsShowing } from './channels';
import { mappedBelow, mappingFields } from './mapping';
import { sendOptions } from './options';

/** Fields shared by Send and Get Cost: what is sent, how, and to whom. */
export const messageFields: INodeProperties[] = [
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		noDataExpression: true,
		default: 'sms',
		description: 'How the message reaches the recipients',
		options: [
			{
				name: 'Binary',
				value: 'bin',
				description: 'A binary SMS given in hex, with its UDH header',
			},
			{ name: 'E-Mail', value: 'mail', description: 'An e-mail to one or more addresses' },
			{
				name: 'Flash SMS',
				value: 'flash',
				description: 'An SMS shown at once on the screen and not stored',
			},
			{
				name: 'HLR Lookup',
				value: 'hlr',
				description: 'Ask the operator network about the numbers; nothing is delivered',
			},
			{
				name: 'MMS',
				value: 'mms',
				description: 'A multimedia message: text, pictures, sound or video files',
			},
			{
				name: 'Ping',
				value: 'ping',
				description: 'An invisible SMS that checks whether the phone is reachable',
			},
			{ name: 'SMS', value: 'sms', description: 'A plain text SMS' },
			{
				name: 'Social Networks',
				value: 'soc',
				description: 'A message to Odnoklassniki, VKontakte or Mail.Ru Agent users',
			},
			{
				name: 'Telegram',
				value: 'tg',
				description: 'A numeric code of 4 to 8 digits, delivered by Telegram to a phone number',
			},
			{ name: 'Telegram Bot', value: 'bot', description: 'A message from your Telegram bot' },
			{ name: 'Viber', value: 'viber', description: 'A Viber message' },
			{ name: 'Voice Call', value: 'call', description: 'A call that reads the text aloud' },
			{ name: 'WAP Push', value: 'push', description: 'A link with a title the phone can open' },
			{ name: 'WhatsApp', value: 'whatsapp', description: 'A WhatsApp message' },
		],
	},
	{
		displayName: 'Send To',
		name: 'recipientType',
		type: 'options',
		default: 'phones',
		description: 'Whether to send to the numbers typed here or to every member of a contact group',
		options: [
			{ name: 'Contact Group', value: 'group' },
			{ name: 'Recipients', value: 'phones' },
		],
	},
	...mappingFields,
	{
		displayName: 'Phone Numbers',
		name: 'phones',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +79991234567, +77011234567',
		description:
			'One or more numbers in international format, separated by commas, or an array from an expression. A number with a leading "+" is not auto-corrected by SMSC.',
		displayOptions: {
			show: { recipientType: ['phones'], channel: channelsShowing('phones'), ...mappedBelow },
		},
	},
	{
		displayName: 'Email Addresses',
		name: 'emails',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. name@example.com',
		description:
			'One or more e-mail addresses, separated by commas, or an array from an expression',
		displayOptions: {
			show: { recipientType: ['phones'], channel: channelsShowing('emails'), ...mappedBelow },
		},
	},
	groupNumberLocator({ show: { recipientType: ['group'] } }),
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		description: 'The text to send, up to 1000 characters',
		displayOptions: { show: { channel: channelsShowing('message'), ...mappedBelow } },
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		default: '',
		typeOptions: { rows: 4 },
		description:
			'The text to send, up to 1000 characters. It may stay empty when files are attached (Attachments) or, for an MMS, when there is a Subject.',
		displayOptions: { show: { channel: channelsShowing('optionalMessage'), ...mappedBelow } },
	},
	{
		displayName: 'Code',
		name: 'message',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 4821',
		description:
			'A numeric code of 4 to 8 digits, the only thing SMSC delivers by Telegram. For other text use the Telegram Bot channel.',
		displayOptions: { show: { channel: channelsShowing('codeOrMessage'), ...mappedBelow } },
	},
	{
		displayName: 'Hex Message',
		name: 'binaryMessage',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 050A0307056048656C6C6F',
		description:
			'The message bytes in hexadecimal, starting with the UDH header whose first byte is its length. Start with 00 to send without a header.',
		displayOptions: { show: { channel: channelsShowing('binaryMessage') } },
	},
	{
		displayName: 'Binary Format',
		name: 'binaryFormat',
		type: 'options',
		default: 'hex',
		description: 'How the bytes of Hex Message travel to SMSC. Both deliver the same message.',
		displayOptions: { show: { channel: channelsShowing('binaryFormat') } },
		options: [
			{
				name: 'Hex String (Bin=2)',
				value: 'hex',
				description: 'The hex digits as typed; items can share one bulk request',
			},
			{
				name: 'URL-Encoded Bytes (Bin=1)',
				value: 'bytes',
				description: 'The bytes themselves; each item goes in a request of its own',
			},
		],
	},
	...channelFields,
];

/**
 * The fields Send and Get Cost both declare: the same objects, so the node lists them once and a
 * value typed for one operation stays when switching to the other.
 */
export const sendAndCostFields: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['send', 'getCost'] } },
	[...messageFields, sendOptions],
);

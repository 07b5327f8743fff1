import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { channelsOffering, channelsShowing } from './channels';

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
	{
		displayName: 'Phone Numbers',
		name: 'phones',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +79991234567, +77011234567',
		description:
			'One or more numbers in international format, separated by commas, or an array from an expression. A number with a leading "+" is not auto-corrected by SMSC.',
		displayOptions: { show: { recipientType: ['phones'], channel: channelsShowing('phones') } },
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
		displayOptions: { show: { recipientType: ['phones'], channel: channelsShowing('emails') } },
	},
	{
		displayName: 'Contact Group',
		name: 'group',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The contact group whose members receive the message',
		displayOptions: { show: { recipientType: ['group'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a group…',
				// searchable as the group locator is (see groupLocator for SMSC's error 9)
				typeOptions: { searchListMethod: 'searchGroupNumbers', searchable: true },
			},
			{
				displayName: 'By Number',
				name: 'number',
				type: 'string',
				placeholder: 'e.g. 5',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*[Gg]?\\d+\\s*$',
							errorMessage: 'The group number is a whole number, e.g. 5',
						},
					},
				],
			},
		],
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		description: 'The text to send, up to 1000 characters',
		displayOptions: { show: { channel: channelsShowing('message') } },
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		default: '',
		typeOptions: { rows: 4 },
		description:
			'The text to send, up to 1000 characters. It may stay empty when files are attached (Attachments) or, for an MMS, when there is a Subject.',
		displayOptions: { show: { channel: channelsShowing('optionalMessage') } },
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
		displayOptions: { show: { channel: channelsShowing('codeOrMessage') } },
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
	{
		displayName: 'Link',
		name: 'pushUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/offer',
		description: 'The address the phone opens',
		displayOptions: { show: { channel: channelsShowing('pushUrl') } },
	},
	{
		displayName: 'Link Title',
		name: 'pushTitle',
		type: 'string',
		default: '',
		placeholder: 'e.g. Our offer',
		description: 'The title shown with the link',
		displayOptions: { show: { channel: channelsShowing('pushTitle') } },
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		required: true,
		default: '',
		description: 'The e-mail subject',
		displayOptions: { show: { channel: channelsShowing('subject') } },
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		description: 'The MMS subject. Without one SMSC uses the sender name.',
		displayOptions: { show: { channel: channelsShowing('mmsSubject') } },
	},
	{
		displayName: 'Attachments',
		name: 'attachments',
		type: 'string',
		default: '',
		placeholder: 'e.g. data, invoice',
		hint: 'Each item with files is sent in a request of its own',
		description:
			'Names of the input binary fields whose files go with the message, separated by commas; empty sends no file. An MMS takes txt, jpg, gif, png, wav, amr, mp3, mid, mp4 and 3gp files.',
		displayOptions: { show: { channel: channelsShowing('attachments') } },
	},
	{
		displayName: 'Sender Email',
		name: 'senderEmail',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'The sender address of the e-mail, registered in the SMSC account',
		displayOptions: { show: { channel: channelsShowing('senderEmail') } },
	},
	{
		displayName: 'Bot Name',
		name: 'botName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. @shop_news_bot',
		description: 'The Telegram bot that sends the message, connected to the SMSC account',
		displayOptions: { show: { channel: channelsShowing('botName') } },
	},
	{
		displayName: 'Voice',
		name: 'voice',
		type: 'options',
		default: 'm3',
		description: 'The voice that reads the text',
		displayOptions: { show: { channel: channelsShowing('voice') } },
		options: [
			{ name: 'Female 1', value: 'w' },
			{ name: 'Female 2', value: 'w2' },
			{ name: 'Female 3', value: 'w3' },
			{ name: 'Female 4', value: 'w4' },
			{ name: 'Male 1', value: 'm' },
			{ name: 'Male 2', value: 'm2' },
			{ name: 'Male 3', value: 'm3' },
			{ name: 'Male 4', value: 'm4' },
		],
	},
	{
		displayName: 'Call Options',
		name: 'callOptions',
		type: 'collection',
		placeholder: 'Add Call Option',
		default: {},
		displayOptions: { show: { channel: channelsShowing('callOptions') } },
		options: [
			{
				displayName: 'Attempts',
				name: 'attempts',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 9 },
				default: 8,
				description: 'How many times to call in total when nobody answers',
			},
			{
				displayName: 'Language',
				name: 'language',
				type: 'string',
				default: '',
				placeholder: 'e.g. en',
				description: 'Two-letter code of the language the text is read in, e.g. en, de, fr',
			},
			{
				displayName: 'Retry Interval (Seconds)',
				name: 'retryInterval',
				type: 'number',
				typeOptions: { minValue: 10, maxValue: 3600 },
				default: 10,
				description: 'Seconds to wait before calling again',
			},
			{
				displayName: 'Wait for Answer (Seconds)',
				name: 'waitSeconds',
				type: 'number',
				typeOptions: { minValue: 10, maxValue: 35 },
				default: 25,
				description: 'Seconds to let the phone ring before counting the call as unanswered',
			},
		],
	},
];

/** Send options shared by Send and Get Cost; output options show for Send only. */
export const sendOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Captcha Code',
			name: 'captchaCode',
			type: 'string',
			default: '',
			description:
				'The captcha text the visitor typed on your web form; SMSC checks it for Visitor IP Address (set both)',
		},
		{
			displayName: 'Client Message ID',
			name: 'clientId',
			type: 'string',
			default: '',
			placeholder: 'e.g. order-1042',
			description:
				'Your own ID for the message: a number from 1 to 2147483647, or up to 40 letters, digits and . - _. Items with different IDs are never batched together.',
		},
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			default: '',
			description:
				'A note kept in the SMSC message history only; recipients never see it and it costs nothing',
		},
		{
			displayName: 'Confirm Number Every (Days)',
			name: 'confirmEveryDays',
			type: 'number',
			typeOptions: { minValue: 10, maxValue: 999 },
			default: 30,
			description:
				'SMSC hides the text sent and warns that the number needs confirming again when it was last confirmed more than this many days ago (SMSC "smsreq")',
		},
		{
			displayName: 'Cost Reporting',
			name: 'costReport',
			type: 'options',
			default: 0,
			description: 'Whether to add the price of the message, and the new balance, to the output',
			displayOptions: { show: { '/operation': ['send'] } },
			options: [
				{ name: 'Cost', value: 2 },
				{ name: 'Cost and New Balance', value: 3 },
				{ name: 'None', value: 0 },
			],
		},
		{
			displayName: 'File URL',
			name: 'fileUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/greeting.mp3',
			description:
				'The full http(s) address of a file SMSC downloads and sends with the message (at least 101 bytes), e.g. a recording for a voice call or a picture for an e-mail',
		},
		{
			displayName: 'Hour Window',
			name: 'hourWindow',
			type: 'string',
			default: '',
			placeholder: 'e.g. 9-21',
			description:
				'Send only between these hours, as "h1-h2": before h1 the message waits until h1, after h2 until h1 the next day',
		},
		{
			displayName: 'Max SMS Parts',
			name: 'maxParts',
			displayOptions: { show: { '/channel': channelsOffering('maxParts') } },
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			description:
				'Max number of parts a long message may be split into; a longer text is cut to fit',
		},
		{
			displayName: 'Per-Recipient Details',
			name: 'perRecipient',
			type: 'boolean',
			default: false,
			description:
				'Whether to add the status, network code and cost of every recipient to the output',
			displayOptions: { show: { '/operation': ['send'] } },
		},
		{
			displayName: 'Report Wrong Numbers',
			name: 'wrongNumbers',
			type: 'boolean',
			default: false,
			description:
				'Whether to add the numbers SMSC refused, with their status and error code, to the output (SMSC "err")',
			displayOptions: { show: { '/operation': ['send'] } },
		},
		{
			displayName: 'Send After (Minutes)',
			name: 'delayMinutes',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60,
			description: 'Send this many minutes from now',
		},
		{
			displayName: 'Send At',
			name: 'sendAt',
			type: 'dateTime',
			default: '',
			description: 'When to send the message; a time in the past sends it at once',
		},
		{
			// A resource locator, not an options field: n8n's editor shows an options field's loading
			// error as "[object Object]", while a list search shows the error's own text. An empty
			// value is also valid here, where an options field marks "" as unsupported.
			displayName: 'Sender Name',
			name: 'sender',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			description:
				'Name shown to the recipient. The list has only the names SMSC has approved for the account; a new name appears once the moderator approves it.',
			// an e-mail goes out from Sender Email; a sender name would be ignored there
			displayOptions: { hide: { '/channel': channelsShowing('senderEmail') } },
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					placeholder: 'Select an approved sender name…',
					typeOptions: { searchListMethod: 'searchSenderNames', searchable: true },
				},
				{
					displayName: 'By Name',
					name: 'name',
					type: 'string',
					placeholder: 'e.g. MyShop',
				},
			],
		},
		{
			displayName: 'Shorten Links',
			name: 'shortenLinks',
			displayOptions: { show: { '/channel': channelsOffering('shortenLinks') } },
			type: 'boolean',
			default: false,
			description: 'Whether SMSC replaces links in the text with short ones that count clicks',
		},
		{
			displayName: 'Spread Over (Hours)',
			name: 'period',
			type: 'number',
			typeOptions: { minValue: 0.1, maxValue: 720, numberPrecision: 1 },
			default: 1,
			description:
				'Spread the sending to a group or many numbers evenly over this many hours (with Spread Step)',
		},
		{
			displayName: 'Spread Step (Minutes)',
			name: 'freq',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1440 },
			default: 10,
			description: 'When spreading, send the next share of recipients every this many minutes',
		},
		{
			displayName: 'Time Zone (Hours From Moscow)',
			name: 'tz',
			type: 'string',
			default: '',
			placeholder: 'e.g. -1',
			description:
				'The time zone of Hour Window, in hours from Moscow time from -15 to 11, e.g. -1 for Kaliningrad or 2 for Yekaterinburg. Empty: the zone set in the SMSC account.',
		},
		{
			displayName: 'Translit',
			name: 'translit',
			displayOptions: { show: { '/channel': channelsOffering('translit') } },
			type: 'options',
			default: 0,
			description:
				'Whether SMSC rewrites Cyrillic text in Latin letters, which makes long messages cheaper',
			options: [
				{ name: 'Look-Alike Latin (MpaHc/Ium)', value: 2 },
				{ name: 'No', value: 0 },
				{ name: 'Translit', value: 1 },
			],
		},
		{
			displayName: 'Validity',
			name: 'valid',
			// "the lifetime of an SMS message: how long the operator tries to deliver it" (SMSC page
			// "Відправка SMS-повідомлення", `valid`): an e-mail has no operator
			displayOptions: { hide: { '/channel': channelsShowing('emails') } },
			type: 'string',
			default: '24',
			placeholder: 'e.g. 00:05',
			description:
				'How long the operator keeps trying to deliver the message: whole hours from 1 to 24, or hh:mm from 00:01 to 24:00 (e.g. 00:05 for a one-time code)',
		},
		{
			displayName: 'Visitor IP Address',
			name: 'userIp',
			type: 'string',
			default: '',
			placeholder: 'e.g. 203.0.113.5',
			description:
				'For codes requested on your web form: the visitor\'s IP address, so the per-IP daily limit set in the SMSC account applies (SMSC "userip")',
		},
	],
};

/**
 * The fields Send and Get Cost both declare: the same objects, so the node lists them once and a
 * value typed for one operation stays when switching to the other.
 */
export const sendAndCostFields: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['send', 'getCost'] } },
	[...messageFields, sendOptions],
);

/**
 * How Send packs and paces its requests, and the raw answer: settings of the run, not of the
 * message, so they are kept out of Options. Send reads them from the first item.
 */
export const bulkOptions: INodeProperties = {
	displayName: 'Bulk Options',
	name: 'bulkOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1000 },
			default: 200,
			description: 'Max number of items packed into one request when Batching is on',
		},
		{
			displayName: 'Batching',
			name: 'batching',
			type: 'boolean',
			default: true,
			description:
				'Whether to pack items with the same options into one request (SMSC "list"). Off sends one request per item.',
		},
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 14 },
			default: 10,
			description:
				'Max number of requests in flight at once. SMSC refuses a 15th concurrent request per login.',
		},
		{
			displayName: 'Include Raw Response',
			name: 'rawResponse',
			type: 'boolean',
			default: false,
			description: "Whether to add SMSC's answer, as received, to the output",
		},
	],
};

/** The fields only Send declares. */
export const sendOnlyFields: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['send'] } },
	[bulkOptions],
);

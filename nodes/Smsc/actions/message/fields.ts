import type { INodeProperties } from 'n8n-workflow';

/** The channels Send and Get Cost offer; each maps to one send.php flag (003). */
export type Channel =
	| 'bin'
	| 'bot'
	| 'call'
	| 'flash'
	| 'hlr'
	| 'mail'
	| 'ping'
	| 'push'
	| 'sms'
	| 'tg'
	| 'viber';

/** Channels whose text is counted in SMS parts by the phone network. */
export const SMS_CHANNELS: Channel[] = ['sms', 'flash'];
/** Channels that send no text at all. */
export const TEXTLESS_CHANNELS: Channel[] = ['hlr', 'ping'];

const TEXT_CHANNELS: Channel[] = ['bot', 'call', 'flash', 'mail', 'sms', 'tg', 'viber'];
const PHONE_CHANNELS: Channel[] = ['bin', 'bot', 'call', 'flash', 'hlr', 'ping', 'push', 'sms', 'tg', 'viber'];

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
			{ name: 'Binary', value: 'bin', description: 'A binary SMS given in hex, with its UDH header' },
			{ name: 'E-Mail', value: 'mail', description: 'An e-mail to one or more addresses' },
			{ name: 'Flash SMS', value: 'flash', description: 'An SMS shown at once on the screen and not stored' },
			{ name: 'HLR Lookup', value: 'hlr', description: 'Ask the operator network about the numbers; nothing is delivered' },
			{ name: 'Ping', value: 'ping', description: 'An invisible SMS that checks whether the phone is reachable' },
			{ name: 'SMS', value: 'sms', description: 'A plain text SMS' },
			{ name: 'Telegram', value: 'tg', description: 'A code to a phone number, or a message to a Telegram user ID' },
			{ name: 'Telegram Bot', value: 'bot', description: 'A message from your Telegram bot' },
			{ name: 'Viber', value: 'viber', description: 'A Viber message' },
			{ name: 'Voice Call', value: 'call', description: 'A call that reads the text aloud' },
			{ name: 'WAP Push', value: 'push', description: 'A link with a title the phone can open' },
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
		hint: 'For Telegram, a Telegram user ID is written as #ID, e.g. #123456789',
		displayOptions: { show: { recipientType: ['phones'], channel: PHONE_CHANNELS } },
	},
	{
		displayName: 'Email Addresses',
		name: 'emails',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. name@example.com',
		description: 'One or more e-mail addresses, separated by commas, or an array from an expression',
		displayOptions: { show: { recipientType: ['phones'], channel: ['mail'] } },
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
				typeOptions: { searchListMethod: 'searchGroupNumbers', searchable: false },
			},
			{
				displayName: 'By Number',
				name: 'number',
				type: 'string',
				placeholder: 'e.g. 5',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*[Gg]?\\d+\\s*$', errorMessage: 'The group number is a whole number, e.g. 5' },
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
		displayOptions: { show: { channel: TEXT_CHANNELS.filter((c) => c !== 'tg') } },
	},
	{
		displayName: 'Code or Message',
		name: 'message',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 4821',
		description:
			'For a phone number: a numeric code of 4 to 8 digits, delivered by Telegram. For a Telegram user ID (#ID): any text up to 1000 characters.',
		displayOptions: { show: { channel: ['tg'] } },
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
		displayOptions: { show: { channel: ['bin'] } },
	},
	{
		displayName: 'Link',
		name: 'pushUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/offer',
		description: 'The address the phone opens',
		displayOptions: { show: { channel: ['push'] } },
	},
	{
		displayName: 'Link Title',
		name: 'pushTitle',
		type: 'string',
		default: '',
		placeholder: 'e.g. Our offer',
		description: 'The title shown with the link',
		displayOptions: { show: { channel: ['push'] } },
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		required: true,
		default: '',
		description: 'The e-mail subject',
		displayOptions: { show: { channel: ['mail'] } },
	},
	{
		displayName: 'Sender Email',
		name: 'senderEmail',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'The sender address of the e-mail, registered in the SMSC account',
		displayOptions: { show: { channel: ['mail'] } },
	},
	{
		displayName: 'Bot Name',
		name: 'botName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. @shop_news_bot',
		description: 'The Telegram bot that sends the message, connected to the SMSC account',
		displayOptions: { show: { channel: ['bot'] } },
	},
	{
		displayName: 'Voice',
		name: 'voice',
		type: 'options',
		default: 'm3',
		description: 'The voice that reads the text',
		displayOptions: { show: { channel: ['call'] } },
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
		displayOptions: { show: { channel: ['call'] } },
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

/** Send options shared by Send and Get Cost; bulk and output options show for Send only. */
export const sendOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
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
			displayOptions: { show: { '/operation': ['send'] } },
		},
		{
			displayName: 'Batching',
			name: 'batching',
			type: 'boolean',
			default: true,
			description:
				'Whether to pack items with the same options into one request (SMSC "list"). Off sends one request per item.',
			displayOptions: { show: { '/operation': ['send'] } },
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
			description: 'A note kept in the SMSC message history only; recipients never see it and it costs nothing',
		},
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 14 },
			default: 10,
			description: 'Max number of requests in flight at once. SMSC refuses a 15th concurrent request per login.',
			displayOptions: { show: { '/operation': ['send'] } },
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
			displayName: 'Hour Window',
			name: 'hourWindow',
			type: 'string',
			default: '',
			placeholder: 'e.g. 9-21',
			description:
				'Send only between these hours, as "h1-h2": before h1 the message waits until h1, after h2 until h1 the next day',
		},
		{
			displayName: 'Include Raw Response',
			name: 'rawResponse',
			type: 'boolean',
			default: false,
			description: "Whether to add SMSC's answer, as received, to the output",
			displayOptions: { show: { '/operation': ['send'] } },
		},
		{
			displayName: 'Max SMS Parts',
			name: 'maxParts',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			description: 'Max number of parts a long message may be split into; a longer text is cut to fit',
		},
		{
			displayName: 'Per-Recipient Details',
			name: 'perRecipient',
			type: 'boolean',
			default: false,
			description: 'Whether to add the status, network code and cost of every recipient to the output',
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
			displayName: 'Sender Name or ID',
			name: 'sender',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getSenderNames' },
			default: '',
			description:
				'Name shown to the recipient, one of the active sender names of the account. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			// an e-mail goes out from Sender Email; a sender name would be ignored there
			displayOptions: { hide: { '/channel': ['mail'] } },
		},
		{
			displayName: 'Shorten Links',
			name: 'shortenLinks',
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
			description: 'Spread the sending to a group or many numbers evenly over this many hours (with Spread Step)',
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
			type: 'number',
			typeOptions: { minValue: -12, maxValue: 12 },
			default: 0,
			description:
				'The time zone of the hour window, relative to Moscow time, e.g. -1 for Kaliningrad. Leave unset to use the zone of the SMSC account.',
		},
		{
			displayName: 'Translit',
			name: 'translit',
			type: 'options',
			default: 0,
			description: 'Whether SMSC rewrites Cyrillic text in Latin letters, which makes long messages cheaper',
			options: [
				{ name: 'Look-Alike Latin (MpaHc/Ium)', value: 2 },
				{ name: 'No', value: 0 },
				{ name: 'Translit', value: 1 },
			],
		},
		{
			displayName: 'Validity (Hours)',
			name: 'valid',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 24 },
			default: 24,
			description: 'How long the operator keeps trying to deliver the message',
		},
	],
};

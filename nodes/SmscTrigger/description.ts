import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

export const MIN_TOKEN_LENGTH = 16;
export const TOKEN_CHARACTERS = /^[A-Za-z0-9._~-]+$/;

/** Events both triggers report the same way; each trigger adds its own delivery-status wording. */
export const callVerificationEvent: INodePropertyOptions = {
	name: 'Call Verification',
	value: 'callVerification',
	description: 'A subscriber called the number given by a call verification (wait_call) request',
};

export const incomingMessageEvent: INodePropertyOptions = {
	name: 'Incoming Message',
	value: 'incomingMessage',
	description: 'Someone sent an SMS to a number of your account',
};

export const filtersProperty: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Message Text Contains',
			name: 'textContains',
			type: 'string',
			default: '',
			description: 'Start the workflow only for incoming messages whose text contains this (case-insensitive)',
		},
		{
			displayName: 'Receiving Numbers',
			name: 'toNumbers',
			type: 'string',
			default: '',
			placeholder: 'e.g. 79001234567, 79007654321',
			description:
				'Start the workflow only for incoming messages and call verifications received by one of these numbers (comma-separated)',
		},
		{
			displayName: 'Statuses',
			name: 'statuses',
			type: 'multiOptions',
			default: [],
			description: 'Start the workflow only for delivery statuses with one of these codes',
			options: [
				{ name: 'Any Delivered (1, 2, 4)', value: 'anyDelivered' },
				{ name: 'Any Failed (-2, 3, 20, 22, 23, 24, 25)', value: 'anyFailed' },
				{ name: 'Cannot Be Delivered (20)', value: '20' },
				{ name: 'Delivered (1)', value: '1' },
				{ name: 'Expired (3)', value: '3' },
				{ name: 'Invalid Number (22)', value: '22' },
				{ name: 'Link Clicked (4)', value: '4' },
				{ name: 'Not Enough Money (24)', value: '24' },
				{ name: 'Passed to the Operator (0)', value: '0' },
				{ name: 'Prohibited (23)', value: '23' },
				{ name: 'Read (2)', value: '2' },
				{ name: 'Stopped (-2)', value: '-2' },
				{ name: 'Unreachable Number (25)', value: '25' },
				{ name: 'Waiting to Be Sent (-1)', value: '-1' },
			],
		},
	],
};

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'SMSC has one handler URL per account. In your SMSC account open Settings and paste the Production URL shown above into "Handler URL" (the field for status notifications and incoming messages), adding ?token=, the Secret Token below and &charset=utf-8, e.g. https://n8n.example.com/webhook/…/smsc?token=YOUR_SECRET_TOKEN&charset=utf-8. Keep SMSC\'s default format (form fields); JSON (fmt=3) and XML (fmt=2) work only together with charset=utf-8.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['deliveryStatus', 'incomingMessage', 'callVerification'],
		description: 'Which SMSC callbacks start the workflow; every other callback is answered and ignored',
		options: [
			callVerificationEvent,
			{
				name: 'Delivery Status',
				value: 'deliveryStatus',
				description: 'The status of a sent message changed (delivered, read, failed …)',
			},
			incomingMessageEvent,
			{
				name: 'Other Callback',
				value: 'other',
				description: 'Any call from SMSC that is neither a status nor a message, with its fields as received',
			},
		],
	},
	{
		displayName: 'Secret Token',
		name: 'token',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		placeholder: 'e.g. k3Jd9sPq2LmX7vRt5wYz',
		description: `A random string of at least ${MIN_TOKEN_LENGTH} letters and digits that you make up. The handler URL in SMSC must end with ?token= and this value; calls without it are refused with 401 and start nothing.`,
	},
	filtersProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Character Set',
				name: 'charset',
				type: 'options',
				default: 'auto',
				description:
					'How to read the text SMSC sends. Automatic follows the request and the handler URL: UTF-8 when it says charset=utf-8, otherwise SMSC\'s default windows-1251.',
				options: [
					{ name: 'Automatic', value: 'auto' },
					{ name: 'KOI8-R', value: 'koi8-r' },
					{ name: 'UTF-8', value: 'utf-8' },
					{ name: 'Windows-1251', value: 'windows-1251' },
				],
			},
		],
	},
];

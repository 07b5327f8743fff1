import type { INodeProperties } from 'n8n-workflow';

import { callVerificationEvent, filtersProperty, incomingMessageEvent } from '../shared/triggers/events';

export const MIN_TOKEN_LENGTH = 16;
export const TOKEN_CHARACTERS = /^[A-Za-z0-9._~-]+$/;

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

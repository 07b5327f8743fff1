import type { INodeProperties } from 'n8n-workflow';

import { sendOptions } from '../send/options';

/**
 * The names follow n8n's own Send and Wait for Response operations (`message`, `responseType`,
 * `approvalOptions.values`, `options.limitWaitTime.values`), so n8n 2.x can offer this operation
 * to an AI agent as a human-approval tool the way it offers the built-in ones.
 */

const limitWaitTime: INodeProperties = {
	displayName: 'Limit Wait Time',
	name: 'limitWaitTime',
	type: 'fixedCollection',
	description: 'When nobody answers in time, the workflow goes on by itself with the input item',
	default: { values: { limitType: 'afterTimeInterval', resumeAmount: 45, resumeUnit: 'minutes' } },
	options: [
		{
			displayName: 'Values',
			name: 'values',
			values: [
				{
					displayName: 'Limit Type',
					name: 'limitType',
					type: 'options',
					default: 'afterTimeInterval',
					options: [
						{
							name: 'After Time Interval',
							description: 'Waits for a certain amount of time',
							value: 'afterTimeInterval',
						},
						{
							name: 'At Specified Time',
							description: 'Waits until a date and time',
							value: 'atSpecifiedTime',
						},
					],
				},
				{
					displayName: 'Amount',
					name: 'resumeAmount',
					type: 'number',
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
					typeOptions: { minValue: 0.01, numberPrecision: 2 },
					default: 45,
					description: 'How long to wait for the answer',
				},
				{
					displayName: 'Unit',
					name: 'resumeUnit',
					type: 'options',
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
					options: [
						{ name: 'Minutes', value: 'minutes' },
						{ name: 'Hours', value: 'hours' },
						{ name: 'Days', value: 'days' },
					],
					default: 'minutes',
				},
				{
					displayName: 'Max Date and Time',
					name: 'maxDateAndTime',
					type: 'dateTime',
					displayOptions: { show: { limitType: ['atSpecifiedTime'] } },
					default: '',
					description: 'When the workflow goes on if nobody has answered',
				},
			],
		},
	],
};

/** Send's own Sender Name picker (approved names from SMSC), without its channel rule: this is always an SMS. */
const senderOption: INodeProperties[] = (sendOptions.options ?? [])
	.filter((option): option is INodeProperties => option.name === 'sender' && 'type' in option)
	.map(({ displayOptions: _channelRule, ...sender }) => sender);

export const sendAndWaitFields: INodeProperties[] = [
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +79991234567',
		description:
			'The one phone number, in international format, of the person who answers. Only the first input item is read.',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		description:
			'The question. The SMS carries it followed by a link to the page where the person answers.',
	},
	{
		displayName: 'Response Type',
		name: 'responseType',
		type: 'options',
		default: 'approval',
		options: [
			{
				name: 'Approval',
				value: 'approval',
				description: 'The person approves, or approves or declines, on the page',
			},
			{
				name: 'Free Text',
				value: 'freeText',
				description: 'The person types an answer on the page',
			},
		],
	},
	{
		displayName: 'Approval Options',
		name: 'approvalOptions',
		type: 'fixedCollection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { responseType: ['approval'] } },
		options: [
			{
				displayName: 'Values',
				name: 'values',
				values: [
					{
						displayName: 'Type of Approval',
						name: 'approvalType',
						type: 'options',
						default: 'single',
						options: [
							{ name: 'Approve Only', value: 'single' },
							{ name: 'Approve and Decline', value: 'double' },
						],
					},
					{
						displayName: 'Approve Button Label',
						name: 'approveLabel',
						type: 'string',
						default: 'Approve',
					},
					{
						displayName: 'Decline Button Label',
						name: 'disapproveLabel',
						type: 'string',
						default: 'Decline',
						displayOptions: { show: { approvalType: ['double'] } },
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			limitWaitTime,
			...senderOption,
			{
				displayName: 'Shorten Links',
				name: 'shortenLinks',
				type: 'boolean',
				default: false,
				description:
					'Whether SMSC replaces the answer link with a short one, so that the question has more room in the SMS',
			},
		],
	},
];

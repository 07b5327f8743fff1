import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

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
			description:
				'Start the workflow only for incoming messages whose text contains this (case-insensitive)',
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

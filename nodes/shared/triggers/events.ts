import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { DELIVERED_STATUSES, FAILED_STATUSES, MESSAGE_STATUSES } from '../smsc/codes';

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

/** "Passed to the operator" as an option name: "Passed to the Operator". */
function titleCase(text: string): string {
	return text
		.split(' ')
		.map((word, i) =>
			i > 0 && ['the', 'to'].includes(word) ? word : word[0].toUpperCase() + word.slice(1),
		)
		.join(' ');
}

/**
 * The Statuses filter: the two groups the filter expands (shared/smsc/codes.ts), then each delivery
 * status SMSC reports, named with its code. Status -3 ("message not found") is an answer of
 * status.php, never a delivery status.
 */
const STATUS_OPTIONS: INodePropertyOptions[] = [
	{ name: `Any Delivered (${DELIVERED_STATUSES.join(', ')})`, value: 'anyDelivered' },
	{ name: `Any Failed (${FAILED_STATUSES.join(', ')})`, value: 'anyFailed' },
	...Object.entries(MESSAGE_STATUSES)
		.filter(([code]) => code !== '-3')
		.map(([code, { description }]) => ({
			name: `${titleCase(description)} (${code})`,
			value: code,
		})),
].sort((a, b) => a.name.localeCompare(b.name));

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
			options: STATUS_OPTIONS,
		},
	],
};

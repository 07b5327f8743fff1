import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../shared/editor/options';
import {
	callVerificationEvent,
	filtersProperty,
	incomingMessageEvent,
} from '../shared/triggers/events';

export const MIN_TOKEN_LENGTH = 16;
/** The path of the trigger's webhooks below /webhook/<id>/. */
export const WEBHOOK_PATH = 'smsc';
/** The characters a token may have: they pass through a URL query unencoded. */
const TOKEN_CHARACTER = '[A-Za-z0-9._~-]';
export const TOKEN_CHARACTERS = new RegExp(`^${TOKEN_CHARACTER}+$`);

/**
 * The handler URL SMSC must call, as an expression the editor resolves: n8n's address below the
 * webhook prefix, the token in clear (the Secret Token field is masked) and the charset the node
 * reads best (the handler URL "may carry charset=utf-8", SMSC's callbacks as digested in smsc-docs/README.md). Only n8n's own address is left to the user: an
 * expression in the editor cannot read it.
 */
function handlerUrlExpression(prefix: 'webhook' | 'webhook-test'): string {
	return `={{ "YOUR_N8N_URL/${prefix}/" + $webhookId + "/${WEBHOOK_PATH}?token=" + encodeURIComponent($parameter["token"]) + "&charset=utf-8" }}`;
}

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'SMSC calls one handler URL per account (status notifications and incoming messages). 1. Make up a Secret Token below. 2. Copy the Handler URL below, put your n8n address in place of YOUR_N8N_URL (the start of Webhook URLs > Production URL) and paste it into SMSC > Settings > "Handler URL". 3. Publish the workflow. To see a test event here first: press "Execute step", paste the Test Handler URL below into SMSC the same way and, while this panel listens, send a message to your SMSC number or an SMS from SMSC; then put the Handler URL back.',
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
		description:
			'Which SMSC callbacks start the workflow; every other callback is answered and ignored',
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
				description:
					'Any call from SMSC that is neither a status nor a message, with its fields as received',
			},
		],
	},
	{
		// Masked, as n8n's scanner requires of a token; the Handler URL below shows it in clear.
		displayName: 'Secret Token',
		name: 'token',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		placeholder: 'e.g. k3Jd9sPq2LmX7vRt5wYz',
		description: `A random string of at least ${MIN_TOKEN_LENGTH} letters and digits that you make up. The handler URL in SMSC must end with ?token= and this value; calls without it are refused with 401 and start nothing.`,
		// A static hint, not a notice shown by a regex condition: n8n 2.41 evaluates every display
		// condition of the node on each execution, and runs a regex condition in a vm with a timeout,
		// which cost more than the rest of an execution and failed some under load (issue 11).
		hint: `At least ${MIN_TOKEN_LENGTH} characters of letters, digits, ".", "_", "~" or "-"; the workflow cannot be published until it is`,
	},
	{
		// Not read by the node: an expression the editor resolves, so the user sees what to paste.
		displayName: 'Handler URL',
		name: 'handlerUrl',
		type: 'string',
		default: handlerUrlExpression('webhook'),
		description:
			'What to paste into SMSC Settings, Handler URL, with YOUR_N8N_URL replaced by the start of the Production URL shown in Webhook URLs. Only for reading; the node does not use this field.',
	},
	{
		// "Execute step" listens on n8n's test address only: SMSC must call that one for a test event.
		displayName: 'Test Handler URL',
		name: 'testHandlerUrl',
		type: 'string',
		default: handlerUrlExpression('webhook-test'),
		description:
			'What to paste into SMSC Settings, Handler URL, for a test event while "Execute step" listens, with YOUR_N8N_URL replaced as above. Put the Handler URL back afterwards. Only for reading; the node does not use this field.',
	},
	filtersProperty,
	optionsCollection([
		{
			displayName: 'Character Set',
			name: 'charset',
			type: 'options',
			default: 'auto',
			description:
				"How to read the text SMSC sends. Automatic follows the request and the handler URL: UTF-8 when it says charset=utf-8, otherwise SMSC's default windows-1251.",
			options: [
				{ name: 'Automatic', value: 'auto' },
				{ name: 'KOI8-R', value: 'koi8-r' },
				{ name: 'UTF-8', value: 'utf-8' },
				{ name: 'Windows-1251', value: 'windows-1251' },
			],
		},
	]),
];

import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../shared/editor/options';
import {
	callVerificationEvent,
	filtersProperty,
	incomingMessageEvent,
} from '../shared/triggers/events';

export const MIN_TOKEN_LENGTH = 16;
/** The path of the trigger's webhooks below /webhook/<id>/ in versions 1 and 2 (the token goes in the query). */
export const WEBHOOK_PATH = 'smsc';
/**
 * Version 3's path carries the token (`smsc/<token>`), so n8n's own Webhook URLs section shows the
 * whole URL SMSC must call, and there is nothing to build by hand. Versions 1 and 2 keep the literal
 * `smsc`: their URLs are pasted in SMSC accounts already, and a literal costs n8n no expression per request.
 */
export const WEBHOOK_PATH_WITH_TOKEN = `={{ "${WEBHOOK_PATH}/" + $parameter["token"] }}`;

const VERSIONS_1_2 = { show: { '@version': [1, 2] } };
const FROM_VERSION_3 = { show: { '@version': [{ _cnd: { gte: 3 } }] } };

const TOKEN_RULE = `Use at least ${MIN_TOKEN_LENGTH} characters: letters, digits, ".", "_", "~" or "-". The workflow cannot be published until the token follows this rule.`;
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

/**
 * The Secret Token field of one set of versions. Masked, as n8n's scanner requires of a token;
 * version 3's Webhook URLs and versions 1–2's Handler URL show it in clear. Its rule is a static
 * hint, not a notice shown by a regex condition: n8n 2.41 evaluates every display condition of the
 * node on each execution, and runs a regex condition in a vm with a timeout, which cost more than
 * the rest of an execution and failed some under load (issue 11).
 */
function tokenProperty(
	description: string,
	displayOptions: INodeProperties['displayOptions'],
): INodeProperties {
	return {
		displayName: 'Secret Token',
		name: 'token',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		placeholder: 'e.g. k3Jd9sPq2LmX7vRt5wYz',
		description,
		hint: TOKEN_RULE,
		displayOptions,
	};
}

export const triggerProperties: INodeProperties[] = [
	{
		// Short numbered steps, as n8n's own trigger notices are, pointing at the panel's Webhook URLs.
		// n8n 2.41 keeps only a, ul and li of a notice's HTML: a list is the only way to break lines.
		displayName:
			'SMSC calls one URL per account for delivery statuses, incoming messages and verification calls.<ul><li>1. Make up a Secret Token below.</li><li>2. Open Webhook URLs at the top of this panel and copy the Production URL. It ends with your token.</li><li>3. In your SMSC account, open Settings and paste it into Handler URL. Save.</li><li>4. Publish this workflow.</li></ul>To see a test event first, press Execute step and paste the Test URL into SMSC the same way. Put the Production URL back afterwards.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
		displayOptions: FROM_VERSION_3,
	},
	{
		displayName:
			'SMSC calls one handler URL per account (status notifications and incoming messages). 1. Make up a Secret Token below. 2. Copy the Handler URL below, put your n8n address in place of YOUR_N8N_URL (the start of Webhook URLs > Production URL) and paste it into SMSC > Settings > "Handler URL". 3. Publish the workflow. To see a test event here first: press "Execute step", paste the Test Handler URL below into SMSC the same way and, while this panel listens, send a message to your SMSC number or an SMS from SMSC; then put the Handler URL back.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
		displayOptions: VERSIONS_1_2,
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
	tokenProperty(
		'A random string that you make up. It is the last part of the webhook URL, so only calls to the URL with it start the workflow; calls to any other URL are refused and start nothing.',
		FROM_VERSION_3,
	),
	tokenProperty(
		`A random string of at least ${MIN_TOKEN_LENGTH} letters and digits that you make up. The handler URL in SMSC must end with ?token= and this value; calls without it are refused with 401 and start nothing.`,
		VERSIONS_1_2,
	),
	{
		// Not read by the node: an expression the editor resolves, so the user sees what to paste.
		displayName: 'Handler URL',
		name: 'handlerUrl',
		type: 'string',
		default: handlerUrlExpression('webhook'),
		description:
			'What to paste into SMSC Settings, Handler URL, with YOUR_N8N_URL replaced by the start of the Production URL shown in Webhook URLs. Only for reading; the node does not use this field.',
		displayOptions: VERSIONS_1_2,
	},
	{
		// "Execute step" listens on n8n's test address only: SMSC must call that one for a test event.
		displayName: 'Test Handler URL',
		name: 'testHandlerUrl',
		type: 'string',
		default: handlerUrlExpression('webhook-test'),
		description:
			'What to paste into SMSC Settings, Handler URL, for a test event while "Execute step" listens, with YOUR_N8N_URL replaced as above. Put the Handler URL back afterwards. Only for reading; the node does not use this field.',
		displayOptions: VERSIONS_1_2,
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

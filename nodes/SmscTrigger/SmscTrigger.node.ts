import { VersionedNodeType } from 'n8n-workflow';
import type { INodeTypeBaseDescription } from 'n8n-workflow';

import { eventsSubtitle } from '../shared/editor/subtitle';
import { WEBHOOK_PATH, WEBHOOK_PATH_WITH_TOKEN } from './description';
import { SmscTriggerVersion } from './SmscTriggerVersion';

/**
 * Version 3 carries the token in the webhook path (n8n's Webhook URLs show the URL to paste) and
 * emits the items of shared/triggers/event.ts; versions 1 and 2 run as they did. Two version sets,
 * because a webhook path shared by all versions would have to be an expression, and n8n evaluates
 * it on every request (in an isolate on n8n 2.41): versions 1 and 2 keep the literal `smsc`.
 * n8n treats a webhook node of version 1 like its old Webhook node: on every request it evaluates
 * `$parameter["options"]["binaryData"]` (webhook-helpers.js, parseRequestBody); from version 2 it does not.
 */
export class SmscTrigger extends VersionedNodeType {
	constructor() {
		const base: INodeTypeBaseDescription = {
			displayName: 'SMSC Trigger',
			name: 'smscTrigger',
			icon: { light: 'file:../../icons/smsc.svg', dark: 'file:../../icons/smsc.dark.svg' },
			group: ['trigger'],
			subtitle: eventsSubtitle(),
			description:
				'Starts the workflow when SMSC reports a delivery status, an incoming message or a verification call',
			defaultVersion: 3,
		};
		const versions1And2 = new SmscTriggerVersion(base, [1, 2], WEBHOOK_PATH);
		super(
			{
				1: versions1And2,
				2: versions1And2,
				3: new SmscTriggerVersion(base, [3], WEBHOOK_PATH_WITH_TOKEN),
			},
			base,
		);
	}
}

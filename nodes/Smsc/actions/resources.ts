import type { INodeProperties } from 'n8n-workflow';

import { account } from './account';
import { blacklist } from './blacklist';
import { callVerification } from './callVerification';
import { contact } from './contact';
import { group } from './group';
import { message } from './message';
import { senderName } from './senderName';
import type { SmscResource } from './operation';

/** Every resource of the node, in the order the resource picker shows them. */
export const resources: Record<string, SmscResource> = {
	message,
	contact,
	group,
	blacklist,
	senderName,
	callVerification,
	account,
};

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Account', value: 'account' },
		{ name: 'Blacklist', value: 'blacklist' },
		{ name: 'Call Verification', value: 'callVerification' },
		{ name: 'Contact', value: 'contact' },
		{ name: 'Group', value: 'group' },
		{ name: 'Message', value: 'message' },
		{ name: 'Sender Name', value: 'senderName' },
	],
	default: 'message',
};

/**
 * The Operation picker of each resource, followed by the fields of each operation. Operations that
 * share fields (Send and Get Cost) declare the same objects, which are listed once.
 */
export const resourceProperties: INodeProperties[] = [
	...new Set(
		Object.values(resources).flatMap((resource) => [
			resource.operationProperty,
			...Object.values(resource.operations).flatMap((operation) => operation.description),
		]),
	),
];

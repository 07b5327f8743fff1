import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredText } from '../itemErrors';
import { defineOperation } from '../operation';
import { senderLocator, senderParam } from '../../descriptions/locators';
import { describeTarget } from './senderName';
import { sendersCommand, sendersFields } from './senders';

const properties: INodeProperties[] = sendersFields([
	senderLocator('The sender name to change'),
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		required: true,
		default: '',
		description: 'The new comment for the sender name, e.g. what it is used for',
	},
]);

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = senderParam.call(this, itemIndex);
	// The comment is the only thing chg changes, so a request without one would do nothing.
	const comment = requiredText(
		this,
		itemIndex,
		'comment',
		'Comment',
		'Enter the new comment; it is what this operation changes.',
	);
	const answer = await sendersCommand.call(
		this,
		itemIndex,
		{ chg: 1, ...target, cmt: comment },
		{ 3: `SMSC has no sender name ${describeTarget(target)}` },
	);
	return {
		success: true,
		...target,
		comment,
		...(answer.id !== undefined ? { id: Number(answer.id) } : {}),
	};
}

export const update = defineOperation('senderName', 'update', properties, execute, {
	name: 'Update',
	description: "Change a sender name's comment",
	action: 'Update a sender name',
});

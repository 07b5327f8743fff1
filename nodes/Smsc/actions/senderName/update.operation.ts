import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { explainSmscError } from '../../../shared/transport/errors';
import { smscRequest } from '../../../shared/transport/request';
import { defineOperation } from '../operation';
import { senderLocator, senderParam } from '../../descriptions/locators';
import { describeTarget, subClientField, subClientParam } from './senderName';

const properties: INodeProperties[] = [
	senderLocator('The sender name to change'),
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		required: true,
		default: '',
		description: 'The new comment for the sender name, e.g. what it is used for',
	},
	subClientField,
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = senderParam.call(this, itemIndex);
	const comment = String(this.getNodeParameter('comment', itemIndex, '')).trim();
	// The comment is the only thing chg changes, so a request without one would do nothing.
	if (comment === '') {
		throw new NodeOperationError(
			this.getNode(),
			'The Comment is empty; it is what this operation changes.',
			{
				itemIndex,
			},
		);
	}
	const answer = (await smscRequest
		.call(
			this,
			'senders',
			{ chg: 1, ...target, cmt: comment, ...subClientParam.call(this, itemIndex) },
			{ itemIndex },
		)
		.catch((error) =>
			explainSmscError.call(this, error, itemIndex, 'senders', {
				3: `SMSC has no sender name ${describeTarget(target)}`,
			}),
		)) as IDataObject;
	return {
		success: true,
		...target,
		comment,
		...(answer.id !== undefined ? { id: Number(answer.id) } : {}),
	};
}

export const update = defineOperation(
	'senderName',
	'update',
	properties,
	{ execute },
	{
		name: 'Update',
		description: "Change a sender name's comment",
		action: 'Update a sender name',
	},
);

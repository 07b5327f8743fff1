import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../../shared/editor/options';
import { smscRequest } from '../../../shared/transport/request';
import { BOOKS, contactAddress, contactAddressFields } from '../addressBook';
import { defineOperation } from '../operation';
import { BLOCK_TYPES } from './blacklist';

const properties: INodeProperties[] = [
	...contactAddressFields(
		'The number to block, in international format',
		'The e-mail address to block',
	),
	{
		displayName: 'Block',
		name: 'blockType',
		type: 'options',
		options: [
			{ name: 'All Messages', value: 'all', description: 'Send nothing to this number' },
			{
				name: 'Bulk Messages',
				value: 'mass',
				description:
					'Skip the number in messages to several recipients, but still send it single messages',
			},
			{
				name: 'Single Messages',
				value: 'single',
				description:
					'Skip messages sent to this number alone, but still include it in bulk messages',
			},
		],
		default: 'all',
		description: 'Which messages SMSC refuses to send to the number',
	},
	additionalFieldsCollection([
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			default: '',
			description: 'Why the number is blocked',
		},
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { book, param, value } = contactAddress.call(this, itemIndex);
	const blockType = String(this.getNodeParameter('blockType', itemIndex, 'all'));
	if (!(blockType in BLOCK_TYPES)) {
		throw new NodeOperationError(
			this.getNode(),
			`The Block "${blockType}" is not one of: all, mass, single.`,
			{
				itemIndex,
			},
		);
	}
	const { comment } = this.getNodeParameter('additionalFields', itemIndex, {}) as {
		comment?: string;
	};

	const answer = (await smscRequest.call(
		this,
		BOOKS[book].script,
		{ add_black: 1, [param]: value, type: BLOCK_TYPES[blockType], cmt: comment?.trim() },
		{ itemIndex },
	)) as IDataObject;
	return {
		id: answer.id !== undefined ? Number(answer.id) : undefined,
		[param]: value,
		type: blockType,
		...(comment?.trim() ? { comment: comment.trim() } : {}),
	};
}

export const add = defineOperation('blacklist', 'add', properties, execute, {
	name: 'Add',
	description:
		'Block messages to a phone number or e-mail address; adding a listed one changes its entry',
	action: 'Add a number to the blacklist',
});

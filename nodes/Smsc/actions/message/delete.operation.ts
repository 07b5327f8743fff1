import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { smscRequest } from '../../../shared/transport/request';
import { defineOperation } from '../operation';
import { messageRefFields, readMessageRefs } from './messageRef';

const properties: INodeProperties[] = [...messageRefFields('delete')];

/**
 * Deletes messages from the SMSC history (status.php del=1), one request per message so that each
 * result belongs to exactly one message.
 */
async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const refs = readMessageRefs.call(this, itemIndex);
	const results: IDataObject[] = [];
	for (const ref of refs) {
		const answer = (await smscRequest.call(
			this,
			'status',
			{ id: ref.id, phone: ref.phone, del: 1 },
			{
				itemIndex,
			},
		)) as IDataObject;
		results.push({
			id: ref.id,
			phone: ref.phone,
			deleted: true,
			...(answer.result ? { result: answer.result } : {}),
		});
	}
	return results;
}

export const deleteMessage = defineOperation('message', 'delete', properties, execute, {
	name: 'Delete',
	description: 'Delete a sent message from the SMSC history',
	action: 'Delete a message',
});

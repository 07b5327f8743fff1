import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { defineOperation } from '../operation';
import { senderLocator, senderParam } from '../../descriptions/locators';
import { describeTarget } from './senderName';
import { sendersCommand, sendersFields } from './senders';

const properties: INodeProperties[] = sendersFields([senderLocator('The sender name to delete')]);

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = senderParam.call(this, itemIndex);
	await sendersCommand.call(
		this,
		itemIndex,
		{ del: 1, ...target },
		{ 3: `SMSC has no sender name ${describeTarget(target)}` },
	);
	return { deleted: true, ...target };
}

export const deleteSenderName = defineOperation('senderName', 'delete', properties, execute, {
	name: 'Delete',
	description: 'Delete a sender name',
	action: 'Delete a sender name',
});

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { explainSmscError } from '../../../shared/transport/errors';
import type { FormFile } from '../../../shared/transport/body';
import { smscRequest } from '../../../shared/transport/request';

/*
 * The senders.php script (SMSC page "Управление именами отправителей"), which every Sender Name
 * operation calls: for the account, or for the sub-client named in Sub-Client Login.
 */

/**
 * `user`: "the login of the sub-client the command applies to" (SMSC page "Управление именами
 * отправителей"). Empty: the command applies to the credential's own account.
 */
const subClientField: INodeProperties = {
	displayName: 'Sub-Client Login',
	name: 'subClient',
	type: 'string',
	default: '',
	placeholder: 'e.g. shop-branch-2',
	description:
		'Apply the operation to the sender names of this sub-client of the account instead of the account itself',
};

/** A senders.php operation's fields: its own, then Sub-Client Login, which every one of them reads. */
export function sendersFields(fields: INodeProperties[]): INodeProperties[] {
	return [...fields, subClientField];
}

export function subClientParam(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const user = String(this.getNodeParameter('subClient', itemIndex, '') ?? '').trim();
	if (/[\s,]/.test(user))
		throw new NodeOperationError(this.getNode(), `Sub-Client Login "${user}" is not a login.`, {
			itemIndex,
		});
	return user === '' ? {} : { user };
}

/**
 * One senders.php command for the account, or for the sub-client named in Sub-Client Login, with
 * SMSC's error codes worded for this command. SMSC page "Управление именами отправителей"
 * documents no error codes for the script, so each operation says what they mean for it.
 */
export async function sendersCommand(
	this: IExecuteFunctions,
	itemIndex: number,
	params: IDataObject,
	errors: Partial<Record<number, string>>,
	files: FormFile[] = [],
): Promise<IDataObject> {
	return (await smscRequest
		.call(
			this,
			'senders',
			{ ...params, ...subClientParam.call(this, itemIndex) },
			{ itemIndex, ...(files.length > 0 ? { files } : {}) },
		)
		.catch((error) =>
			explainSmscError.call(this, error, itemIndex, 'senders', errors),
		)) as IDataObject;
}

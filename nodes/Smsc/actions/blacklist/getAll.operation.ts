import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { smscRequest } from '../../../shared/transport';
import { collectPages, getManyLimit, returnAllFields } from '../shared/getMany';
import type { SmscOperation } from '../types';
import { simplifyBlacklistEntry } from './blacklist';

/** phones.php returns at most 1000 records per request (000). */
const PAGE_SIZE = 1000;

const properties: INodeProperties[] = [
	...returnAllFields,
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = getManyLimit.call(this, itemIndex);
	const entries = await collectPages({
		limit,
		pageSize: PAGE_SIZE,
		// prev_id asks for entries added before that id (000).
		direction: 'before',
		idField: 'id',
		fetchPage: async (prevId, cnt) =>
			await smscRequest.call(this, 'phones', { get_black: 1, cnt, prev_id: prevId }, { readOnly: true, list: true, itemIndex }),
	});
	return entries.map(simplifyBlacklistEntry);
}

export const getAll: SmscOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		description: 'Get many blacklisted phone numbers, newest first',
		action: 'Get many blacklist entries',
	},
	description: updateDisplayOptions({ show: { resource: ['blacklist'], operation: ['getAll'] } }, properties),
	execute,
};

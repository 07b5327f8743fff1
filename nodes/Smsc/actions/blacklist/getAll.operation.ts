import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { PHONES_PAGE_SIZE } from '../../../shared/smsc/rules';
import { collectPages, getManyFields } from '../paging';
import { defineOperation } from '../operation';
import { simplifyBlacklistEntry } from './blacklist';

const properties: INodeProperties[] = getManyFields();

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	// prev_id asks for entries added before that id (SMSC page "Управление контактами").
	const entries = await collectPages.call(this, itemIndex, {
		script: 'phones',
		params: () => ({ get_black: 1 }),
		cursorParam: 'prev_id',
		idField: 'id',
		pageSize: PHONES_PAGE_SIZE,
	});
	return entries.map(simplifyBlacklistEntry);
}

export const getAll = defineOperation(
	'blacklist',
	'getAll',
	properties,
	{ execute },
	{
		name: 'Get Many',
		description: 'Get many blacklisted phone numbers, newest first',
		action: 'Get many blacklist entries',
	},
);

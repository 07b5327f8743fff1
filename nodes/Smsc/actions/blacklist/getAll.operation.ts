import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { addressBook, addressBookField, bookPages } from '../addressBook';
import { getManyFields } from '../paging';
import type { RunState } from '../runState';
import { defineOperation } from '../operation';
import { simplifyBlacklistEntry } from './blacklist';

const properties: INodeProperties[] = [addressBookField, ...getManyFields()];

async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: RunState,
): Promise<IDataObject[]> {
	const book = addressBook.call(this, itemIndex);
	// prev_id asks for entries added before that id (SMSC page "Управление контактами").
	const entries = await bookPages.call(this, itemIndex, run, book, {
		params: () => ({ get_black: 1 }),
		cursorParam: 'prev_id',
		idField: 'id',
	});
	return entries.map((entry) => simplifyBlacklistEntry(entry, book));
}

export const getAll = defineOperation('blacklist', 'getAll', properties, execute, {
	name: 'Get Many',
	description: 'Get many blacklisted phone numbers or e-mail addresses, newest first',
	action: 'Get many blacklist entries',
});

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { PHONES_PAGE_SIZE } from '../../../shared/smsc/rules';
import { positiveId } from '../../descriptions/locators';
import { addressBook, addressBookField, bookPages } from '../addressBook';
import { getManyFields } from '../paging';
import type { RunState } from '../runState';
import { defineOperation } from '../operation';
import { simplifyContact } from './contact';

const properties: INodeProperties[] = [
	addressBookField,
	...getManyFields([
		{
			displayName: 'Group Name or ID',
			name: 'group',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getGroups' },
			default: '',
			description:
				'Return only contacts of this group. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Person Name',
			name: 'personName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Petrova',
			description: 'Return only contacts whose first, last or middle name contains this text',
		},
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			placeholder: 'e.g. Anna or 7999',
			description:
				'Return only contacts whose name or address (phone number or e-mail) contains this text',
		},
	]),
];

interface Filters {
	group?: string | number;
	personName?: string;
	search?: string;
}

async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: RunState,
): Promise<IDataObject[]> {
	const book = addressBook.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as Filters;
	const group = String(filters.group ?? '').trim();
	const base: IDataObject = {
		get: 1,
		grp: group === '' ? undefined : positiveId.call(this, 'group', group, itemIndex),
		fio: filters.personName?.trim(),
		search: filters.search?.trim(),
	};

	// after_id asks for contacts after that server ID (int_id, SMSC page "Управление контактами").
	const contacts = await bookPages.call(this, itemIndex, run, book, {
		params: () => base,
		cursorParam: 'after_id',
		idField: 'int_id',
		// The page's fmt=3 contact has no int_id; it is named only under after_id. Whether SMSC sends
		// it is a guess: when it does not, only one page can be read.
		noCursor: `SMSC returned ${PHONES_PAGE_SIZE} contacts without their server IDs (int_id), so the rest cannot be requested. Narrow the list with a filter (group, person name or search) to under ${PHONES_PAGE_SIZE} contacts, or set Limit to at most ${PHONES_PAGE_SIZE}.`,
	});
	return contacts.map((raw) => simplifyContact(raw, book));
}

export const getAll = defineOperation('contact', 'getAll', properties, execute, {
	name: 'Get Many',
	description: 'Get many contacts, optionally of one group or matching a search',
	action: 'Get many contacts',
});

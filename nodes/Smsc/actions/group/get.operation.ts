import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { smscList } from '../../../shared/transport/request';
import { BOOKS, addressBook, addressBookField } from '../addressBook';
import type { AddressBook } from '../addressBook';
import { defineOperation } from '../operation';
import type { RunState } from '../runState';
import { simplifyGroup } from './group';
import { groupIdParam, groupLocator } from '../../descriptions/locators';

const properties: INodeProperties[] = [addressBookField, groupLocator('The group to get')];

/**
 * phones.php has no command for one group (SMSC page "Управление контактами"): `get_group` lists
 * them all, and SMSC refuses a fourth identical phones.php request within a minute (error 9). So
 * one run of the node asks once and every item looks its group up in that answer.
 */
async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: RunState,
): Promise<IDataObject> {
	const id = groupIdParam.call(this, itemIndex);
	// mails.php answers get_group for the e-mail groups in the same form (SMSC page "Управление контактами")
	const book: AddressBook = addressBook.call(this, itemIndex);
	const groups = run.once(`groups:${book}`, async () =>
		smscList.call(this, BOOKS[book].script, { get_group: 1 }, itemIndex),
	);
	const found = (await groups).map(simplifyGroup).find((group) => group.id === id);
	if (!found) {
		throw new NodeOperationError(this.getNode(), `SMSC has no group with ID ${id}.`, { itemIndex });
	}
	return found;
}

export const get = defineOperation('group', 'get', properties, execute, {
	name: 'Get',
	description: 'Get one contact group by its ID',
	action: 'Get a group',
});

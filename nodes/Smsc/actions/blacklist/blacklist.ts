import type { IDataObject } from 'n8n-workflow';

import type { AddressBook } from '../addressBook';

/** phones.php blacklist `type` (SMSC page "Управление контактами"): which messages to the number SMSC refuses. */
export const BLOCK_TYPES: Record<string, number> = { all: 0, mass: 1, single: 2 };

const BLOCK_NAMES: Record<number, string> = { 0: 'all', 1: 'mass', 2: 'single' };

/** One blacklist entry as the node outputs it: SMSC's fields (SMSC page "Управление контактами"), the type as the same word the Block field uses. */
export function simplifyBlacklistEntry(raw: IDataObject, book: AddressBook): IDataObject {
	const id = Number(raw.id);
	const type = Number(raw.type);
	// GUESS (docs/fidelity.md): the page names the e-mail blacklist's address `<email>` but shows
	// no mails.php answer; `email`, `mail` and `phone` are all read, and an entry without any of
	// them is output as it came
	const address = book === 'mails' ? (raw.email ?? raw.mail ?? raw.phone) : raw.phone;
	if (address === undefined) return raw;
	return {
		id: raw.id !== undefined && Number.isFinite(id) ? id : raw.id,
		[book === 'mails' ? 'mail' : 'phone']: String(address),
		type: BLOCK_NAMES[type] ?? raw.type,
		comment: String(raw.comment ?? ''),
	};
}

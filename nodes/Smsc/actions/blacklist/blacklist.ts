import type { IDataObject } from 'n8n-workflow';

/** phones.php blacklist `type` (SMSC page "Управление контактами"): which messages to the number SMSC refuses. */
export const BLOCK_TYPES: Record<string, number> = { all: 0, mass: 1, single: 2 };

const BLOCK_NAMES: Record<number, string> = { 0: 'all', 1: 'mass', 2: 'single' };

/** One blacklist entry as the node outputs it: SMSC's fields (SMSC page "Управление контактами"), the type as the same word the Block field uses. */
export function simplifyBlacklistEntry(raw: IDataObject): IDataObject {
	const id = Number(raw.id);
	const type = Number(raw.type);
	return {
		id: raw.id !== undefined && Number.isFinite(id) ? id : raw.id,
		phone: String(raw.phone ?? ''),
		type: BLOCK_NAMES[type] ?? raw.type,
		comment: String(raw.comment ?? ''),
	};
}

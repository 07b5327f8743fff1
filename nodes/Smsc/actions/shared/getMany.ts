import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toNumber } from '../../../shared/numbers';

/** Return All + Limit, as every n8n Get Many operation has them. */
export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
];

/** How many rows the item asks for; Return All is Infinity so paging code needs no second case. */
export function getManyLimit(this: IExecuteFunctions, itemIndex: number): number {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
}

export interface PagedList {
	/** Rows wanted in all (Infinity for Return All). */
	limit: number;
	/** SMSC's cap on `cnt` for this list; a shorter page means the list is exhausted. */
	pageSize: number;
	/**
	 * `after`: the cursor is an exclusive lower bound (after_id), so pages move to larger ids;
	 * `before`: an exclusive upper bound (prev_id), so pages move to smaller ids.
	 */
	direction: 'after' | 'before';
	/** The cursor of the first request, when the user gives one. */
	start?: number;
	/** One request; its answer may be a list or, for a single row, the row itself. */
	fetchPage: (cursor: number | undefined, cnt: number) => Promise<unknown>;
	/** The row field the cursor is made of (int_id or id, depending on the script). */
	idField: string;
}

/**
 * Reads a cursor-paged SMSC list until the limit is reached or SMSC has no more. The next cursor
 * is the furthest id seen in the paging direction, which does not depend on the order of rows in
 * a page; a cursor that did not move would fetch the same page again, so paging stops there.
 */
export async function collectPages(list: PagedList): Promise<IDataObject[]> {
	const { limit, pageSize, direction } = list;
	const rows: IDataObject[] = [];
	let cursor = list.start;
	while (rows.length < limit) {
		const cnt = Math.min(pageSize, limit - rows.length);
		const answer = await list.fetchPage(cursor, cnt);
		const page = (Array.isArray(answer) ? answer : [answer]) as IDataObject[];
		rows.push(...page.slice(0, limit - rows.length));
		if (page.length < cnt) break;
		let next: number | undefined;
		for (const row of page) {
			const id = toNumber((row as IDataObject | undefined)?.[list.idField]);
			if (id === undefined) continue;
			if (next === undefined || (direction === 'after' ? id > next : id < next)) next = id;
		}
		if (next === undefined) break;
		if (cursor !== undefined && (direction === 'after' ? next <= cursor : next >= cursor)) break;
		cursor = next;
	}
	return rows;
}

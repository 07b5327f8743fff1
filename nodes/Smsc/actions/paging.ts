import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toNumber } from '../../shared/smsc/numbers';
import { inRange, ONE_OR_MORE, outOfRange } from '../../shared/smsc/rules';
import { smscList } from '../../shared/transport/request';
import type { SmscScript } from '../../shared/transport/types';
import type { RunState } from './runState';

/** Return All + Limit, as every n8n Get Many operation has them. */
const returnAllFields: INodeProperties[] = [
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

/** Return All, Limit and, where the list can be narrowed, the Filters collection: the fields every Get Many starts with. */
export function getManyFields(filters: INodeProperties[] = []): INodeProperties[] {
	if (filters.length === 0) return returnAllFields;
	return [
		...returnAllFields,
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: filters,
		},
	];
}

/** How many rows the item asks for; Return All is Infinity so paging code needs no second case. */
export function getManyLimit(this: IExecuteFunctions, itemIndex: number): number {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	if (returnAll) return Infinity;
	const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
	// the editor's minimum, checked again for a value set by an expression
	if (!inRange(limit, ONE_OR_MORE))
		throw new NodeOperationError(this.getNode(), outOfRange('Limit', limit, ONE_OR_MORE), {
			itemIndex,
		});
	return Number(limit);
}

export interface PagedList {
	script: SmscScript;
	/** The request's own parameters; `cnt` and the cursor are added to them. */
	params: (cursor: number | undefined) => IDataObject;
	/**
	 * after_id is an exclusive lower bound, so pages move to larger ids; prev_id is an exclusive
	 * upper bound, so pages move to smaller ids.
	 */
	cursorParam: 'after_id' | 'prev_id';
	/** The row field the cursor is made of. */
	idField: 'id' | 'int_id';
	/** SMSC's cap on `cnt` for this list; a shorter page means the list is exhausted. */
	pageSize: number;
	/** The cursor of the first request, when the user gives one. */
	start?: number;
	/**
	 * What to tell the user when a full page carries no cursor, so the rest cannot be asked for;
	 * without it paging just stops there.
	 */
	noCursor?: string;
}

/**
 * Reads a cursor-paged SMSC list until Return All/Limit is satisfied or SMSC has no more. The next
 * cursor is the furthest id seen in the paging direction, which does not depend on the order of
 * rows in a page; a cursor that did not move would fetch the same page again, so paging stops.
 */
export async function collectPages(
	this: IExecuteFunctions,
	itemIndex: number,
	run: RunState,
	list: PagedList,
): Promise<IDataObject[]> {
	const limit = getManyLimit.call(this, itemIndex);
	const upward = list.cursorParam === 'after_id';
	const rows: IDataObject[] = [];
	let cursor = list.start;
	while (rows.length < limit) {
		const cnt = Math.min(list.pageSize, limit - rows.length);
		const page = await fetchPage.call(
			this,
			run,
			list.script,
			{ ...list.params(cursor), cnt, [list.cursorParam]: cursor },
			itemIndex,
		);
		rows.push(...page.slice(0, limit - rows.length));
		if (page.length < cnt || rows.length >= limit) break;
		let next: number | undefined;
		for (const row of page) {
			const id = toNumber((row as IDataObject | undefined)?.[list.idField]);
			if (id !== undefined && (next === undefined || (upward ? id > next : id < next))) next = id;
		}
		// a full page without ids: more rows may exist and there is no way to ask for them, so say so
		// rather than return a list that silently stops at one page
		if (next === undefined && list.noCursor !== undefined) {
			throw new NodeOperationError(this.getNode(), list.noCursor, { itemIndex });
		}
		if (next === undefined || (cursor !== undefined && (upward ? next <= cursor : next >= cursor)))
			break;
		cursor = next;
	}
	return rows;
}

/**
 * A page, read once per node run: items often ask for the same list, and SMSC refuses the fourth
 * identical phones.php request within a minute (error 9). A page that failed is asked for again.
 */
async function fetchPage(
	this: IExecuteFunctions,
	run: RunState,
	script: SmscScript,
	params: IDataObject,
	itemIndex: number,
): Promise<IDataObject[]> {
	const pages = run.once('pages', () => new Map<string, IDataObject[]>());
	const key = JSON.stringify([script, params]);
	let page = pages.get(key);
	if (!page) {
		page = await smscList.call(this, script, params, itemIndex);
		pages.set(key, page);
	}
	// each item gets its own rows, so shaping one item's output cannot change another's
	return page.map((row) => ({ ...row }));
}

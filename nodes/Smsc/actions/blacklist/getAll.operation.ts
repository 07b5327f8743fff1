import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { smscRequest } from '../../../shared/transport';
import type { SmscOperation } from '../types';
import { simplifyBlacklistEntry } from './blacklist';

/** phones.php returns at most 1000 records per request (000). */
const MAX_PAGE = 1000;

const properties: INodeProperties[] = [
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

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);

	const entries: IDataObject[] = [];
	let prevId: number | undefined;
	// prev_id asks for entries added before that id, so each page continues below the smallest id seen.
	while (entries.length < limit) {
		const cnt = Math.min(MAX_PAGE, limit - entries.length);
		const page = await smscRequest.call(this, 'phones', { get_black: 1, cnt, prev_id: prevId }, {
			readOnly: true,
			list: true,
			itemIndex,
		});
		const rows = Array.isArray(page) ? page : [page];
		entries.push(...rows.slice(0, limit - entries.length).map(simplifyBlacklistEntry));
		const ids = rows.map((row) => Number(row.id)).filter((id) => Number.isFinite(id));
		const smallest = ids.length ? Math.min(...ids) : undefined;
		if (rows.length < cnt || smallest === undefined || (prevId !== undefined && smallest >= prevId)) break;
		prevId = smallest;
	}
	return entries;
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

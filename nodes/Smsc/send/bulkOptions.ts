import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { MAX_CONCURRENCY } from '../../shared/smsc/rules';
import { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, MAX_BATCH_SIZE } from './batch';

/**
 * How Send packs and paces its requests, and the raw answer: settings of the run, not of the
 * message, so they are kept out of Options. Send reads them from the first item.
 */
export const bulkOptions: INodeProperties = {
	displayName: 'Bulk Options',
	name: 'bulkOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE },
			default: DEFAULT_BATCH_SIZE,
			description: 'Max number of items packed into one request when Batching is on',
		},
		{
			displayName: 'Batching',
			name: 'batching',
			type: 'boolean',
			default: true,
			description:
				'Whether to pack items with the same options into one request (SMSC "list"). Off sends one request per item.',
		},
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
			default: DEFAULT_CONCURRENCY,
			description:
				'Max number of requests in flight at once. SMSC refuses a 15th concurrent request per login.',
		},
		{
			displayName: 'Include Raw Response',
			name: 'rawResponse',
			type: 'boolean',
			default: false,
			description: "Whether to add SMSC's answer, as received, to the output",
		},
	],
};

/** The fields only Send declares. */
export const sendOnlyFields: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['send'] } },
	[bulkOptions],
);

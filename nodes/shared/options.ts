import type { INodeProperties } from 'n8n-workflow';

/**
 * The "Options" collection of a node or an operation: settings the user adds one at a time.
 * A collection of five or more options is written out literally instead, so that n8n's lint can
 * check that its options are sorted.
 */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmscOperation } from './types';

/** Fields several operations declare as the same objects (Send and Get Cost), already shown for each of them. */
export interface SharedFields {
	shared: INodeProperties[];
}

/**
 * One operation of a resource. Its value is written once: it is the picker entry's value and the
 * operation its fields are shown for (shared fields are used as they are, so n8n lists them once).
 */
export function defineOperation(
	resource: string,
	value: string,
	fields: INodeProperties[] | SharedFields,
	run: Pick<SmscOperation, 'execute' | 'executeAll'>,
	{ name, ...option }: Omit<INodePropertyOptions, 'value'>,
): SmscOperation {
	return {
		option: { name, value, ...option },
		description: Array.isArray(fields)
			? updateDisplayOptions({ show: { resource: [resource], operation: [value] } }, fields)
			: fields.shared,
		...run,
	};
}

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { FailedEntry } from './itemErrors';
import type { RunState } from './runState';

/**
 * One SMSC operation. Most operations handle one item at a time (`execute`); an operation that
 * must see all items at once to pack them into fewer requests implements `executeAll` and then
 * owns pairing and continueOnFail for its items.
 */
export interface SmscOperation {
	option: INodePropertyOptions;
	description: INodeProperties[];
	/**
	 * One item; `run` keeps what the run's items share (see runState.ts). An item's entries may
	 * include failures of their own (FailedEntry), output as error items.
	 */
	execute?(
		this: IExecuteFunctions,
		itemIndex: number,
		run: RunState,
	): Promise<IDataObject | Array<IDataObject | FailedEntry>>;
	executeAll?(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

export interface SmscResource {
	operations: Record<string, SmscOperation>;
	/**
	 * The resource's Operation picker, written out literally (displayOptions for the resource,
	 * `options` from the operations, a literal `default`) so that n8n's lint rules can check it.
	 * See account/index.ts.
	 */
	operationProperty: INodeProperties;
}

/** Fields several operations declare as the same objects (Send and Get Cost), already shown for each of them. */
export interface SharedFields {
	shared: INodeProperties[];
}

/**
 * One operation of a resource. Its value is written once: it is the picker entry's value and the
 * operation its fields are shown for (shared fields are used as they are, so n8n lists them once).
 * `run` is the operation's `execute` for one item, or `{ executeAll }`.
 */
export function defineOperation(
	resource: string,
	value: string,
	fields: INodeProperties[] | SharedFields,
	run: NonNullable<SmscOperation['execute']> | Required<Pick<SmscOperation, 'executeAll'>>,
	{ name, ...option }: Omit<INodePropertyOptions, 'value'>,
): SmscOperation {
	return {
		option: { name, value, ...option },
		description: Array.isArray(fields)
			? updateDisplayOptions({ show: { resource: [resource], operation: [value] } }, fields)
			: fields.shared,
		...(typeof run === 'function' ? { execute: run } : run),
	};
}

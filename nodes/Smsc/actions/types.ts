import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

/**
 * One SMSC operation. Most operations handle one item at a time (`execute`); an operation that
 * must see all items at once to pack them into fewer requests implements `executeAll` and then
 * owns pairing and continueOnFail for its items.
 */
export interface SmscOperation {
	option: INodePropertyOptions;
	description: INodeProperties[];
	execute?(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
	executeAll?(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

export interface SmscResource {
	option: INodePropertyOptions;
	operations: Record<string, SmscOperation>;
	/**
	 * The resource's Operation picker, written out literally (displayOptions for the resource,
	 * `options` from the operations, a literal `default`) so that n8n's lint rules can check it.
	 * See account/index.ts.
	 */
	operationProperty: INodeProperties;
}

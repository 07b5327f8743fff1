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
	defaultOperation: string;
	/**
	 * The resource's Operation picker written out literally (with `default`), so n8n's lint rules
	 * can check it; resources.ts builds one from `operations` when it is absent.
	 */
	operationProperty?: INodeProperties;
}
